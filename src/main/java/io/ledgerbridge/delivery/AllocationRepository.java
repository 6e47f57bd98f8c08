package io.ledgerbridge.delivery;

import io.ledgerbridge.delivery.AllocationOutcome.Applied;
import io.ledgerbridge.delivery.AllocationOutcome.Later;
import io.ledgerbridge.delivery.AllocationOutcome.Refused;
import io.ledgerbridge.delivery.AllocationOutcome.Unknown;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The credit_note_allocations table: one row per credit note whose order's invoice is in Xero too, claimed (SKIP
 * LOCKED, under a token, for a lease) so that replicas never allocate the same credit note, and written only while
 * the claim holds it. A credit note is allocated while it is SYNCED and approved and its invoice is approved with
 * an amount due; one whose sending got no answer (SENT) is taken whatever its documents do meanwhile, to settle it.
 */
@Repository
class AllocationRepository {

    /** Written about a claimed allocation only while this run's claim holds it. */
    private static final String FENCE = "workspace_id = :ws AND document_id = :id AND claim_token = :token";

    private final JdbcClient jdbc;

    AllocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Workspaces with a synced credit note whose allocation is not settled, or one sent without an answer. */
    List<String> workspacesWithWork() {
        return jdbc.sql("""
                SELECT cn.workspace_id FROM documents cn
                 WHERE cn.xero_type IN ('ACCRECCREDIT', 'ACCPAYCREDIT') AND cn.state = 'SYNCED' AND cn.xero_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM credit_note_allocations a
                                    WHERE a.workspace_id = cn.workspace_id AND a.document_id = cn.document_id
                                      AND a.allocation_state IN ('APPLIED', 'REFUSED'))
                UNION
                SELECT workspace_id FROM credit_note_allocations WHERE allocation_state = 'SENT'
                """)
                .query(String.class)
                .list();
    }

    /**
     * Workspaces with an allocation of ours to remove: a newer version of its credit note waits for it, or an earlier
     * removal got no answer. Removed whatever the workspace's setting: the newer version cannot go before.
     */
    List<String> workspacesWithRemovals() {
        return jdbc.sql("""
                SELECT DISTINCT a.workspace_id FROM credit_note_allocations a
                  JOIN documents cn ON cn.workspace_id = a.workspace_id AND cn.document_id = a.document_id
                 WHERE a.allocation_state = 'REMOVING'
                    OR (a.allocation_state = 'APPLIED' AND cn.state = 'WAITING' AND cn.waiting_reason = 'ALLOCATION_REMOVAL')
                """)
                .query(String.class)
                .list();
    }

    /**
     * For the delivery lane: the state of LedgerBridge's allocation of each of these credit notes that has one
     * (absent: none yet).
     */
    Map<UUID, AllocationState> states(String workspaceId, List<UUID> documentIds) {
        if (documentIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, AllocationState> states = new HashMap<>();
        jdbc.sql("""
                SELECT document_id, allocation_state FROM credit_note_allocations
                 WHERE workspace_id = :ws AND document_id IN (:ids)
                """)
                .param("ws", workspaceId).param("ids", documentIds)
                .query((rs, n) -> Map.entry(rs.getObject("document_id", UUID.class),
                        AllocationState.valueOf(rs.getString("allocation_state"))))
                .list()
                .forEach(entry -> states.put(entry.getKey(), entry.getValue()));
        return states;
    }

    /** Up to {@code limit} of the workspace's allocations to remove now, held for {@code lease} under {@code token}. */
    List<DueRemoval> claimRemovals(String workspaceId, UUID token, int limit, Duration lease) {
        List<UUID> claimed = jdbc.sql("""
                UPDATE credit_note_allocations SET claimed_until = now() + CAST(:lease AS interval), claim_token = :token
                 WHERE workspace_id = :ws AND document_id IN (
                       SELECT a.document_id FROM credit_note_allocations a
                         JOIN documents cn ON cn.workspace_id = a.workspace_id AND cn.document_id = a.document_id
                        WHERE a.workspace_id = :ws AND a.next_attempt_at <= now()
                          AND (a.claimed_until IS NULL OR a.claimed_until < now())
                          AND (a.allocation_state = 'REMOVING'
                               OR (a.allocation_state = 'APPLIED' AND cn.state = 'WAITING'
                                   AND cn.waiting_reason = 'ALLOCATION_REMOVAL'))
                        ORDER BY a.next_attempt_at, a.created_at
                        LIMIT :limit FOR UPDATE OF a SKIP LOCKED)
                RETURNING document_id
                """)
                .param("ws", workspaceId).param("token", token).param("limit", limit)
                .param("lease", lease.toSeconds() + " seconds")
                .query(UUID.class)
                .list();
        if (claimed.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT a.workspace_id, a.document_id, a.allocation_state, cn.xero_id AS credit_note_xero_id,
                       a.invoice_xero_id, a.allocation_id, a.amount, cn.version, a.attempts, a.failures,
                       cn.order_id, cn.xero_type
                  FROM credit_note_allocations a
                  JOIN documents cn ON cn.workspace_id = a.workspace_id AND cn.document_id = a.document_id
                 WHERE a.workspace_id = :ws AND a.claim_token = :token AND a.document_id IN (:ids)
                 ORDER BY a.next_attempt_at, a.created_at
                """)
                .param("ws", workspaceId).param("token", token).param("ids", claimed)
                .query(DueRemoval.class)
                .list();
    }

    /**
     * Written before the DELETE goes: if this process dies before the answer is recorded, the next run reads the
     * credit note before anything goes again.
     *
     * @return whether the claim still holds it (else nothing may be sent)
     */
    boolean removing(UUID token, DueRemoval due, UUID allocationId) {
        return jdbc.sql("""
                UPDATE credit_note_allocations
                   SET allocation_state = 'REMOVING', allocation_id = :allocationId, updated_at = now()
                 WHERE %s
                """.formatted(FENCE))
                .param("ws", due.workspaceId()).param("id", due.documentId()).param("token", token)
                .param("allocationId", allocationId)
                .update() == 1;
    }

    /**
     * Not settled: the claim is given back and the allocation goes again at {@code at}, in {@code state} (kept when
     * null); {@code attempt} counts it as an attempt and a failure (Xero was asked), not when the pacer held it back.
     */
    private JdbcClient.StatementSpec goesAgain(AllocationState state, Instant at, String error, boolean attempt) {
        String newState = state == null ? "" : "allocation_state = '" + state.name() + "', ";
        return jdbc.sql("""
                UPDATE credit_note_allocations
                   SET %snext_attempt_at = :next, error = COALESCE(:error, error),
                       attempts = attempts + :attempt, failures = failures + :attempt,
                       claimed_until = NULL, claim_token = NULL, updated_at = now()
                 WHERE %s
                """.formatted(newState, FENCE))
                .param("next", Timestamp.from(at)).param("error", error, Types.VARCHAR).param("attempt", attempt ? 1 : 0);
    }

    /**
     * Within the caller's transaction: a removal's outcome, fenced by the claim, what it means for the credit note
     * that waits for it (released to the lane once the allocation is gone, LOCKED when Xero refused to remove it),
     * and its line in the credit note's history.
     *
     * @return whether it landed (the claim still held the allocation)
     */
    boolean applyRemoval(UUID token, DueRemoval due, RemovalOutcome outcome, String operation, Integer httpStatus) {
        JdbcClient.StatementSpec statement;
        String message;
        String word;
        if (outcome instanceof RemovalOutcome.Removed) {
            statement = jdbc.sql("""
                    UPDATE credit_note_allocations
                       SET allocation_state = 'DUE', allocation_id = NULL, amount = NULL, error = NULL, fix_hint = NULL,
                           attempts = attempts + 1, failures = 0, next_attempt_at = now(),
                           claimed_until = NULL, claim_token = NULL, updated_at = now()
                     WHERE %s
                    """.formatted(FENCE));
            message = "Removed the allocation of " + due.amount() + " to invoice " + due.invoiceXeroId()
                    + ", so that the newer version can be sent; it is allocated again once Xero holds that version";
            word = "UNALLOCATED";
        } else if (outcome instanceof RemovalOutcome.Refused refused) {
            statement = jdbc.sql("""
                    UPDATE credit_note_allocations
                       SET error = :error, attempts = attempts + 1, failures = 0,
                           claimed_until = NULL, claim_token = NULL, updated_at = now()
                     WHERE %s
                    """.formatted(FENCE))
                    .param("error", refused.reason());
            message = refused.reason();
            word = "FAILED";
        } else if (outcome instanceof RemovalOutcome.Later later) {
            statement = goesAgain(null, later.at(), later.error(), later.attempt());
            message = later.error();
            word = later.attempt() ? "RETRY" : "THROTTLED";
        } else {
            RemovalOutcome.Unknown unknown = (RemovalOutcome.Unknown) outcome;
            statement = goesAgain(AllocationState.REMOVING, unknown.at(), unknown.error(), true);
            message = unknown.error();
            word = "UNKNOWN";
        }
        boolean landed = statement.param("ws", due.workspaceId()).param("id", due.documentId()).param("token", token)
                .update() == 1;
        if (!landed) {
            return false;
        }
        if (outcome instanceof RemovalOutcome.Removed) {
            jdbc.sql("""
                    UPDATE documents SET state = 'PENDING', waiting_reason = NULL, error = NULL, fix_hint = NULL,
                           next_attempt_at = now(), updated_at = now()
                     WHERE workspace_id = :ws AND document_id = :id AND state = 'WAITING'
                       AND waiting_reason = 'ALLOCATION_REMOVAL'
                    """)
                    .param("ws", due.workspaceId()).param("id", due.documentId())
                    .update();
        } else if (outcome instanceof RemovalOutcome.Refused refused) {
            jdbc.sql("""
                    UPDATE documents SET state = 'LOCKED', waiting_reason = NULL, error = :error, fix_hint = :hint,
                           updated_at = now()
                     WHERE workspace_id = :ws AND document_id = :id AND state = 'WAITING'
                       AND waiting_reason = 'ALLOCATION_REMOVAL'
                    """)
                    .param("ws", due.workspaceId()).param("id", due.documentId())
                    .param("error", refused.reason()).param("hint", DeliveryMessages.CHANGE_IT_IN_XERO_FIX)
                    .update();
        }
        jdbc.sql("""
                INSERT INTO document_attempts (workspace_id, document_id, version, operation, idempotency_key,
                                               http_status, outcome, message)
                VALUES (:ws, :id, :version, :operation, NULL, :status, :outcome, :message)
                """)
                .param("ws", due.workspaceId()).param("id", due.documentId()).param("version", due.version())
                .param("operation", operation).param("status", httpStatus, Types.INTEGER).param("outcome", word)
                .param("message", message, Types.VARCHAR)
                .update();
        return true;
    }

    /**
     * Within the caller's transaction: a row for each credit note of the workspace that Xero holds, with the invoice
     * or bill of its order Xero holds too; then up to {@code limit} of the allocations due now, held for {@code lease}
     * under {@code token}.
     */
    List<DueAllocation> claim(String workspaceId, UUID token, int limit, Duration lease) {
        jdbc.sql("""
                INSERT INTO credit_note_allocations (workspace_id, document_id, invoice_document_id, allocation_state)
                SELECT cn.workspace_id, cn.document_id, inv.document_id, 'DUE'
                  FROM documents cn
                  JOIN documents inv ON inv.workspace_id = cn.workspace_id AND inv.order_id = cn.order_id
                                    AND inv.xero_type = CASE cn.xero_type WHEN 'ACCRECCREDIT' THEN 'ACCREC' ELSE 'ACCPAY' END
                 WHERE cn.workspace_id = :ws AND cn.xero_type IN ('ACCRECCREDIT', 'ACCPAYCREDIT')
                   AND cn.state = 'SYNCED' AND cn.xero_id IS NOT NULL AND inv.xero_id IS NOT NULL
                ON CONFLICT (workspace_id, document_id) DO NOTHING
                """)
                .param("ws", workspaceId)
                .update();
        List<UUID> claimed = jdbc.sql("""
                UPDATE credit_note_allocations SET claimed_until = now() + CAST(:lease AS interval), claim_token = :token
                 WHERE workspace_id = :ws AND document_id IN (
                       SELECT a.document_id FROM credit_note_allocations a
                         JOIN documents cn ON cn.workspace_id = a.workspace_id AND cn.document_id = a.document_id
                         JOIN documents inv ON inv.workspace_id = a.workspace_id AND inv.document_id = a.invoice_document_id
                        WHERE a.workspace_id = :ws AND a.allocation_state IN ('DUE', 'SENT') AND a.next_attempt_at <= now()
                          AND (a.claimed_until IS NULL OR a.claimed_until < now())
                          AND (a.allocation_state = 'SENT'
                               OR (cn.state = 'SYNCED' AND cn.xero_status = 'AUTHORISED'
                                   AND inv.state IN ('SYNCED', 'PAID') AND inv.xero_status = 'AUTHORISED'))
                        ORDER BY a.next_attempt_at, a.created_at
                        LIMIT :limit FOR UPDATE OF a SKIP LOCKED)
                RETURNING document_id
                """)
                .param("ws", workspaceId)
                .param("token", token)
                .param("limit", limit)
                .param("lease", lease.toSeconds() + " seconds")
                .query(UUID.class)
                .list();
        if (claimed.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT a.workspace_id, a.document_id, a.invoice_document_id, a.allocation_state,
                       cn.xero_id AS credit_note_xero_id, cn.total AS credit_total, cn.version,
                       COALESCE(a.invoice_xero_id, inv.xero_id) AS invoice_xero_id, a.attempts, a.failures,
                       cn.order_id, cn.xero_type, cn.xero_status AS credit_note_xero_status
                  FROM credit_note_allocations a
                  JOIN documents cn ON cn.workspace_id = a.workspace_id AND cn.document_id = a.document_id
                  JOIN documents inv ON inv.workspace_id = a.workspace_id AND inv.document_id = a.invoice_document_id
                 WHERE a.workspace_id = :ws AND a.claim_token = :token AND a.document_id IN (:ids)
                 ORDER BY a.next_attempt_at, a.created_at
                """)
                .param("ws", workspaceId)
                .param("token", token)
                .param("ids", claimed)
                .query(DueAllocation.class)
                .list();
    }

    /**
     * Written before the allocation goes: if this process dies before the answer is recorded, the next run reads the
     * credit note before sending it again.
     *
     * @return whether the claim still holds it (else nothing may be sent)
     */
    boolean sending(UUID token, DueAllocation due, BigDecimal amount) {
        return jdbc.sql("""
                UPDATE credit_note_allocations
                   SET allocation_state = 'SENT', invoice_xero_id = :invoice, amount = :amount, updated_at = now()
                 WHERE %s
                """.formatted(FENCE))
                .param("ws", due.workspaceId()).param("id", due.documentId()).param("token", token)
                .param("invoice", due.invoiceXeroId()).param("amount", amount)
                .update() == 1;
    }

    /**
     * Within the caller's transaction: the outcome, fenced by the claim, and its line in the credit note's history.
     *
     * @return whether it landed (the claim still held the allocation)
     */
    boolean apply(UUID token, DueAllocation due, AllocationOutcome outcome, String operation, String key,
                  Integer httpStatus) {
        JdbcClient.StatementSpec statement;
        String message;
        if (outcome instanceof Applied applied) {
            statement = jdbc.sql("""
                    UPDATE credit_note_allocations
                       SET allocation_state = 'APPLIED', allocation_id = :allocationId,
                           amount = COALESCE(:amount, amount), error = NULL, fix_hint = NULL,
                           attempts = attempts + 1, failures = 0, claimed_until = NULL, claim_token = NULL,
                           updated_at = now()
                     WHERE %s
                    """.formatted(FENCE))
                    .param("allocationId", applied.allocationId(), Types.OTHER)
                    .param("amount", applied.amount(), Types.NUMERIC);
            message = "Allocated " + applied.amount() + " to invoice " + due.invoiceXeroId();
        } else if (outcome instanceof Refused refused) {
            statement = jdbc.sql("""
                    UPDATE credit_note_allocations
                       SET allocation_state = 'REFUSED', error = :error, fix_hint = :hint,
                           attempts = attempts + 1, failures = 0, claimed_until = NULL, claim_token = NULL,
                           updated_at = now()
                     WHERE %s
                    """.formatted(FENCE))
                    .param("error", refused.reason()).param("hint", refused.fixHint());
            message = refused.reason();
        } else if (outcome instanceof Later later) {
            statement = goesAgain(AllocationState.DUE, later.at(), later.error(), later.attempt());
            message = later.error();
        } else {
            Unknown unknown = (Unknown) outcome;
            statement = goesAgain(AllocationState.SENT, unknown.at(), unknown.error(), true);
            message = unknown.error();
        }
        boolean landed = statement.param("ws", due.workspaceId()).param("id", due.documentId()).param("token", token)
                .update() == 1;
        if (landed) {
            jdbc.sql("""
                    INSERT INTO document_attempts (workspace_id, document_id, version, operation, idempotency_key,
                                                   http_status, outcome, message)
                    VALUES (:ws, :id, :version, :operation, :key, :status, :outcome, :message)
                    """)
                    .param("ws", due.workspaceId()).param("id", due.documentId()).param("version", due.version())
                    .param("operation", operation).param("key", key, Types.VARCHAR)
                    .param("status", httpStatus, Types.INTEGER).param("outcome", attemptOutcome(outcome))
                    .param("message", message, Types.VARCHAR)
                    .update();
        }
        return landed;
    }

    /** The word document_attempts keeps for an allocation's outcome (the plan quota counts none of them). */
    static String attemptOutcome(AllocationOutcome outcome) {
        if (outcome instanceof Applied) {
            return "ALLOCATED";
        }
        if (outcome instanceof Refused) {
            return "FAILED";
        }
        if (outcome instanceof Unknown) {
            return "UNKNOWN";
        }
        return ((Later) outcome).attempt() ? "RETRY" : "THROTTLED";
    }

    /** What the run still holds goes back untouched (it could not get to it). */
    void release(String workspaceId, UUID token) {
        jdbc.sql("""
                UPDATE credit_note_allocations SET claimed_until = NULL, claim_token = NULL
                 WHERE workspace_id = :ws AND claim_token = :token
                """)
                .param("ws", workspaceId).param("token", token)
                .update();
    }
}
