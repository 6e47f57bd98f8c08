package io.ledgerbridge.connection;

import java.util.UUID;

/** A workspace was disconnected from its Xero organisation: published in the transaction that deleted its tokens. */
public record WorkspaceDisconnected(String workspaceId, UUID tenantId) {
}
