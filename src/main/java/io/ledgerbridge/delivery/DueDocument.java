package io.ledgerbridge.delivery;

import java.util.UUID;

/** A document a lane has claimed: its desired state (payload) and what Xero holds of it. */
public record DueDocument(
        UUID documentId,
        String workspaceId,
        String sourceKey,
        String orderId,
        String xeroType,
        long version,
        String lastEventType,
        String payload,
        UUID xeroId,
        Long deliveredVersion,
        String xeroStatus,
        boolean outcomeUnknown,
        int attempts,
        UUID paymentId) {

    public boolean cancelled() {
        return "order.cancelled".equals(lastEventType);
    }

    public boolean creditNote() {
        return xeroType.endsWith("CREDIT");
    }

    /** The supplier's side (ACCREC, ACCRECCREDIT), coded for sales; else the venue's, coded for purchases. */
    public boolean sales() {
        return xeroType.startsWith("ACCREC");
    }
}
