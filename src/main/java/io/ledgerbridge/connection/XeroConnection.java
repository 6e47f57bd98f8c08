package io.ledgerbridge.connection;

import java.time.Instant;
import java.util.UUID;

/** A workspace's connection to one Xero organisation, with its tokens decrypted. */
public record XeroConnection(
        String workspaceId,
        UUID tenantId,
        String tenantName,
        String accessToken,
        String refreshToken,
        Instant accessExpiresAt,
        Status status,
        String statusReason) {

    public enum Status { CONNECTED, NEEDS_RECONNECT, DISCONNECTED }

    public boolean usable() {
        return status == Status.CONNECTED;
    }
}
