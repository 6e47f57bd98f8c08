package io.ledgerbridge.connection;

import java.util.UUID;

/**
 * A disconnected workspace's links to the records of its old organisation are to be forgotten, so that it can connect
 * another one: published in the transaction that forgets the organisation. The documents already sent stay as they
 * are, without their Xero ids; what waits goes to the next organisation.
 */
public record XeroLinksCleared(String workspaceId, UUID oldTenantId) {
}
