package io.ledgerbridge.delivery;

import java.time.Instant;

/**
 * What one attempt at removing LedgerBridge's allocation of a credit note comes to (a newer version of the credit note
 * waits for it: Xero refuses to change an allocated credit note), decided by {@link AllocationDecisions} and written
 * in one short transaction by {@link AllocationRepository#applyRemoval}, with what it means for the credit note.
 */
sealed interface RemovalOutcome {

    /**
     * Xero no longer holds the allocation: it is DUE again (for the new version's total, once that is SYNCED), and the
     * waiting credit note is released to the delivery lane.
     */
    record Removed() implements RemovalOutcome {
    }

    /** Xero refused to remove it: the credit note's new version is LOCKED, with what a person does. */
    record Refused(String reason) implements RemovalOutcome {
    }

    /** Nothing was removed, and nothing unknown was sent: the allocation stays as it is and goes again at {@code at}. */
    record Later(Instant at, String error, boolean attempt) implements RemovalOutcome {
    }

    /** The removal may have reached Xero: REMOVING, and the credit note is read before anything goes again at {@code at}. */
    record Unknown(Instant at, String error) implements RemovalOutcome {
    }
}
