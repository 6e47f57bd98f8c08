package io.ledgerbridge.document;

import io.ledgerbridge.intake.DesiredDocument;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The desired state of each Xero document and its sync state. Every query is per workspace. */
@Repository
public class DocumentRepository {

    /** A document's state before delivery has taken it up. */
    public static final String PENDING = "PENDING";

    private final JdbcClient jdbc;
    private final long debounceMs;

    public DocumentRepository(JdbcClient jdbc, @Value("${ledgerbridge.delivery.debounce-ms:1000}") long debounceMs) {
        this.jdbc = jdbc;
        this.debounceMs = debounceMs;
    }

    /**
     * Records the snapshot when it is newer than what is stored; an older or equal version changes nothing.
     *
     * @return true when the snapshot was recorded
     */
    public boolean upsertIfNewer(DesiredDocument document) {
        return jdbc.sql("""
                INSERT INTO documents (document_id, workspace_id, source_key, order_id, xero_type, version,
                                       last_event_id, last_event_type, number, currency, total, payload, state,
                                       next_attempt_at)
                VALUES (:id, :workspace, :sourceKey, :orderId, :xeroType, :version,
                        :eventId, :eventType, :number, :currency, :total, CAST(:payload AS jsonb), :state,
                        now() + :debounceMs * interval '1 millisecond')
                ON CONFLICT (workspace_id, source_key, xero_type) DO UPDATE
                   SET version = EXCLUDED.version, last_event_id = EXCLUDED.last_event_id,
                       last_event_type = EXCLUDED.last_event_type, number = EXCLUDED.number,
                       currency = EXCLUDED.currency, total = EXCLUDED.total, payload = EXCLUDED.payload,
                       next_attempt_at = EXCLUDED.next_attempt_at, updated_at = now(),
                       -- paid in Xero: the newer version is kept, but Xero's document is not touched again
                       state = CASE WHEN documents.state = 'LOCKED' THEN 'LOCKED' ELSE EXCLUDED.state END,
                       error = CASE WHEN documents.state = 'LOCKED' THEN documents.error END,
                       fix_hint = CASE WHEN documents.state = 'LOCKED' THEN documents.fix_hint END
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
                .param("debounceMs", debounceMs)
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

    /**
     * Sends documents again (F40): due now, error cleared, whatever state they were in except VOIDED.
     *
     * @return the ids that were re-queued
     */
    public List<UUID> resync(String workspaceId, List<UUID> ids, Optional<String> state) {
        String chosen = ids.isEmpty() ? "" : " AND document_id IN (:ids)";
        var statement = jdbc.sql("""
                UPDATE documents SET state = 'PENDING', waiting_reason = NULL, error = NULL, fix_hint = NULL,
                       next_attempt_at = now(), updated_at = now()
                 WHERE workspace_id = :workspace AND state <> 'VOIDED'
                   AND (CAST(:state AS text) IS NULL OR state = :state)""" + chosen + " RETURNING document_id")
                .param("workspace", workspaceId)
                .param("state", state.orElse(null));
        if (!ids.isEmpty()) {
            statement = statement.param("ids", ids);
        }
        return statement.query(UUID.class).list();
    }

    /** A person has dealt with it (F40): RESOLVED, out of every retry, with who said so. */
    public boolean resolve(String workspaceId, UUID documentId, String note) {
        return jdbc.sql("""
                UPDATE documents SET state = 'RESOLVED', waiting_reason = NULL, fix_hint = NULL,
                       error = :note, updated_at = now()
                 WHERE workspace_id = :workspace AND document_id = :id
                """)
                .param("workspace", workspaceId).param("id", documentId).param("note", note)
                .update() == 1;
    }

    /** The audit trail: who asked for what (F44). */
    public void audit(String workspaceId, UUID documentId, String operation, String by) {
        jdbc.sql("""
                INSERT INTO document_attempts (workspace_id, document_id, version, operation, outcome, attempted_by)
                SELECT workspace_id, document_id, version, :operation, 'REQUESTED', :by FROM documents
                 WHERE workspace_id = :workspace AND document_id = :id
                """)
                .param("workspace", workspaceId).param("id", documentId).param("operation", operation).param("by", by)
                .update();
    }

    public List<DocumentView> list(String workspaceId, Optional<String> state, int limit, int offset) {
        return jdbc.sql("""
                SELECT document_id, workspace_id, source_key, order_id, xero_type, version, last_event_id,
                       last_event_type, number, currency, total, state, waiting_reason, xero_id, xero_status, error,
                       fix_hint, attempts,
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
                       last_event_type, number, currency, total, state, waiting_reason, xero_id, xero_status, error,
                       fix_hint, attempts,
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
