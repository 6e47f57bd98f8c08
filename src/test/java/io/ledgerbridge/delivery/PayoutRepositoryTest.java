package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.delivery.PayoutRepository.DuePayout;
import io.ledgerbridge.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The payout claim on a real PostgreSQL: a tick whose hold ran out cannot overwrite what the next tick did. */
class PayoutRepositoryTest {

    private static final Duration HOLD = Duration.ofMinutes(2);

    private TestDatabase.Database db;
    private PayoutRepository repository;

    @BeforeEach
    void database() {
        db = TestDatabase.fresh();
        repository = new PayoutRepository(db.jdbc());
        db.jdbc().sql("""
                INSERT INTO workspaces (workspace_id, name, roles, inbound_address)
                VALUES ('ws-a', 'A', '{SUPPLIER}', 'invoices+ws-a@ledgerbridge.local')
                """).update();
        repository.recordAll(List.of(new DesiredPayout("ws-a", "po-1", "evt-1", "{\"payoutId\":\"po-1\"}")));
    }

    private void holdRunsOut() {
        db.jdbc().sql("UPDATE payouts SET claimed_until = now() - interval '1 second' WHERE workspace_id = 'ws-a'").update();
    }

    private String state() {
        return db.jdbc().sql("SELECT state FROM payouts WHERE workspace_id = 'ws-a' AND payout_id = 'po-1'")
                .query(String.class).single();
    }

    /** Two ticks that took the same payout, the first one stalled past its hold. */
    private List<DuePayout> staleAndCurrent() {
        List<DuePayout> first = repository.claimDue(20, HOLD);
        assertThat(first).hasSize(1);
        assertThat(repository.claimDue(20, HOLD)).as("held: no other tick takes it").isEmpty();
        holdRunsOut();
        List<DuePayout> second = repository.claimDue(20, HOLD);
        assertThat(second).as("the next tick takes it once the hold ran out").hasSize(1);
        return List.of(first.get(0), second.get(0));
    }

    @Test
    void aTickWhoseHoldRanOutCannotRecordThePayoutApplied() {
        List<DuePayout> ticks = staleAndCurrent();
        repository.notApplied(ticks.get(1), PayoutState.WAITING, "The payout waits for invoices not in Xero yet.",
                null, Instant.now().plusSeconds(10));

        repository.applied(ticks.get(0), UUID.randomUUID());

        assertThat(state()).as("the stale tick's outcome is refused; the current tick's stands").isEqualTo("WAITING");
    }

    @Test
    void aTickWhoseHoldRanOutCannotRecordThePayoutFailedOverTheNextTicksOutcome() {
        List<DuePayout> ticks = staleAndCurrent();
        UUID batch = UUID.randomUUID();
        repository.applied(ticks.get(1), batch);

        repository.notApplied(ticks.get(0), PayoutState.FAILED, "stale", null, Instant.now());
        repository.notApplied(ticks.get(0), PayoutState.WAITING, "stale", null, Instant.now());

        assertThat(state()).isEqualTo("APPLIED");
        assertThat(db.jdbc().sql("SELECT count(*) FROM payouts WHERE workspace_id = 'ws-a' AND error IS NULL")
                .query(Long.class).single()).as("no reason of the stale tick on it").isEqualTo(1);
    }

    @Test
    void aTickWhoseHoldRanOutCannotOverwriteTheNextTicksWaitingReason() {
        List<DuePayout> ticks = staleAndCurrent();
        repository.notApplied(ticks.get(1), PayoutState.WAITING, "current", null, Instant.now().plusSeconds(10));

        repository.notApplied(ticks.get(0), PayoutState.FAILED, "stale", null, Instant.now());

        assertThat(state()).isEqualTo("WAITING");
        assertThat(db.jdbc().sql("SELECT error FROM payouts WHERE workspace_id = 'ws-a'").query(String.class).single())
                .isEqualTo("current");
    }

    @Test
    void aTickWhoseHoldRanOutSendsNothingAndTheCurrentTickCounts() {
        List<DuePayout> ticks = staleAndCurrent();

        assertThat(repository.sending(ticks.get(0))).as("the stale tick may not send the batch payment").isEmpty();
        assertThat(repository.sending(ticks.get(1))).as("the current tick's first attempt").contains(1);
        assertThat(repository.applied(ticks.get(1), UUID.randomUUID())).isTrue();
        assertThat(state()).isEqualTo("APPLIED");
    }

    @Test
    void aRetriedFailedPayoutIsDueAgainAsANewAttemptAndOnlyAFailedOneCanBeRetried() {
        DuePayout taken = repository.claimDue(20, HOLD).get(0);
        assertThat(repository.sending(taken)).contains(1);
        assertThat(repository.notApplied(taken, PayoutState.FAILED, "Xero refused the batch payment: Account not found",
                null, Instant.now())).isTrue();
        assertThat(repository.claimDue(20, HOLD)).as("a FAILED payout is not taken").isEmpty();

        assertThat(repository.retry("ws-a", "po-1")).isTrue();
        assertThat(state()).isEqualTo("PENDING");
        assertThat(repository.retry("ws-a", "po-1")).as("only a FAILED payout").isFalse();
        assertThat(repository.retry("ws-b", "po-1")).as("only the workspace's own").isFalse();
        DuePayout again = repository.claimDue(20, HOLD).get(0);
        int attempt = repository.sending(again).orElseThrow();
        assertThat(attempt).as("a new attempt").isEqualTo(2);
        assertThat(PayoutJob.key("ws-a", "po-1", attempt)).as("so a new Idempotency-Key")
                .isNotEqualTo(PayoutJob.key("ws-a", "po-1", 1));
    }
}
