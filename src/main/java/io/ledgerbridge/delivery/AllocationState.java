package io.ledgerbridge.delivery;

/**
 * The allocation of one credit note to the invoice or bill of its order (issue 11), a state of its own beside the
 * credit note's {@link DocumentState}: the credit note stays SYNCED whatever becomes of its allocation.
 */
enum AllocationState {
    /** To send: both documents are in Xero and approved, and no allocation went without an answer. */
    DUE,
    /** An allocation went without an answer (or with a 5xx): the credit note is read from Xero before any resend. */
    SENT,
    /** Xero holds the allocation. */
    APPLIED,
    /**
     * Our allocation is being removed for a newer version of the credit note: its DELETE went without an answer (or
     * with a 5xx or a 404), so the credit note is read from Xero before anything goes again.
     */
    REMOVING,
    /** Xero refused it for good (the invoice paid or voided meanwhile, nothing left to allocate): a person decides. */
    REFUSED
}
