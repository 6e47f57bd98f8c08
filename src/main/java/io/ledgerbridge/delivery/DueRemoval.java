package io.ledgerbridge.delivery;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * LedgerBridge's allocation of a credit note that a run has claimed to remove: a newer version of the credit note
 * waits for it (WAITING, {@link WaitingReason#ALLOCATION_REMOVAL}), or an earlier removal got no answer (REMOVING).
 *
 * @param allocationId Xero's AllocationID as stored (null when Xero's answer named none: it is read from Xero)
 * @param amount       what was allocated
 * @param version      the credit note's version, for its history line
 * @param orderId      the credit note's order and xeroType its Xero type: what its status event names
 */
record DueRemoval(
        String workspaceId,
        UUID documentId,
        AllocationState allocationState,
        UUID creditNoteXeroId,
        UUID invoiceXeroId,
        UUID allocationId,
        BigDecimal amount,
        long version,
        int attempts,
        int failures,
        String orderId,
        String xeroType) {

    /** An earlier removal got no answer, or Xero's allocation id is not known: the credit note is read first. */
    boolean readFirst() {
        return allocationState == AllocationState.REMOVING || allocationId == null;
    }
}
