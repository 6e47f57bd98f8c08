package io.ledgerbridge.xero;

/**
 * What a call is for. Pushes (documents a customer is waiting for) go before bulk pulls (PRODUCT.md F45):
 * a pull gets no permit once the day budget is down to {@link PacingSettings#pullReserve()}, and never takes
 * a tenant's last free in-flight slot.
 */
public enum Priority {
    /** Creating or updating documents in Xero. */
    PUSH,
    /** Reading contacts, items, tax rates, accounts, tracking categories or invoice status from Xero. */
    PULL
}
