package io.ledgerbridge.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What one attempt at a credit note's allocation comes to, decided by {@link AllocationDecisions} and written in one
 * short transaction by {@link AllocationRepository#apply}. Only {@link Unknown} leaves the allocation SENT: every
 * other outcome was settled by an answer or a read of the credit note, or nothing reached Xero.
 */
sealed interface AllocationOutcome {

    /** Xero holds it: {@code allocationId} (null when Xero's answer named none) for {@code amount}. */
    record Applied(UUID allocationId, BigDecimal amount) implements AllocationOutcome {
    }

    /** Xero refused it for good, or there is nothing left to allocate: REFUSED, with what a person does. */
    record Refused(String reason, String fixHint) implements AllocationOutcome {
    }

    /** Not now, nothing was allocated: DUE again at {@code at}; {@code attempt}: a failure that counts for backoff. */
    record Later(Instant at, String error, boolean attempt) implements AllocationOutcome {
    }

    /** It may have reached Xero: SENT, and the credit note is read before it is sent again at {@code at}. */
    record Unknown(Instant at, String error) implements AllocationOutcome {
    }
}
