package io.ledgerbridge.document;

import io.ledgerbridge.intake.DesiredDocument;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The desired state of each Xero document and its sync state. Every query is per workspace. */
@Repository
public class DocumentRepository {

    /** A document's state before delivery has taken it up. */
    public static final String PENDING = "PENDING";

    private final JdbcClient jdbc;

    public DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the snapshot when it is newer than what is stored; an older or equal version changes nothing.
     *
     * @return true when the snapshot was recorded
     */
    public boolean upsertIfNewer(DesiredDocument document) {
        return jdbc.sql("""
                INSERT INTO documents (document_id, workspace_id, source_key, order_id, xero_type, version,
                                       last_event_id, last_event_type, number, currency, total, payload, state)
                VALUES (:id, :workspace, :sourceKey, :orderId, :xeroType, :version,
                        :eventId, :eventType, :number, :currency, :total, CAST(:payload AS jsonb), :state)
                ON CONFLICT (workspace_id, source_key, xero_type) DO UPDATE
                   SET version = EXCLUDED.version, last_event_id = EXCLUDED.last_event_id,
                       last_event_type = EXCLUDED.last_event_type, number = EXCLUDED.number,
                       currency = EXCLUDED.currency, total = EXCLUDED.total, payload = EXCLUDED.payload,
                       state = EXCLUDED.state, error = NULL, fix_hint = NULL, updated_at = now()
                 WHERE documents.workspace_id = EXCLUDED.workspace_id
                   AND documents.version < EXCLUDED.version
                """)
                .param("id", UUID.randomUUID())
                .param("workspace", document.workspaceId())
                .param("sourceKey", document.sourceKey())
                .param("orderId", document.orderId())
                .param("xeroType", document.xeroType().name())
                .param("version", document.version())
                .param("eventId", document.eventId())
                .param("eventType", document.eventType())
                .param("number", document.number())
                .param("currency", document.currency())
                .param("total", document.total())
                .param("payload", document.payloadJson())
                .param("state", PENDING)
                .update() == 1;
    }

    /**
     * Remembers that this workspace has applied the event.
     *
     * @return false when it had already been applied (a replay)
     */
    public boolean markEventApplied(String workspaceId, String eventId) {
        return jdbc.sql("""
                INSERT INTO processed_events (workspace_id, event_id) VALUES (:workspace, :eventId)
                ON CONFLICT DO NOTHING
                """)
                .param("workspace", workspaceId)
                .param("eventId", eventId)
                .update() == 1;
    }

    public List<DocumentView> list(String workspaceId, Optional<String> state, int limit, int offset) {
        return jdbc.sql("""
                SELECT document_id, workspace_id, source_key, order_id, xero_type, version, last_event_id,
                       last_event_type, number, currency, total, state, xero_id, error, fix_hint, attempts,
                       created_at, updated_at
                  FROM documents
                 WHERE workspace_id = :workspace AND (CAST(:state AS text) IS NULL OR state = :state)
                 ORDER BY updated_at DESC, document_id
                 LIMIT :limit OFFSET :offset
                """)
                .param("workspace", workspaceId)
                .param("state", state.orElse(null))
                .param("limit", limit)
                .param("offset", offset)
                .query(DocumentView.class)
                .list();
    }

    public Optional<DocumentView> find(String workspaceId, UUID documentId) {
        return jdbc.sql("""
                SELECT document_id, workspace_id, source_key, order_id, xero_type, version, last_event_id,
                       last_event_type, number, currency, total, state, xero_id, error, fix_hint, attempts,
                       created_at, updated_at
                  FROM documents
                 WHERE workspace_id = :workspace AND document_id = :id
                """)
                .param("workspace", workspaceId)
                .param("id", documentId)
                .query(DocumentView.class)
                .optional();
    }
}
