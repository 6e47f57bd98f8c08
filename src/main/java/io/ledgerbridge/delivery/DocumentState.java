package io.ledgerbridge.delivery;

/** Where a document stands, as the documents table, the API and xero.sync.status name it. */
enum DocumentState {
    /** Recorded or due again: a delivery pass will take it. */
    PENDING,
    /** Held for a reason a setting, a mapping, a connection or an approval removes (see the waiting reason). */
    WAITING,
    /** Xero holds this version. */
    SYNCED,
    /** This version cannot go until a person fixes what the error names. */
    FAILED,
    /** Paid in Xero: LedgerBridge no longer changes it. */
    LOCKED,
    /** Synced, and the platform's payment applied in Xero. */
    PAID,
    /** Cancelled: voided or deleted in Xero, or it never reached Xero. */
    VOIDED,
    /** Over the free plan's monthly quota; goes when the plan or the month allows. */
    OVER_QUOTA,
    /** A person dealt with it; no more retries. */
    RESOLVED
}
