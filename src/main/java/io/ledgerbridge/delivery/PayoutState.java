package io.ledgerbridge.delivery;

/** A platform payout (F24) on its way to Xero as one batch payment (the payouts table's state column). */
public enum PayoutState {
    /** Recorded, not looked at yet. */
    PENDING,
    /** Waits for something outside it: an invoice not yet in Xero, the clearing account, the connection (error says). */
    WAITING,
    /** PUT /BatchPayments went without an answer: Xero may hold it, so its batches are read before any resend. */
    SENT,
    /** One batch payment in Xero (batch_payment_id). Nothing changes it again. */
    APPLIED,
    /** It cannot be applied as sent (error and fix_hint say why); the platform sends a corrected payout, or once
     * fixed here it is retried (POST …/retry: PENDING again, a new attempt). */
    FAILED
}
