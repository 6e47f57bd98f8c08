package io.ledgerbridge.connection;

import java.util.UUID;

/** A workspace's Xero connection was made (or made again): published in the transaction that stored it. */
public record WorkspaceConnected(String workspaceId, UUID tenantId) {
}
