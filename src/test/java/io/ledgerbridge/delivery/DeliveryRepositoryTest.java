package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ledgerbridge.deadletter.DeadLetterRecorder;
import io.ledgerbridge.deadletter.DeadLetterSettings;
import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import io.ledgerbridge.delivery.Transition.PaymentNeed;
import io.ledgerbridge.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The claim and its fence, on a real PostgreSQL: a pass whose claim ran out cannot overwrite what another pass did. */
class DeliveryRepositoryTest {

    private TestDatabase.Database db;
    private DeliveryRepository repository;
    private StatusEvents events;

    @BeforeEach
    void database() {
        db = TestDatabase.fresh();
        repository = new DeliveryRepository(db.jdbc(), db.batch());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        events = new StatusEvents(new Outbox(db.jdbc(), db.batch()),
                new DeadLetterRecorder(db.jdbc(), json, new DeadLetterSettings(900_000)), json, Clock.systemUTC());
        db.jdbc().sql("""
                INSERT INTO workspaces (workspace_id, name, roles, inbound_address)
                VALUES ('ws-a', 'A', '{SUPPLIER}', 'invoices+ws-a@ledgerbridge.local')
                """).update();
    }

    private UUID document(String orderId) {
        UUID id = UUID.randomUUID();
        db.jdbc().sql("""
                INSERT INTO documents (document_id, workspace_id, source_key, order_id, xero_type, version, last_event_id,
                                       last_event_type, currency, total, payload, state, next_attempt_at)
                VALUES (:id, 'ws-a', :order, :order, 'ACCREC', 1, 'evt-' || :order, 'invoice.generated', 'AUD', 10,
                        '{}'::jsonb, 'PENDING', now() - interval '1 second')
                """).param("id", id).param("order", orderId).update();
        return id;
    }

    private String state(UUID id) {
        return db.jdbc().sql("SELECT state FROM documents WHERE document_id = :id").param("id", id).query(String.class).single();
    }

    private void leaseRunsOut() {
        db.jdbc().sql("UPDATE documents SET claimed_until = now() - interval '1 second' WHERE workspace_id = 'ws-a'").update();
    }

    @Test
    void aPassWhoseClaimRanOutCannotRecordAnOutcomeOverTheNextPassesClaim() {
        UUID id = document("o-1");
        Claim first = repository.claim("ws-a", 50, Duration.ofSeconds(120), Instant.now());
        assertThat(first.documents()).hasSize(1);

        leaseRunsOut();
        Claim second = repository.claim("ws-a", 50, Duration.ofSeconds(120), Instant.now());
        assertThat(second.documents()).as("the next pass takes the document once the first pass's claim ran out").hasSize(1);

        // The first pass comes back late with an outcome: it no longer holds the document.
        List<Outcome> landed = db.transaction().execute(status -> repository.apply(first, List.of(Outcome.of(
                first.documents().get(0), new Transition.Delivered(UUID.randomUUID(), "AUTHORISED", List.of(),
                        PaymentNeed.NONE))), events)).landed();
        assertThat(landed).isEmpty();
        assertThat(state(id)).as("the stale pass's outcome is refused; the document is still the second pass's")
                .isEqualTo("PENDING");
        assertThat(db.jdbc().sql("SELECT count(*) FROM outbox").query(Long.class).single())
                .as("and it tells the platform nothing").isZero();
    }

    @Test
    void aRenewalKeepsWhatThePassHoldsAndDropsWhatAnotherPassTook() {
        UUID kept = document("o-1");
        UUID taken = document("o-2");
        Claim claim = repository.claim("ws-a", 50, Duration.ofSeconds(120), Instant.now());
        assertThat(claim.held()).containsExactlyInAnyOrder(kept, taken);

        // o-2's claim ran out (a long pause of this pass), and another pass took it
        db.jdbc().sql("UPDATE documents SET claimed_until = now() - interval '1 second' WHERE document_id = :id")
                .param("id", taken).update();
        Claim other = repository.claim("ws-a", 50, Duration.ofSeconds(120), Instant.now());
        assertThat(other.held()).containsExactly(taken);

        assertThat(repository.renew(claim)).containsExactly(kept);
        claim.renewed(repository.renew(claim), Instant.now());
        assertThat(claim.holds(kept)).isTrue();
        assertThat(claim.holds(taken)).as("dropped: its outcome would be refused anyway").isFalse();
        assertThat(db.jdbc().sql("SELECT claimed_until > now() + interval '100 seconds' FROM documents WHERE document_id = :id")
                .param("id", kept).query(Boolean.class).single()).as("renewed for a whole lease").isTrue();
    }

    @Test
    void aClaimIsDueForRenewalOnceAQuarterOfItsLeaseHasGone() {
        document("o-1");
        Instant start = Instant.parse("2026-12-02T10:00:00Z");
        Claim claim = repository.claim("ws-a", 50, Duration.ofSeconds(120), start);
        assertThat(claim.renewalDue(start.plusSeconds(29))).isFalse();
        assertThat(claim.renewalDue(start.plusSeconds(30))).isTrue();
        claim.renewed(claim.held(), start.plusSeconds(30));
        assertThat(claim.renewalDue(start.plusSeconds(45))).isFalse();
    }
}
