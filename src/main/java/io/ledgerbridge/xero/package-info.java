/**
 * Calls to Xero's Accounting API: its payloads, its errors as values (XeroReply), and the pacing that keeps
 * every call inside Xero's limits (PacedXero; the pacers are internal, in {@code xero.pacing}).
 */
@ApplicationModule(displayName = "Xero", allowedDependencies = {"connection", "support"})
package io.ledgerbridge.xero;

import org.springframework.modulith.ApplicationModule;
