package io.ledgerbridge.connection;

/** The workspace's Xero grant is gone (revoked, expired, never made): its work waits for a reconnect. */
public class NeedsReconnectException extends RuntimeException {

    private final String workspaceId;

    public NeedsReconnectException(String workspaceId, String reason) {
        super("Workspace '" + workspaceId + "' cannot reach Xero: " + reason);
        this.workspaceId = workspaceId;
    }

    public String workspaceId() {
        return workspaceId;
    }
}
