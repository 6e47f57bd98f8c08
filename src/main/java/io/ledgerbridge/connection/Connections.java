package io.ledgerbridge.connection;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Connecting a workspace to its Xero organisation: the connection stored, and the features that wait for it told. */
@Service
public class Connections {

    private final XeroConnectionRepository connections;
    private final ApplicationEventPublisher events;

    public Connections(XeroConnectionRepository connections, ApplicationEventPublisher events) {
        this.connections = connections;
        this.events = events;
    }

    /** Stores a new grant for the workspace as CONNECTED; what waited for a connection goes by itself. */
    @Transactional
    public void connected(XeroConnection connection) {
        connections.save(connection);
        events.publishEvent(new WorkspaceConnected(connection.workspaceId(), connection.tenantId()));
    }
}
