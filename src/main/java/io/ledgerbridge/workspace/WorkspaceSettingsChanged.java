package io.ledgerbridge.workspace;

/** A workspace's settings were changed (published in the transaction that saved them). */
public record WorkspaceSettingsChanged(String workspaceId, WorkspaceSettings before, WorkspaceSettings after) {
}
