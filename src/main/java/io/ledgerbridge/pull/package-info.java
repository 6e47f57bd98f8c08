/**
 * Xero → LedgerBridge: Xero's webhooks (POST /webhooks/xero, signature checked over the raw body) and the marks they
 * leave of what to refresh (RefreshMarks), read by the feature that owns the records (delivery's invoice status pull
 * refreshes the invoices marked, in the tenant's budget). Room for the contacts, items and tax-rate pulls next.
 */
@ApplicationModule(displayName = "Pull", allowedDependencies = {"connection", "support"})
package io.ledgerbridge.pull;

import org.springframework.modulith.ApplicationModule;
