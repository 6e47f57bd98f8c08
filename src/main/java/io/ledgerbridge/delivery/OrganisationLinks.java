package io.ledgerbridge.delivery;

import io.ledgerbridge.connection.WorkspaceConnected;
import io.ledgerbridge.connection.XeroLinks;
import io.ledgerbridge.connection.XeroLinksCleared;
import io.ledgerbridge.pull.TaxRatesPulled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workspace's links to records in its Xero organisation, as the connect flow needs them: how many there are (a
 * workspace with links may not connect another organisation), forgotten when the person clears them, and the cached
 * organisation data dropped whenever a workspace connects, so a reconnect reads the organisation afresh.
 */
@Component
class OrganisationLinks implements XeroLinks {

    private static final Logger log = LoggerFactory.getLogger(OrganisationLinks.class);

    private final JdbcClient jdbc;
    private final OrganisationCache organisations;
    private final ContactDirectory contacts;

    OrganisationLinks(JdbcClient jdbc, OrganisationCache organisations, ContactDirectory contacts) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.contacts = contacts;
    }

    @Override
    public long count(String workspaceId) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM documents WHERE workspace_id = :ws AND (xero_id IS NOT NULL OR payment_id IS NOT NULL))
                     + (SELECT count(*) FROM contact_links WHERE workspace_id = :ws)
                """)
                .param("ws", workspaceId).query(Long.class).single();
    }

    /**
     * The documents keep their state (those sent stay in the old organisation's books) without the Xero ids, so a
     * later version goes to the next organisation as a new document; the contact links go.
     */
    @EventListener
    void cleared(XeroLinksCleared cleared) {
        int documents = jdbc.sql("""
                UPDATE documents
                   SET xero_id = NULL, delivered_version = NULL, xero_status = NULL, payment_id = NULL,
                       outcome_unknown = false, unknown_since = NULL,
                       payment_state = CASE WHEN payment_state = 'APPLIED' THEN NULL ELSE payment_state END,
                       updated_at = now()
                 WHERE workspace_id = :ws AND (xero_id IS NOT NULL OR payment_id IS NOT NULL OR outcome_unknown)
                """)
                .param("ws", cleared.workspaceId()).update();
        int links = jdbc.sql("DELETE FROM contact_links WHERE workspace_id = :ws").param("ws", cleared.workspaceId()).update();
        forget(cleared.workspaceId());
        log.info("Workspace {}: {} document(s) and {} contact link(s) no longer point at organisation {}",
                cleared.workspaceId(), documents, links, cleared.oldTenantId());
    }

    @EventListener
    void connected(WorkspaceConnected connected) {
        forget(connected.workspaceId());
    }

    /** Coding checks tax types against the organisation's rates: read them again after a pull. */
    @EventListener
    void taxRatesPulled(TaxRatesPulled pulled) {
        organisations.forget(pulled.workspaceId());
    }

    private void forget(String workspaceId) {
        organisations.forget(workspaceId);
        contacts.forget(workspaceId);
    }
}
