package io.ledgerbridge.connection;

/** The workspace has never connected Xero, or was disconnected: its documents wait until it connects. */
public class NotConnectedException extends NeedsReconnectException {

    public NotConnectedException(String workspaceId) {
        super(workspaceId, "it is not connected to Xero yet");
    }

    /** Disconnected on purpose: {@code reason} says when and how. */
    public NotConnectedException(String workspaceId, String reason) {
        super(workspaceId, reason);
    }
}
