package io.ledgerbridge.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The desired state of each Xero document and its sync state. Every query is per workspace. */
@Repository
public class DocumentRepository {

    /** A document's state before delivery has taken it up. */
    public static final String PENDING = "PENDING";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final long debounceMs;

    public DocumentRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch,
                              DeliverySettings settings) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.debounceMs = settings.debounceMs().toMillis();
    }

    /**
     * Records each snapshot that is newer than what is stored, in order; an older or equal version changes
     * nothing. One round trip for the whole list.
     *
     * @return for each document, whether it was recorded
     */
    public boolean[] upsertAllIfNewer(List<DesiredDocument> documents) {
        SqlParameterSource[] rows = documents.stream().map(document -> new MapSqlParameterSource()
                .addValue("id", UUID.randomUUID())
                .addValue("workspace", document.workspaceId())
                .addValue("sourceKey", document.sourceKey())
                .addValue("orderId", document.orderId())
                .addValue("xeroType", document.xeroType().name())
                .addValue("version", document.version())
                .addValue("eventId", document.eventId())
                .addValue("eventType", document.eventType())
                .addValue("number", document.number())
                .addValue("currency", document.currency())
                .addValue("total", document.total())
                .addValue("payload", document.payloadJson())
                .addValue("state", PENDING)
                .addValue("debounceMs", debounceMs)).toArray(SqlParameterSource[]::new);
        return changed(batch.batchUpdate("""
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
                       -- a newer version waits for the next invoice push when automatic sync is off
                       manual_sync = false,
                       -- paid in Xero: the newer version is kept, but Xero's document is not touched again
                       state = CASE WHEN documents.state = 'LOCKED' THEN 'LOCKED' ELSE EXCLUDED.state END,
                       error = CASE WHEN documents.state = 'LOCKED' THEN documents.error END,
                       fix_hint = CASE WHEN documents.state = 'LOCKED' THEN documents.fix_hint END
                 WHERE documents.workspace_id = EXCLUDED.workspace_id
                   AND documents.version < EXCLUDED.version
                """, rows));
    }

    /**
     * An order's cancellation reaches its credit notes: for each cancelled invoice or bill, the credit notes of the
     * same order on the same side in that workspace (ACCRECCREDIT with ACCREC, ACCPAYCREDIT with ACCPAY) take the
     * cancellation, so delivery voids them too. Each keeps its own payload; it takes the cancellation's event and
     * version, and is due again after the debounce. A LOCKED one (paid in Xero) keeps its state, a VOIDED one is left
     * as it is, and one of a later version than the cancellation (issued after it) is not cancelled by it.
     * One round trip.
     *
     * @return how many credit notes took a cancellation
     */
    public int cancelCreditNotes(List<DesiredDocument> cancellations) {
        SqlParameterSource[] rows = cancellations.stream().map(cancelled -> new MapSqlParameterSource()
                .addValue("workspace", cancelled.workspaceId())
                .addValue("orderId", cancelled.orderId())
                .addValue("creditType", cancelled.xeroType().name() + "CREDIT")
                .addValue("version", cancelled.version())
                .addValue("eventId", cancelled.eventId())
                .addValue("eventType", cancelled.eventType())
                .addValue("debounceMs", debounceMs)).toArray(SqlParameterSource[]::new);
        int[] counts = batch.batchUpdate("""
                UPDATE documents
                   SET version = :version, last_event_id = :eventId, last_event_type = :eventType, updated_at = now(),
                       next_attempt_at = CASE WHEN state = 'LOCKED' THEN next_attempt_at
                                              ELSE now() + :debounceMs * interval '1 millisecond' END,
                       error = CASE WHEN state = 'LOCKED' THEN error END,
                       fix_hint = CASE WHEN state = 'LOCKED' THEN fix_hint END,
                       state = CASE WHEN state = 'LOCKED' THEN 'LOCKED' ELSE 'PENDING' END
                 WHERE workspace_id = :workspace AND order_id = :orderId AND xero_type = :creditType
                   AND version < :version AND state <> 'VOIDED'
                """, rows);
        return java.util.Arrays.stream(counts).sum();
    }

    /**
     * Remembers that each document's workspace has applied its event, in order. An event is its CloudEvents
     * source and id together: the same id from another source is another event. One round trip.
     *
     * @return for each document, false when its workspace had already applied the event (a replay)
     */
    public boolean[] markEventsApplied(List<DesiredDocument> documents) {
        SqlParameterSource[] rows = documents.stream().map(document -> new MapSqlParameterSource()
                .addValue("workspace", document.workspaceId())
                .addValue("source", document.eventSource())
                .addValue("eventId", document.eventId())).toArray(SqlParameterSource[]::new);
        return changed(batch.batchUpdate("""
                INSERT INTO processed_events (workspace_id, source, event_id) VALUES (:workspace, :source, :eventId)
                ON CONFLICT DO NOTHING
                """, rows));
    }

    private static boolean[] changed(int[] counts) {
        boolean[] changed = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            changed[i] = counts[i] == 1;
        }
        return changed;
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

    /** What a {@link DocumentView} shows: the document, with its credit note allocation when it has one. */
    private static final String VIEW = """
            SELECT d.document_id, d.workspace_id, d.source_key, d.order_id, d.xero_type, d.version, d.last_event_id,
                   d.last_event_type, d.number, d.currency, d.total, d.state, d.waiting_reason, d.xero_id,
                   d.xero_status, d.error, d.fix_hint, d.attempts, d.amount_paid,
                   a.allocation_state, a.amount AS allocated_amount, a.error AS allocation_error,
                   a.fix_hint AS allocation_fix_hint, d.created_at, d.updated_at
              FROM documents d
              LEFT JOIN credit_note_allocations a ON a.workspace_id = d.workspace_id AND a.document_id = d.document_id
            """;

    public List<DocumentView> list(String workspaceId, Optional<String> state, int limit, int offset) {
        return jdbc.sql(VIEW + """
                 WHERE d.workspace_id = :workspace AND (CAST(:state AS text) IS NULL OR d.state = :state)
                 ORDER BY d.updated_at DESC, d.document_id
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
        return jdbc.sql(VIEW + """
                 WHERE d.workspace_id = :workspace AND d.document_id = :id
                """)
                .param("workspace", workspaceId)
                .param("id", documentId)
                .query(DocumentView.class)
                .optional();
    }
}
