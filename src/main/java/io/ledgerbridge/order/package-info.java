/**
 * The platform's order document as LedgerBridge reads it (CONTRACTS.md's event data).
 */
@ApplicationModule(displayName = "Order", allowedDependencies = {})
package io.ledgerbridge.order;

import org.springframework.modulith.ApplicationModule;
