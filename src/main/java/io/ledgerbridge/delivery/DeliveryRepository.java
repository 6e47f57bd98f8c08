package io.ledgerbridge.delivery;

import io.ledgerbridge.delivery.Transition.PaymentNeed;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery side of the documents table: which workspaces have due documents, claiming up to a batch of them
 * (SKIP LOCKED, so replicas never take the same document) under a token, and writing what a pass decided
 * ({@link Transition}s). Every write about a claimed document is fenced by the claim's token: a pass whose claim ran
 * out writes nothing. An outcome only sets the final state when the document is still at the version that was sent;
 * a newer version that arrived meanwhile leaves it PENDING for the next pass.
 */
@Repository
class DeliveryRepository {

    /** A document a pass may claim now: pending, due, and not held by another pass's claim. */
    private static final String DUE_NOW =
            "state = 'PENDING' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())";
    /** Written about a claimed document only while this pass's claim holds it. */
    private static final String FENCE = "workspace_id = :ws AND document_id = :id AND claim_token = :token";

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

    /** Up to {@code limit} due documents, oldest first, held for {@code lease} under a new token. */
    Claim claim(String workspaceId, int limit, Duration lease, Instant now) {
        UUID token = UUID.randomUUID();
        List<DueDocument> claimed = jdbc.sql("""
                UPDATE documents d SET claimed_until = now() + CAST(:lease AS interval), claim_token = :token
                 WHERE d.workspace_id = :ws AND d.document_id IN (
                       SELECT document_id FROM documents
                        WHERE workspace_id = :ws AND %s
                        ORDER BY next_attempt_at, created_at
                        LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING d.document_id, d.workspace_id, d.source_key, d.order_id, d.xero_type, d.version,
                          d.last_event_type, d.payload::text AS payload, d.xero_id, d.delivered_version, d.xero_status,
                          d.outcome_unknown, d.attempts, d.payment_id, d.payment_state, d.unknown_since, d.failures
                """.formatted(DUE_NOW))
                .param("ws", workspaceId)
                .param("limit", limit)
                .param("lease", lease.toSeconds() + " seconds")
                .param("token", token)
                .query(DueDocument.class)
                .list();
        return new Claim(token, workspaceId, lease, claimed, now);
    }

    /** Extends the claim; returns the documents it still holds (those settled, or taken by another pass, drop out). */
    Set<UUID> renew(Claim claim) {
        return new HashSet<>(jdbc.sql("""
                UPDATE documents SET claimed_until = now() + CAST(:lease AS interval)
                 WHERE workspace_id = :ws AND claim_token = :token AND claimed_until IS NOT NULL
                   AND document_id IN (:ids)
                RETURNING document_id
                """)
                .param("ws", claim.workspaceId()).param("token", claim.token())
                .param("lease", claim.lease().toSeconds() + " seconds")
                .param("ids", claim.held().isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(claim.held()))
                .query(UUID.class)
                .list());
    }

    /**
     * Written before a call that may create documents in Xero: if this process dies before the answer is recorded,
     * the next pass knows the outcome is unknown and looks the documents up before sending again.
     */
    void sending(Claim claim, List<DueDocument> creating) {
        mark(claim, creating, "outcome_unknown = true, unknown_since = COALESCE(unknown_since, now())");
    }

    /** Written before a payment goes: after a crash, the invoice's payments are read before it is sent again. */
    void paymentSending(Claim claim, List<DueDocument> paying) {
        mark(claim, paying, "payment_state = 'SENT'");
    }

    private void mark(Claim claim, List<DueDocument> documents, String set) {
        if (documents.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE documents SET " + set + " WHERE workspace_id = :ws AND claim_token = :token AND document_id IN (:ids)")
                .param("ws", claim.workspaceId()).param("token", claim.token())
                .param("ids", documents.stream().map(DueDocument::documentId).toList())
                .update();
    }

    /**
     * One decided outcome of a step, with the history line it leaves in document_attempts ({@code operation} null:
     * none, e.g. a coding failure that never reached Xero).
     */
    record Outcome(DueDocument document, Transition transition, String operation, String idempotencyKey,
                   Integer httpStatus, String xeroMessage) {

        static Outcome of(DueDocument document, Transition transition) {
            return new Outcome(document, transition, null, null, null, null);
        }
    }

    /**
     * Writes the outcomes (documents, their history lines and what they publish) within the caller's transaction.
     *
     * @return the outcomes that landed (the claim still held their documents) and the outbox rows they wrote
     */
    Applied apply(Claim claim, List<Outcome> outcomes, StatusEvents events) {
        Map<String, List<Outcome>> byStatement = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            byStatement.computeIfAbsent(statement(outcome.transition()), sql -> new ArrayList<>()).add(outcome);
        }
        List<Outcome> landed = new ArrayList<>();
        byStatement.forEach((sql, group) -> {
            int[] counts = batch.batchUpdate(sql, group.stream().map(outcome -> parameters(claim, outcome))
                    .toArray(SqlParameterSource[]::new));
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    landed.add(group.get(i));
                }
            }
        });
        recordAttempts(landed.stream().filter(outcome -> outcome.operation() != null).toList());
        List<Outbox.Row> rows = events.publish(landed);
        for (Outcome outcome : outcomes) {
            // settled, or refused by the fence (another pass holds it now): either way this pass is done with it
            if (!landed.contains(outcome) || !continues(outcome.transition())) {
                claim.settled(outcome.document().documentId());
            }
        }
        return new Applied(landed, rows);
    }

    /** What {@link #apply} wrote: the outcomes that landed, and their outbox rows (held for the pass to publish). */
    record Applied(List<Outcome> landed, List<Outbox.Row> rows) {
    }

    /** Transitions after which the same pass goes on with the document (so its claim is kept). */
    static boolean continues(Transition transition) {
        return transition instanceof Transition.Found || transition instanceof Transition.Absent
                || (transition instanceof Transition.Delivered delivered && delivered.payment() == PaymentNeed.DUE);
    }

    private static final String DELIVERED = """
            UPDATE documents
               SET xero_id = :xeroId, delivered_version = :version, xero_status = :xeroStatus,
                   outcome_unknown = false, unknown_since = NULL, attempts = attempts + 1, failures = 0,
                   synced_at = now(), updated_at = now(),
                   claimed_until = CASE WHEN :continues THEN claimed_until END,
                   claim_token = CASE WHEN :continues THEN claim_token END,
                   payment_state = CASE WHEN :paymentDue THEN 'DUE' ELSE payment_state END,
                   state = CASE WHEN version = :version THEN :state ELSE 'PENDING' END,
                   waiting_reason = CASE WHEN version = :version THEN :reason END,
                   error = CASE WHEN version = :version THEN :error END,
                   fix_hint = CASE WHEN version = :version THEN :hint END
             WHERE %s
            """.formatted(FENCE);
    private static final String SETTLED = """
            UPDATE documents
               SET claimed_until = NULL, claim_token = NULL, attempts = attempts + 1, failures = 0, updated_at = now(),
                   xero_id = COALESCE(:xeroId, xero_id), xero_status = COALESCE(:xeroStatus, xero_status),
                   outcome_unknown = CASE WHEN :settles THEN false ELSE outcome_unknown END,
                   unknown_since = CASE WHEN :settles THEN NULL ELSE unknown_since END,
                   payment_state = COALESCE(:paymentState, payment_state),
                   state = CASE WHEN version = :version THEN :state ELSE 'PENDING' END,
                   waiting_reason = CASE WHEN version = :version THEN :reason END,
                   error = CASE WHEN version = :version THEN :error END,
                   fix_hint = CASE WHEN version = :version THEN :hint END
             WHERE %s
            """.formatted(FENCE);
    private static final String LATER = """
            UPDATE documents
               SET claimed_until = NULL, claim_token = NULL, next_attempt_at = :next, updated_at = now(),
                   attempts = attempts + :attempt, failures = failures + :attempt,
                   error = CASE WHEN :setError THEN :error ELSE error END,
                   outcome_unknown = CASE WHEN :unknown THEN true WHEN :clearUnknown THEN false ELSE outcome_unknown END,
                   unknown_since = CASE WHEN :unknown THEN COALESCE(unknown_since, now())
                                        WHEN :clearUnknown THEN NULL ELSE unknown_since END,
                   payment_state = COALESCE(:paymentState, payment_state)
             WHERE %s
            """.formatted(FENCE);
    private static final String LOOKED_UP = """
            UPDATE documents
               SET xero_id = COALESCE(:xeroId, xero_id), xero_status = COALESCE(:xeroStatus, xero_status),
                   outcome_unknown = false, unknown_since = NULL, failures = 0, updated_at = now()
             WHERE %s
            """.formatted(FENCE);
    private static final String PAID = """
            UPDATE documents
               SET payment_id = :paymentId, payment_state = 'APPLIED', xero_status = COALESCE(:xeroStatus, xero_status),
                   claimed_until = NULL, claim_token = NULL, failures = 0, updated_at = now(),
                   state = CASE WHEN version = :version THEN 'PAID' ELSE 'PENDING' END,
                   waiting_reason = NULL,
                   error = CASE WHEN version = :version THEN NULL ELSE error END,
                   fix_hint = CASE WHEN version = :version THEN NULL ELSE fix_hint END
             WHERE %s
            """.formatted(FENCE);
    private static final String RELEASED =
            "UPDATE documents SET claimed_until = NULL, claim_token = NULL WHERE %s".formatted(FENCE);

    private static String statement(Transition transition) {
        if (transition instanceof Transition.Delivered) {
            return DELIVERED;
        }
        if (transition instanceof Transition.Found || transition instanceof Transition.Absent) {
            return LOOKED_UP;
        }
        if (transition instanceof Transition.Paid) {
            return PAID;
        }
        if (transition instanceof Transition.Released) {
            return RELEASED;
        }
        if (transition instanceof Transition.Throttled || transition instanceof Transition.RetryLater
                || transition instanceof Transition.Unknown || transition instanceof Transition.PaymentLater
                || transition instanceof Transition.PaymentUnknown) {
            return LATER;
        }
        return SETTLED;
    }

    private static MapSqlParameterSource parameters(Claim claim, Outcome outcome) {
        DueDocument document = outcome.document();
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("ws", document.workspaceId()).addValue("id", document.documentId())
                .addValue("token", claim.token()).addValue("version", document.version());
        Transition transition = outcome.transition();
        if (transition instanceof Transition.Delivered delivered) {
            Settle settle = Settle.of(delivered);
            row.addValue("xeroId", delivered.xeroId()).addValue("xeroStatus", delivered.xeroStatus())
                    .addValue("continues", continues(delivered), Types.BOOLEAN)
                    .addValue("paymentDue", delivered.payment() != PaymentNeed.NONE, Types.BOOLEAN);
            settle.into(row);
        } else if (transition instanceof Transition.Found found) {
            row.addValue("xeroId", found.xeroId(), Types.OTHER).addValue("xeroStatus", found.xeroStatus(), Types.VARCHAR);
        } else if (transition instanceof Transition.Absent) {
            row.addValue("xeroId", null, Types.OTHER).addValue("xeroStatus", null, Types.VARCHAR);
        } else if (transition instanceof Transition.Paid paid) {
            row.addValue("paymentId", paid.paymentId(), Types.OTHER).addValue("xeroStatus", paid.xeroStatus(), Types.VARCHAR);
        } else if (transition instanceof Transition.Released) {
            // the fence is all it needs
        } else if (LATER.equals(statement(transition))) {
            Later.of(transition).into(row);
        } else {
            Settle.of(transition).into(row);
        }
        return row;
    }

    /** The columns a settling transition writes. */
    private record Settle(UUID xeroId, String xeroStatus, boolean settles, PaymentState paymentState,
                          DocumentState state, WaitingReason reason, String error, String hint) {

        static Settle of(Transition transition) {
            if (transition instanceof Transition.Delivered delivered) {
                if (delivered.glAccountRequired()) {
                    return new Settle(delivered.xeroId(), delivered.xeroStatus(), true, null, DocumentState.WAITING,
                            WaitingReason.GL_ACCOUNT_REQUIRED, DeliveryMessages.glAccountRequired(delivered.linesWithoutAccount()),
                            DeliveryMessages.GL_ACCOUNT_REQUIRED_FIX);
                }
                return switch (delivered.payment()) {
                    case NONE -> new Settle(delivered.xeroId(), delivered.xeroStatus(), true, null, DocumentState.SYNCED,
                            null, null, null);
                    case DUE -> new Settle(delivered.xeroId(), delivered.xeroStatus(), true, PaymentState.DUE,
                            DocumentState.PENDING, null, null, null);
                    case AWAITS_APPROVAL -> new Settle(delivered.xeroId(), delivered.xeroStatus(), true, PaymentState.DUE,
                            DocumentState.WAITING, WaitingReason.PAYMENT_AWAITS_APPROVAL,
                            DeliveryMessages.paymentAwaitsApproval(delivered.xeroStatus()),
                            DeliveryMessages.fix(WaitingReason.PAYMENT_AWAITS_APPROVAL));
                };
            }
            if (transition instanceof Transition.Voided voided) {
                return new Settle(voided.xeroId(), voided.xeroStatus(), true, null, DocumentState.VOIDED, null, null, null);
            }
            if (transition instanceof Transition.Failed failed) {
                return new Settle(null, null, failed.answeredByXero(), null, DocumentState.FAILED, null, failed.reason(),
                        failed.fixHint());
            }
            if (transition instanceof Transition.Locked locked) {
                return new Settle(null, locked.xeroStatus(), true, null, DocumentState.LOCKED, null, locked.reason(),
                        DeliveryMessages.CHANGE_IT_IN_XERO_FIX);
            }
            if (transition instanceof Transition.OverQuota over) {
                return new Settle(null, null, false, null, DocumentState.OVER_QUOTA, null, over.reason(), over.fixHint());
            }
            if (transition instanceof Transition.Waiting waiting) {
                return new Settle(null, null, false, null, DocumentState.WAITING, waiting.reason(), waiting.message(),
                        waiting.fixHint());
            }
            if (transition instanceof Transition.PaymentRefused refused) {
                return new Settle(null, null, false, PaymentState.DUE, DocumentState.FAILED, null, refused.reason(),
                        refused.fixHint());
            }
            throw new IllegalArgumentException("not a settling transition: " + transition);
        }

        void into(MapSqlParameterSource row) {
            if (!row.hasValue("xeroId")) {
                row.addValue("xeroId", xeroId, Types.OTHER).addValue("xeroStatus", xeroStatus, Types.VARCHAR);
            }
            row.addValue("settles", settles, Types.BOOLEAN)
                    .addValue("paymentState", paymentState == null ? null : paymentState.name(), Types.VARCHAR)
                    .addValue("state", state.name()).addValue("reason", reason == null ? null : reason.name(), Types.VARCHAR)
                    .addValue("error", error, Types.VARCHAR).addValue("hint", hint, Types.VARCHAR);
        }
    }

    /** The columns of a "not now" transition. */
    private record Later(Instant next, boolean attempt, boolean setError, String error, boolean unknown,
                         boolean clearUnknown, PaymentState paymentState) {

        static Later of(Transition transition) {
            if (transition instanceof Transition.Throttled throttled) {
                return new Later(throttled.notBefore(), false, false, null, false, throttled.writeRefused(), null);
            }
            if (transition instanceof Transition.RetryLater later) {
                return new Later(later.at(), true, true, later.error(), false, false, null);
            }
            if (transition instanceof Transition.Unknown unknown) {
                return new Later(unknown.at(), true, true, unknown.error(), true, false, null);
            }
            if (transition instanceof Transition.PaymentLater later) {
                return new Later(later.at(), later.error() != null, later.error() != null, later.error(), false, false,
                        PaymentState.DUE);
            }
            Transition.PaymentUnknown unknown = (Transition.PaymentUnknown) transition;
            return new Later(unknown.at(), true, true, unknown.error(), false, false, PaymentState.SENT);
        }

        void into(MapSqlParameterSource row) {
            row.addValue("next", Timestamp.from(next)).addValue("attempt", attempt ? 1 : 0)
                    .addValue("setError", setError, Types.BOOLEAN).addValue("error", error, Types.VARCHAR)
                    .addValue("unknown", unknown, Types.BOOLEAN).addValue("clearUnknown", clearUnknown, Types.BOOLEAN)
                    .addValue("paymentState", paymentState == null ? null : paymentState.name(), Types.VARCHAR);
        }
    }

    /** Whatever the pass still holds goes back, untouched (it could not get to it). */
    void release(Claim claim) {
        if (claim.held().isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE documents SET claimed_until = NULL, claim_token = NULL
                 WHERE workspace_id = :ws AND claim_token = :token AND document_id IN (:ids)
                """)
                .param("ws", claim.workspaceId()).param("token", claim.token()).param("ids", List.copyOf(claim.held()))
                .update();
        claim.held().forEach(claim::settled);
    }

    /**
     * Every due document of the workspace that no pass holds waits for {@code reason} (e.g. NEEDS_RECONNECT) instead of
     * being retried. Within the caller's transaction.
     *
     * @return the documents parked
     */
    List<ParkedDocument> park(String workspaceId, WaitingReason reason, String error) {
        return park(workspaceId, reason, error, true);
    }

    /**
     * @param releasedToo false: the documents a started invoice push released ({@code manual_sync}) keep going, and
     *                    only what arrived since waits for the next push
     */
    List<ParkedDocument> park(String workspaceId, WaitingReason reason, String error, boolean releasedToo) {
        return jdbc.sql("""
                UPDATE documents SET state = 'WAITING', waiting_reason = :reason, error = :error, claimed_until = NULL,
                       claim_token = NULL, manual_sync = false, updated_at = now()
                 WHERE workspace_id = :ws AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < now())
                   AND (:releasedToo OR NOT manual_sync)
                RETURNING document_id, order_id, xero_type, version, xero_id, xero_status
                """)
                .param("ws", workspaceId).param("reason", reason.name()).param("error", error)
                .param("releasedToo", releasedToo)
                .query(ParkedDocument.class)
                .list();
    }

    /**
     * A started invoice push: the documents waiting for it go, and every due one goes now (not after its backoff);
     * each is marked, so that with automatic sync off it keeps going, through retries, until it has an outcome.
     *
     * @return how many waited for the push, and how many were due anyway
     */
    int[] releaseForManualSync(String workspaceId) {
        int released = jdbc.sql("""
                UPDATE documents SET state = 'PENDING', waiting_reason = NULL, error = NULL, fix_hint = NULL,
                       manual_sync = true, next_attempt_at = now(), updated_at = now()
                 WHERE workspace_id = :ws AND state = 'WAITING' AND waiting_reason = 'MANUAL_SYNC'
                """)
                .param("ws", workspaceId).update();
        int due = jdbc.sql("""
                UPDATE documents SET manual_sync = true, next_attempt_at = LEAST(next_attempt_at, now())
                 WHERE workspace_id = :ws AND state = 'PENDING' AND NOT manual_sync
                """)
                .param("ws", workspaceId).update();
        return new int[] {released, due};
    }

    /** A platform tax code on a document waiting to go, with the document's Xero type (its direction). */
    record TaxCodeInUse(String xeroType, String taxCode) {
    }

    /** The platform tax codes on the workspace's documents that wait to go, per Xero type. */
    List<TaxCodeInUse> taxCodesWaiting(String workspaceId) {
        return jdbc.sql("""
                SELECT DISTINCT d.xero_type, line ->> 'taxCode' AS tax_code
                  FROM documents d, jsonb_array_elements(d.payload -> 'lines') AS line
                 WHERE d.workspace_id = :ws AND d.state IN ('PENDING', 'WAITING') AND line ->> 'taxCode' IS NOT NULL
                 ORDER BY 1, 2
                """)
                .param("ws", workspaceId)
                .query((rs, n) -> new TaxCodeInUse(rs.getString("xero_type"), rs.getString("tax_code")))
                .list();
    }

    /** Whether a started invoice push still has documents to send. */
    boolean hasManualRelease(String workspaceId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM documents WHERE workspace_id = :ws AND state = 'PENDING' AND manual_sync)")
                .param("ws", workspaceId).query(Boolean.class).single();
    }

    /** A document {@link #park} parked: enough to tell the platform. */
    record ParkedDocument(UUID documentId, String orderId, String xeroType, long version, UUID xeroId, String xeroStatus) {
    }

    /** The parked work of a workspace goes again (after a reconnect, a new mapping, a setting turned on). */
    public int resume(String workspaceId, WaitingReason reason) {
        return jdbc.sql("""
                UPDATE documents SET state = 'PENDING', waiting_reason = NULL, error = NULL, fix_hint = NULL,
                       next_attempt_at = now(), updated_at = now()
                 WHERE workspace_id = :ws AND state = 'WAITING' AND waiting_reason = :reason
                """)
                .param("ws", workspaceId).param("reason", reason.name())
                .update();
    }

    /** Documents that failed before reaching Xero or were rejected go again (after a mapping or a setting changed). */
    public int retryFailed(String workspaceId) {
        return jdbc.sql("""
                UPDATE documents SET state = 'PENDING', error = NULL, fix_hint = NULL, next_attempt_at = now(),
                       updated_at = now()
                 WHERE workspace_id = :ws AND state = 'FAILED'
                """)
                .param("ws", workspaceId)
                .update();
    }

    /** Documents over the free plan's quota go again (an upgrade, a new month). */
    public int releaseOverQuota(String workspaceId) {
        return jdbc.sql("""
                UPDATE documents SET state = 'PENDING', error = NULL, fix_hint = NULL, next_attempt_at = now(),
                       updated_at = now()
                 WHERE workspace_id = :ws AND state = 'OVER_QUOTA'
                """)
                .param("ws", workspaceId)
                .update();
    }

    /** Several documents' history lines in one round trip. */
    private void recordAttempts(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO document_attempts (workspace_id, document_id, version, operation, idempotency_key,
                                               http_status, outcome, message)
                VALUES (:ws, :id, :version, :operation, :key, :status, :outcome, :message)
                """, outcomes.stream().map(outcome -> new MapSqlParameterSource()
                        .addValue("ws", outcome.document().workspaceId()).addValue("id", outcome.document().documentId())
                        .addValue("version", outcome.document().version()).addValue("operation", outcome.operation())
                        .addValue("key", outcome.idempotencyKey()).addValue("status", outcome.httpStatus(), Types.INTEGER)
                        .addValue("outcome", attemptOutcome(outcome.transition()))
                        .addValue("message", outcome.xeroMessage(), Types.VARCHAR))
                .toArray(SqlParameterSource[]::new));
    }

    /** The word document_attempts keeps for an outcome (the plan quota counts CREATE with SYNCED or WAITING). */
    static String attemptOutcome(Transition transition) {
        if (transition instanceof Transition.Delivered delivered) {
            return delivered.glAccountRequired() || delivered.payment() == PaymentNeed.AWAITS_APPROVAL ? "WAITING" : "SYNCED";
        }
        if (transition instanceof Transition.Found) {
            return "FOUND";
        }
        if (transition instanceof Transition.Absent) {
            return "NOT_FOUND";
        }
        if (transition instanceof Transition.Voided) {
            return "VOIDED";
        }
        if (transition instanceof Transition.Failed || transition instanceof Transition.PaymentRefused) {
            return "FAILED";
        }
        if (transition instanceof Transition.Locked) {
            return "LOCKED";
        }
        if (transition instanceof Transition.Paid) {
            return "PAID";
        }
        if (transition instanceof Transition.Throttled || transition instanceof Transition.PaymentLater) {
            return "THROTTLED";
        }
        if (transition instanceof Transition.Unknown || transition instanceof Transition.PaymentUnknown) {
            return "UNKNOWN";
        }
        if (transition instanceof Transition.Waiting) {
            return "WAITING";
        }
        return "RETRY";
    }
}
