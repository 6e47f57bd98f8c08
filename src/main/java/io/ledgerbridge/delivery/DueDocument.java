package io.ledgerbridge.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A document a lane has claimed: its desired state (payload) and what Xero holds of it.
 *
 * @param outcomeUnknown a write got no answer: Xero may hold it, so it is looked up before anything is sent
 * @param unknownSince   when that write went (a look-up asks Xero only for what changed since then)
 * @param paymentState   mark-as-paid's progress, null when no payment is wanted or known
 * @param failures       temporary failures since Xero last settled something about it: what backoff grows with
 */
record DueDocument(
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
        UUID paymentId,
        PaymentState paymentState,
        OffsetDateTime unknownSince,
        int failures) {

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

    /** Xero holds this version already and only its payment is left to do. */
    public boolean onlyPaymentLeft() {
        return !cancelled() && xeroId != null && deliveredVersion != null && deliveredVersion == version
                && (paymentState == PaymentState.DUE || paymentState == PaymentState.SENT);
    }

    /** The same document, now known to be in Xero (a look-up found it): its id and status there. */
    DueDocument foundInXero(UUID id, String status) {
        return new DueDocument(documentId, workspaceId, sourceKey, orderId, xeroType, version, lastEventType, payload,
                id, deliveredVersion, status, false, attempts, paymentId, paymentState, null, failures);
    }

    /** The same document, now known not to be in Xero (a look-up proved it absent). */
    DueDocument absentFromXero() {
        return new DueDocument(documentId, workspaceId, sourceKey, orderId, xeroType, version, lastEventType, payload,
                xeroId, deliveredVersion, xeroStatus, false, attempts, paymentId, paymentState, null, failures);
    }
}
