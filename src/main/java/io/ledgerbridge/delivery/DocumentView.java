package io.ledgerbridge.delivery;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A document as the API shows it: what it is, where it stands in Xero (with what Xero says was paid on it, as the
 * invoice status pull last saw), and what to fix when it failed. A credit note also shows its allocation to the
 * invoice of its order ({@code allocationState}: DUE, SENT, APPLIED or REFUSED; null while there is none to make,
 * e.g. its invoice is not in Xero yet, and on every other document), with what to fix when Xero refused it.
 */
public record DocumentView(
        UUID documentId,
        String workspaceId,
        String sourceKey,
        String orderId,
        String xeroType,
        long version,
        String lastEventId,
        String lastEventType,
        String number,
        String currency,
        BigDecimal total,
        String state,
        String waitingReason,
        UUID xeroId,
        String xeroStatus,
        String error,
        String fixHint,
        int attempts,
        BigDecimal amountPaid,
        String allocationState,
        BigDecimal allocatedAmount,
        String allocationError,
        String allocationFixHint,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
