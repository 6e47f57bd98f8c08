package io.ledgerbridge.delivery;

/** Mark-as-paid (F19) for one document: the platform's payment, on its way to Xero. */
enum PaymentState {
    /** To apply: the invoice is in Xero, approved, and its payment has not gone. */
    DUE,
    /** A payment went without an answer: Xero may hold it, so the invoice's payments are read before any resend. */
    SENT,
    /** Applied in Xero (payment_id). */
    APPLIED
}
