package io.ledgerbridge.delivery;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery side of the documents table: which workspaces have due documents, claiming up to a batch
 * of them (SKIP LOCKED, so replicas never take the same document), and recording each outcome. An outcome
 * only sets the final state when the document is still at the version that was sent; a newer version that
 * arrived meanwhile leaves it PENDING for the next pass.
 */
@Repository
public class DeliveryRepository {

    /** A document a pass may claim now: pending, due, and not held by another pass's claim. */
    private static final String DUE_NOW =
            "state = 'PENDING' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    public DeliveryRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public List<String> workspacesWithDueDocuments(int limit) {
        return jdbc.sql("""
                SELECT workspace_id FROM documents
                 WHERE %s
                 GROUP BY workspace_id ORDER BY min(next_attempt_at) LIMIT :limit
                """.formatted(DUE_NOW))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** Whether the workspace has at least {@code batch} documents a pass could claim now. */
    public boolean hasBatchDue(String workspaceId, int batch) {
        return jdbc.sql("""
                SELECT count(*) >= :batch FROM (
                       SELECT 1 FROM documents WHERE workspace_id = :ws AND %s LIMIT :batch) due
                """.formatted(DUE_NOW))
                .param("ws", workspaceId)
                .param("batch", batch)
                .query(Boolean.class)
                .single();
    }

    public List<DueDocument> claim(String workspaceId, int limit, Duration lease) {
        return jdbc.sql("""
                UPDATE documents d SET claimed_until = now() + CAST(:lease AS interval)
                 WHERE d.workspace_id = :ws AND d.document_id IN (
                       SELECT document_id FROM documents
                        WHERE workspace_id = :ws AND %s
                        ORDER BY next_attempt_at, created_at
                        LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING d.document_id, d.workspace_id, d.source_key, d.order_id, d.xero_type, d.version,
                          d.last_event_type, d.payload::text AS payload, d.xero_id, d.delivered_version, d.xero_status,
                          d.outcome_unknown, d.attempts, d.payment_id
                """.formatted(DUE_NOW))
                .param("ws", workspaceId)
                .param("limit", limit)
                .param("lease", lease.toSeconds() + " seconds")
                .query(DueDocument.class)
                .list();
    }

    /**
     * Xero holds this version of {@code document} now. {@code state} SYNCED, VOIDED or WAITING (with {@code reason},
     * and the {@code note} and {@code fixHint} a person reads, e.g. which lines still need a GL account).
     */
    public record Delivery(DueDocument document, UUID xeroId, String xeroStatus, String state, String reason,
                           String note, String fixHint) {
    }

    /** One step of a document's history (document_attempts): a write, a look-up or a payment, and its outcome. */
    public record Attempt(DueDocument document, String operation, String idempotencyKey, Integer httpStatus,
                          String outcome, String message) {
    }

    public void delivered(DueDocument document, UUID xeroId, String xeroStatus, String state, String reason,
                          String note, String fixHint) {
        deliveredAll(List.of(new Delivery(document, xeroId, xeroStatus, state, reason, note, fixHint)));
    }

    /** The outcomes of one call, in one round trip: a pass of 50 documents is one batch, not 50 statements. */
    public void deliveredAll(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                UPDATE documents
                   SET xero_id = :xeroId, delivered_version = :version, xero_status = :xeroStatus,
                       outcome_unknown = false, claimed_until = NULL, attempts = attempts + 1, synced_at = now(),
                       state = CASE WHEN version = :version THEN :state ELSE 'PENDING' END,
                       waiting_reason = CASE WHEN version = :version THEN :reason END,
                       error = CASE WHEN version = :version THEN :note END,
                       fix_hint = CASE WHEN version = :version THEN :hint END, updated_at = now()
                 WHERE workspace_id = :ws AND document_id = :id
                """, deliveries.stream().map(delivery -> new MapSqlParameterSource()
                        .addValue("ws", delivery.document().workspaceId()).addValue("id", delivery.document().documentId())
                        .addValue("xeroId", delivery.xeroId()).addValue("version", delivery.document().version())
                        .addValue("xeroStatus", delivery.xeroStatus()).addValue("state", delivery.state())
                        .addValue("reason", delivery.reason()).addValue("note", delivery.note())
                        .addValue("hint", delivery.fixHint())).toArray(SqlParameterSource[]::new));
    }

    /**
     * Written before a call that may create documents in Xero: if this process dies before the answer is
     * recorded, the next pass knows the outcome is unknown and looks the documents up before sending again.
     */
    public void sending(List<DueDocument> creating) {
        if (creating.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE documents SET outcome_unknown = true WHERE workspace_id = :ws AND document_id IN (:ids)")
                .param("ws", creating.get(0).workspaceId())
                .param("ids", creating.stream().map(DueDocument::documentId).toList())
                .update();
    }

    /** The platform's payment is applied in Xero (F19): PAID, with the Xero payment's id. */
    public void paid(DueDocument document, UUID paymentId) {
        jdbc.sql("""
                UPDATE documents
                   SET payment_id = :payment, xero_status = 'PAID', updated_at = now(),
                       state = CASE WHEN version = :version THEN 'PAID' ELSE 'PENDING' END
                 WHERE workspace_id = :ws AND document_id = :id
                """)
                .param("ws", document.workspaceId()).param("id", document.documentId())
                .param("payment", paymentId).param("version", document.version())
                .update();
    }

    /** The invoice is synced but its payment is not: due again at {@code next} to apply it. */
    public void paymentLater(DueDocument document, Instant next, String error) {
        jdbc.sql("""
                UPDATE documents SET state = 'PENDING', next_attempt_at = :next, error = :error, updated_at = now()
                 WHERE workspace_id = :ws AND document_id = :id AND version = :version
                """)
                .param("ws", document.workspaceId()).param("id", document.documentId())
                .param("next", Timestamp.from(next)).param("error", error).param("version", document.version())
                .update();
    }

    /** A terminal outcome for this version (FAILED, LOCKED, WAITING): a person or a later event moves it on. */
    public void settled(DueDocument document, String state, String error, String fixHint) {
        jdbc.sql("""
                UPDATE documents
                   SET claimed_until = NULL, attempts = attempts + 1, outcome_unknown = false,
                       state = CASE WHEN version = :version THEN :state ELSE 'PENDING' END,
                       error = CASE WHEN version = :version THEN :error END,
                       fix_hint = CASE WHEN version = :version THEN :hint END,
                       waiting_reason = NULL, updated_at = now()
                 WHERE workspace_id = :ws AND document_id = :id
                """)
                .param("ws", document.workspaceId()).param("id", document.documentId())
                .param("version", document.version()).param("state", state)
                .param("error", error).param("hint", fixHint)
                .update();
    }

    /**
     * Not now: try again at {@code next} (temporary failure, throttling); {@code unknown} if Xero may have done it.
     * Only while the document is still claimed: one whose outcome this pass already recorded (e.g. the
     * invoices of a pass whose credit-note call then failed) keeps it.
     */
    public void retryLater(DueDocument document, Instant next, boolean unknown, String error) {
        jdbc.sql("""
                UPDATE documents
                   SET claimed_until = NULL, attempts = attempts + 1, next_attempt_at = :next,
                       outcome_unknown = outcome_unknown OR :unknown, error = :error, updated_at = now()
                 WHERE workspace_id = :ws AND document_id = :id AND claimed_until IS NOT NULL
                """)
                .param("ws", document.workspaceId()).param("id", document.documentId())
                .param("next", Timestamp.from(next)).param("unknown", unknown).param("error", error)
                .update();
    }

    /** Xero definitely did not take the write (a 429): try again at {@code next}, no look-up needed. */
    public void notSent(DueDocument document, Instant next) {
        jdbc.sql("""
                UPDATE documents SET claimed_until = NULL, next_attempt_at = :next, updated_at = now(),
                       outcome_unknown = CASE WHEN :adopted THEN outcome_unknown ELSE false END
                 WHERE workspace_id = :ws AND document_id = :id AND claimed_until IS NOT NULL
                """)
                .param("ws", document.workspaceId()).param("id", document.documentId())
                .param("next", Timestamp.from(next)).param("adopted", document.xeroId() != null && document.deliveredVersion() == null)
                .update();
    }

    /** Give a claimed document back untouched (the lane could not get to it). */
    public void release(DueDocument document) {
        jdbc.sql("UPDATE documents SET claimed_until = NULL WHERE workspace_id = :ws AND document_id = :id")
                .param("ws", document.workspaceId()).param("id", document.documentId())
                .update();
    }

    /** Every due document of the workspace waits for {@code reason} (e.g. NEEDS_RECONNECT) instead of being retried. */
    public int park(String workspaceId, String reason, String error) {
        return jdbc.sql("""
                UPDATE documents SET state = 'WAITING', waiting_reason = :reason, error = :error, claimed_until = NULL,
                       updated_at = now()
                 WHERE workspace_id = :ws AND state = 'PENDING'
                """)
                .param("ws", workspaceId).param("reason", reason).param("error", error)
                .update();
    }

    /** The parked work of a workspace goes again (after a reconnect, a new mapping, a new month). */
    public int resume(String workspaceId, String reason) {
        return jdbc.sql("""
                UPDATE documents SET state = 'PENDING', waiting_reason = NULL, error = NULL, next_attempt_at = now(),
                       updated_at = now()
                 WHERE workspace_id = :ws AND state = 'WAITING' AND waiting_reason = :reason
                """)
                .param("ws", workspaceId).param("reason", reason)
                .update();
    }

    /** Documents that failed before reaching Xero or were rejected go again (after a mapping changed). */
    public int retryFailed(String workspaceId) {
        return jdbc.sql("""
                UPDATE documents SET state = 'PENDING', error = NULL, fix_hint = NULL, next_attempt_at = now(),
                       updated_at = now()
                 WHERE workspace_id = :ws AND state = 'FAILED'
                """)
                .param("ws", workspaceId)
                .update();
    }

    public void recordAttempt(DueDocument document, String operation, String idempotencyKey, Integer httpStatus,
                              String outcome, String message) {
        recordAttempts(List.of(new Attempt(document, operation, idempotencyKey, httpStatus, outcome, message)));
    }

    /** Several documents' attempts in one round trip. */
    public void recordAttempts(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO document_attempts (workspace_id, document_id, version, operation, idempotency_key,
                                               http_status, outcome, message)
                VALUES (:ws, :id, :version, :operation, :key, :status, :outcome, :message)
                """, attempts.stream().map(attempt -> new MapSqlParameterSource()
                        .addValue("ws", attempt.document().workspaceId()).addValue("id", attempt.document().documentId())
                        .addValue("version", attempt.document().version()).addValue("operation", attempt.operation())
                        .addValue("key", attempt.idempotencyKey()).addValue("status", attempt.httpStatus(), Types.INTEGER)
                        .addValue("outcome", attempt.outcome()).addValue("message", attempt.message()))
                .toArray(SqlParameterSource[]::new));
    }
}
