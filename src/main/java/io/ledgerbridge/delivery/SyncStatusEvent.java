package io.ledgerbridge.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One document state change, as published on xero.sync.status (key: workspace id). {@code state} is one
 * of SYNCED, FAILED, LOCKED, PAID, VOIDED, WAITING (CONTRACTS.md); {@code reason} says why it waits.
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
        Instant at) {

    public boolean failed() {
        return "FAILED".equals(state);
    }
}
