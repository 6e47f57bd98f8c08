package io.ledgerbridge.delivery;

/** Why a WAITING document waits, and what releases it. */
enum WaitingReason {
    /** The workspace never connected Xero: released when it connects. */
    NOT_CONNECTED,
    /** The Xero grant is gone: released when the workspace connects again. */
    NEEDS_RECONNECT,
    /** Invoice push is off: released when it is turned on. */
    SYNC_OFF,
    /** Automatic sync is off: released when it is turned on (or when a sync is started). */
    MANUAL_SYNC,
    /** Sent as a draft for want of accounts: released by a mapping or a default account. */
    GL_ACCOUNT_REQUIRED,
    /** The platform marked it paid, but Xero holds it unapproved: released by a re-sync once it is approved. */
    PAYMENT_AWAITS_APPROVAL,
    /**
     * A newer version of a credit note LedgerBridge allocated: Xero refuses to change an allocated credit note, so it
     * waits until the allocation job removed that allocation ({@link CreditNoteAllocations}), which releases it.
     */
    ALLOCATION_REMOVAL
}
