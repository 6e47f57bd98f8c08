/**
 * When the delivery lanes may call Xero: per-tenant and app-wide rate limits, in flight calls, the day
 * quota, pushes before bulk pulls (PRODUCT.md F45, ARCHITECTURE.md "Pacing"). Plain thread-safe objects
 * with no I/O, no Camel and no Spring; every decision takes the time as an argument.
 * Start with {@link io.ledgerbridge.xero.pacing.TenantPacer}.
 */
package io.ledgerbridge.xero.pacing;
