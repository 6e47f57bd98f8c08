package io.ledgerbridge.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One document state change, as published on xero.sync.status (key: workspace id). {@code state} is one
 * of SYNCED, FAILED, LOCKED, PAID, VOIDED, WAITING (CONTRACTS.md); {@code reason} says why it waits. {@code
 * amountPaid} is what Xero says was paid on it, when the invoice status pull read it (part-paid, paid), else null.
 */
record SyncStatusEvent(
        String workspaceId,
        UUID documentId,
        String orderId,
        String xeroType,
        long version,
        String state,
        String reason,
        UUID xeroId,
        String xeroStatus,
        String error,
        String fixHint,
        Instant at,
        BigDecimal amountPaid) {

    /** A state change of a push, where what Xero says was paid is not read. */
    SyncStatusEvent(String workspaceId, UUID documentId, String orderId, String xeroType, long version, String state,
                    String reason, UUID xeroId, String xeroStatus, String error, String fixHint, Instant at) {
        this(workspaceId, documentId, orderId, xeroType, version, state, reason, xeroId, xeroStatus, error, fixHint, at, null);
    }

    public boolean failed() {
        return "FAILED".equals(state);
    }
}
