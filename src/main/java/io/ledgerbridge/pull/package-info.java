/**
 * Xero → LedgerBridge: Xero's webhooks (POST /webhooks/xero, signature checked over the raw body) and the marks they
 * leave of what to refresh (RefreshMarks), read by id for the feature that owns the records (MarkedRecords: delivery's
 * invoice status pull refreshes the invoices marked, in the tenant's budget; the contacts pull the contacts), and the
 * pulls of reference data: tax rates (for the manual tax mapping), contacts (xero.contacts, with the workspace's phone
 * and address mapping) and items (xero.products).
 */
@ApplicationModule(displayName = "Pull", allowedDependencies = {"connection", "xero", "workspace", "mapping", "sync", "api", "support"})
package io.ledgerbridge.pull;

import org.springframework.modulith.ApplicationModule;
