package io.ledgerbridge.connection;

/** The workspace has never connected Xero: its documents wait until it does. */
public class NotConnectedException extends NeedsReconnectException {

    public NotConnectedException(String workspaceId) {
        super(workspaceId, "it is not connected to Xero yet");
    }
}
