package io.ledgerbridge.xero;

import java.time.Instant;

/** Xero's limits do not allow a call for this tenant before {@code notBefore}: the work waits, nothing failed. */
public class ThrottledException extends RuntimeException {

    private final transient Instant notBefore;

    public ThrottledException(String tenant, Instant notBefore) {
        super("Xero's limits for tenant " + tenant + " allow the next call at " + notBefore);
        this.notBefore = notBefore;
    }

    public Instant notBefore() {
        return notBefore;
    }
}
