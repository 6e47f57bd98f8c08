package io.ledgerbridge.delivery;

import io.ledgerbridge.delivery.PayoutDecisions.Invoice;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The payouts table (F24): what intake records (once per workspace and payout id) and what the payout job makes of
 * each. Every statement stands alone: nothing here holds a transaction open while Xero is called.
 */
@Repository
public class PayoutRepository {

    private final JdbcClient jdbc;

    PayoutRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records each payout that is new, as PENDING; the same payout again (a replay, or another event with the same
     * payoutId) changes nothing. Run in the caller's transaction.
     *
     * @return for each payout, whether it was recorded now
     */
    public boolean[] recordAll(List<DesiredPayout> payouts) {
        boolean[] recorded = new boolean[payouts.size()];
        for (int i = 0; i < payouts.size(); i++) {
            DesiredPayout payout = payouts.get(i);
            recorded[i] = jdbc.sql("""
                    INSERT INTO payouts (workspace_id, payout_id, event_id, payload, state)
                    VALUES (:ws, :id, :event, CAST(:payload AS jsonb), :state)
                    ON CONFLICT (workspace_id, payout_id) DO NOTHING
                    """)
                    .param("ws", payout.workspaceId()).param("id", payout.payoutId()).param("event", payout.eventId())
                    .param("payload", payout.payloadJson()).param("state", PayoutState.PENDING.name())
                    .update() == 1;
        }
        return recorded;
    }

    /** The currency of each of these orders' sales invoices the workspace has recorded. */
    public Map<String, String> orderCurrencies(String workspaceId, Collection<String> orderIds) {
        Map<String, String> currencies = new HashMap<>();
        if (orderIds.isEmpty()) {
            return currencies;
        }
        jdbc.sql("SELECT order_id, currency FROM documents WHERE workspace_id = :ws AND xero_type = 'ACCREC'"
                        + " AND order_id IN (:ids)")
                .param("ws", workspaceId).param("ids", orderIds)
                .query((rs, n) -> currencies.put(rs.getString("order_id"), rs.getString("currency"))).list();
        return currencies;
    }

    /**
     * A payout the job took: its row as it was, and the token of the tick's claim; every outcome the tick records is
     * conditional on the token, so once another tick took the payout (this one stalled past its hold) they change nothing.
     */
    record DuePayout(String workspaceId, String payoutId, String eventId, String payloadJson, PayoutState state,
                     int attempts, Instant sentAt, UUID claimToken) {
    }

    /** The fence of every outcome write: this workspace's payout, still held by this tick's claim. */
    private static final String FENCE = "workspace_id = :ws AND payout_id = :id AND claim_token = :token";

    /**
     * Up to {@code limit} payouts due now, held for {@code hold} under a new claim token so no other job (replica)
     * takes them meanwhile, and none that took them before can record an outcome any more.
     */
    List<DuePayout> claimDue(int limit, Duration hold) {
        UUID token = UUID.randomUUID();
        return jdbc.sql("""
                UPDATE payouts p SET claimed_until = now() + make_interval(secs => :hold), claim_token = :token
                  FROM (SELECT workspace_id, payout_id FROM payouts
                         WHERE state IN ('PENDING', 'WAITING', 'SENT') AND next_attempt_at <= now()
                           AND (claimed_until IS NULL OR claimed_until < now())
                         ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) due
                 WHERE p.workspace_id = due.workspace_id AND p.payout_id = due.payout_id
                RETURNING p.workspace_id, p.payout_id, p.event_id, p.payload::text AS payload, p.state, p.attempts,
                          p.sent_at, p.claim_token
                """)
                .param("hold", hold.toSeconds()).param("limit", limit).param("token", token)
                .query((rs, n) -> new DuePayout(rs.getString("workspace_id"), rs.getString("payout_id"),
                        rs.getString("event_id"), rs.getString("payload"), PayoutState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                        instant(rs.getTimestamp("sent_at")), rs.getObject("claim_token", UUID.class)))
                .list();
    }

    /** The workspace's sales invoices of these orders. */
    Map<String, Invoice> invoices(String workspaceId, Collection<String> orderIds) {
        Map<String, Invoice> invoices = new HashMap<>();
        jdbc.sql("""
                SELECT order_id, state, xero_id, xero_status, currency, total, amount_paid FROM documents
                 WHERE workspace_id = :ws AND xero_type = 'ACCREC' AND order_id IN (:ids)
                """)
                .param("ws", workspaceId).param("ids", orderIds)
                .query((rs, n) -> invoices.put(rs.getString("order_id"), new Invoice(rs.getString("order_id"),
                        DocumentState.valueOf(rs.getString("state")), rs.getObject("xero_id", UUID.class),
                        rs.getString("xero_status"), rs.getString("currency"), rs.getBigDecimal("total"),
                        rs.getBigDecimal("amount_paid"))))
                .list();
        return invoices;
    }

    /**
     * About to send PUT /BatchPayments: from now on Xero may hold it.
     *
     * @return the attempt's number, for its key; empty when this tick no longer holds the payout (nothing may be sent)
     */
    Optional<Integer> sending(DuePayout payout) {
        return jdbc.sql("""
                UPDATE payouts SET state = 'SENT', attempts = attempts + 1, sent_at = now(), updated_at = now()
                 WHERE %s RETURNING attempts
                """.formatted(FENCE))
                .param("ws", payout.workspaceId()).param("id", payout.payoutId()).param("token", payout.claimToken())
                .query(Integer.class).optional();
    }

    /** APPLIED as this batch payment, if this tick still holds the payout; whether it was recorded. */
    boolean applied(DuePayout payout, UUID batchPaymentId) {
        return jdbc.sql("""
                UPDATE payouts SET state = 'APPLIED', batch_payment_id = :batch, error = NULL, fix_hint = NULL,
                       claimed_until = NULL, claim_token = NULL, updated_at = now()
                 WHERE %s
                """.formatted(FENCE))
                .param("ws", payout.workspaceId()).param("id", payout.payoutId()).param("token", payout.claimToken())
                .param("batch", batchPaymentId).update() == 1;
    }

    /**
     * Not applied now: in {@code state} (PENDING, WAITING, SENT or FAILED), with why, looked at again at {@code next};
     * only if this tick still holds the payout. Whether it was recorded.
     */
    boolean notApplied(DuePayout payout, PayoutState state, String error, String fixHint, Instant next) {
        return jdbc.sql("""
                UPDATE payouts SET state = :state, error = :error, fix_hint = :hint, next_attempt_at = :next,
                       claimed_until = NULL, claim_token = NULL, updated_at = now()
                 WHERE %s AND state <> 'APPLIED'
                """.formatted(FENCE))
                .param("ws", payout.workspaceId()).param("id", payout.payoutId()).param("token", payout.claimToken())
                .param("state", state.name()).param("error", error).param("hint", fixHint)
                .param("next", Timestamp.from(next)).update() == 1;
    }

    /**
     * Puts a FAILED payout back to due, as PENDING without its reason: its next batch payment is a new attempt (a new
     * Idempotency-Key), so Xero does not replay the refusal of the last one.
     *
     * @return whether it was FAILED (and is due now)
     */
    boolean retry(String workspaceId, String payoutId) {
        return jdbc.sql("""
                UPDATE payouts SET state = 'PENDING', error = NULL, fix_hint = NULL, next_attempt_at = now(),
                       claimed_until = NULL, claim_token = NULL, updated_at = now()
                 WHERE workspace_id = :ws AND payout_id = :id AND state = 'FAILED'
                """)
                .param("ws", workspaceId).param("id", payoutId).update() == 1;
    }

    /** A sales invoice an applied payout paid, as LedgerBridge holds it (claimed: a delivery pass holds it now). */
    record PaidInvoice(UUID documentId, String orderId, String xeroType, long version, DocumentState state,
                       UUID xeroId, BigDecimal total, BigDecimal amountPaid, boolean claimed) {
    }

    /** The workspace's sales invoices with these Xero ids; run in the caller's transaction. */
    List<PaidInvoice> paidInvoices(String workspaceId, Collection<UUID> xeroIds) {
        if (xeroIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT document_id, order_id, xero_type, version, state, xero_id, total, amount_paid,
                       (claimed_until IS NOT NULL AND claimed_until > now()) AS claimed
                  FROM documents WHERE workspace_id = :ws AND xero_type = 'ACCREC' AND xero_id IN (:ids)
                   FOR UPDATE
                """)
                .param("ws", workspaceId).param("ids", xeroIds)
                .query((rs, n) -> new PaidInvoice(rs.getObject("document_id", UUID.class), rs.getString("order_id"),
                        rs.getString("xero_type"), rs.getLong("version"), DocumentState.valueOf(rs.getString("state")),
                        rs.getObject("xero_id", UUID.class), rs.getBigDecimal("total"), rs.getBigDecimal("amount_paid"),
                        rs.getBoolean("claimed")))
                .list();
    }

    /** What the payout made of the invoice, if it is still as it was read; run in the caller's transaction. */
    boolean storePaid(String workspaceId, PaidInvoice invoice, DocumentState state, String xeroStatus, BigDecimal paid) {
        return jdbc.sql("""
                UPDATE documents SET state = :state, xero_status = :xeroStatus, amount_paid = :paid, updated_at = now()
                 WHERE workspace_id = :ws AND document_id = :id AND state = :was
                """)
                .param("ws", workspaceId).param("id", invoice.documentId()).param("state", state.name())
                .param("xeroStatus", xeroStatus).param("paid", paid).param("was", invoice.state().name())
                .update() == 1;
    }

    List<PayoutView> list(String workspaceId, Optional<PayoutState> state, int limit, int offset) {
        return jdbc.sql("""
                SELECT payout_id, event_id, payload::text AS payload, state, batch_payment_id, error, fix_hint, attempts,
                       created_at, updated_at FROM payouts
                 WHERE workspace_id = :ws AND (CAST(:state AS text) IS NULL OR state = :state)
                 ORDER BY created_at DESC, payout_id LIMIT :limit OFFSET :offset
                """)
                .param("ws", workspaceId).param("state", state.map(Enum::name).orElse(null))
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> view(rs)).list();
    }

    Optional<PayoutView> find(String workspaceId, String payoutId) {
        return jdbc.sql("""
                SELECT payout_id, event_id, payload::text AS payload, state, batch_payment_id, error, fix_hint, attempts,
                       created_at, updated_at FROM payouts WHERE workspace_id = :ws AND payout_id = :id
                """)
                .param("ws", workspaceId).param("id", payoutId).query((rs, n) -> view(rs)).optional();
    }

    private static PayoutView view(ResultSet rs) throws SQLException {
        return PayoutView.of(rs.getString("payout_id"), rs.getString("event_id"), rs.getString("payload"),
                rs.getString("state"), rs.getObject("batch_payment_id", UUID.class), rs.getString("error"),
                rs.getString("fix_hint"), rs.getInt("attempts"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
