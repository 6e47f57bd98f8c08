/**
 * Turns an order document into coded Xero lines (accounts, tax, tracking): pure functions, no I/O.
 */
@ApplicationModule(displayName = "Coding", allowedDependencies = {"order", "workspace", "xero", "support"})
package io.ledgerbridge.coding;

import org.springframework.modulith.ApplicationModule;
