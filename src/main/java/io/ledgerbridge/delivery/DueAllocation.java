package io.ledgerbridge.delivery;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A credit note's allocation a run has claimed: the credit note and the invoice of its order as Xero knows them.
 *
 * @param documentId        the credit note's document
 * @param invoiceXeroId     the invoice it goes to (once sent, the one it was sent to)
 * @param creditTotal       the credit note's total (the version Xero holds: the credit note is SYNCED)
 * @param version           the credit note's version, for its history line
 * @param attempts          recorded outcomes so far: a new Idempotency-Key after each
 * @param failures          temporary failures in a row: what backoff grows with
 * @param orderId           the credit note's order, xeroType its Xero type and creditNoteXeroStatus its status in
 *                          Xero: what its status event names
 */
record DueAllocation(
        String workspaceId,
        UUID documentId,
        UUID invoiceDocumentId,
        AllocationState allocationState,
        UUID creditNoteXeroId,
        BigDecimal creditTotal,
        long version,
        UUID invoiceXeroId,
        int attempts,
        int failures,
        String orderId,
        String xeroType,
        String creditNoteXeroStatus) {

    /** An earlier sending got no answer: Xero may hold the allocation. */
    boolean sent() {
        return allocationState == AllocationState.SENT;
    }
}
