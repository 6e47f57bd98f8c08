package io.ledgerbridge.sync;

import java.time.Instant;

/** A sync a workspace asked for, on its way to the sync route; {@code requestedAt} names the run. */
public record SyncRequest(String workspaceId, SyncScope scope, Instant requestedAt) {
}
