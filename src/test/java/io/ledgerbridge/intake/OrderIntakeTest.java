package io.ledgerbridge.intake;

import io.ledgerbridge.delivery.DesiredDocument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.delivery.DocumentRepository;
import io.ledgerbridge.intake.OrderIntake.Outcome;
import io.ledgerbridge.workspace.Workspace;
import io.ledgerbridge.workspace.Workspace.Role;
import io.ledgerbridge.workspace.WorkspaceRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** A batch of order events: what is recorded, what is rejected and why, and which failures fail the batch. */
class OrderIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DocumentRepository documents = mock(DocumentRepository.class);
    private final WorkspaceRepository workspaces = mock(WorkspaceRepository.class);
    private OrderIntake intake;
    private TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        PlatformTransactionManager manager = mock(PlatformTransactionManager.class);
        when(manager.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        transactions = new TransactionTemplate(manager);
        intake = new OrderIntake(JSON, new OrderEventSchema(), documents, workspaces, transactions);
        when(workspaces.find(anyString())).thenReturn(Optional.empty());
        when(workspaces.find("demo-supplier")).thenReturn(Optional.of(workspace("demo-supplier", Role.SUPPLIER)));
        when(workspaces.find("demo-venue")).thenReturn(Optional.of(workspace("demo-venue", Role.VENUE)));
        when(documents.markEventsApplied(anyList())).thenAnswer(call -> allTrue(call.getArgument(0)));
        when(documents.upsertAllIfNewer(anyList())).thenAnswer(call -> allTrue(call.getArgument(0)));
    }

    @Test
    void aGoodEventAmongBadOnesIsRecordedAndEachBadOneSaysWhatIsWrong() throws Exception {
        ObjectNode noTotals = event("evt-2");
        ((ObjectNode) noTotals.get("data")).remove("totals");
        ObjectNode nobody = event("evt-3");
        ((ObjectNode) nobody.get("data").get("supplier")).put("workspaceId", "ws-nobody");
        ((ObjectNode) nobody.get("data").get("buyer")).put("workspaceId", "ws-nobody-either");

        List<Outcome> outcomes = intake.recordAll(List.of("hello", event("evt-1").toString(), noTotals.toString(),
                nobody.toString()));

        assertThat(outcomes.get(0).rejected().getMessage()).startsWith("The message is not JSON (Unrecognized token 'hello'")
                .contains("CloudEvents 1.0 in structured JSON mode");
        assertThat(outcomes.get(1).isRejected()).isFalse();
        assertThat(outcomes.get(1).result().recorded()).isEqualTo(2);
        assertThat(outcomes.get(2).rejected().getMessage()).contains("breaks the order event contract")
                .contains("$.data: required property 'totals' not found");
        assertThat(outcomes.get(3).rejected()).isInstanceOf(UnknownWorkspaceException.class);
        verify(documents, times(1)).upsertAllIfNewer(anyList());
    }

    @Test
    void aQuantityTooLargeToReadBackIsRejectedAndNeverStored() throws Exception {
        ObjectNode huge = event("evt-huge");
        ((ObjectNode) huge.at("/data/lines/0")).put("quantity", new java.math.BigDecimal("1e1000"));

        List<Outcome> outcomes = intake.recordAll(List.of(huge.toString()));

        assertThat(outcomes.get(0).rejected()).isNotNull();
        assertThat(outcomes.get(0).rejected().getMessage()).contains("$.data.lines[0].quantity");
        verify(documents, org.mockito.Mockito.never()).upsertAllIfNewer(org.mockito.ArgumentMatchers.argThat(
                (List<DesiredDocument> batch) -> !batch.isEmpty()));
    }

    /** A poll's worth of events whose numbers are absurd, each in a field the schema checks with multipleOf. */
    static List<String> hostileEvents(int count) throws Exception {
        List<String> hostile = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode event = event("evt-hostile-" + i);
            ((ObjectNode) event.at("/data/lines/0")).put("quantity", new java.math.BigDecimal("1e100000"));
            ((ObjectNode) event.at("/data/lines/1")).put("unitPrice", new java.math.BigDecimal("1e100000"));
            ((ObjectNode) event.at("/data/totals")).put("total", new java.math.BigDecimal("1e100000"));
            hostile.add(event.toString());
        }
        return hostile;
    }

    @Test
    void aPollOfHostileNumbersIsHandledWellInsideThePollInterval() throws Exception {
        // 1e100000 under multipleOf took the schema check about 3 s per number: a poll of such events held the
        // consumer past max.poll.interval.ms (5 minutes), so the same events came back forever. Without the
        // schema's work 500 events take well under a second; 30 s only catches the old behaviour.
        List<String> hostile = hostileEvents(500);

        List<Outcome> outcomes = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> intake.recordAll(hostile));

        assertThat(outcomes).hasSize(500).allSatisfy(outcome -> assertThat(outcome.rejected().getMessage())
                .contains("$.data.lines[0].quantity: 1E+100000")
                .contains("$.data.lines[1].unitPrice: 1E+100000")
                .contains("$.data.totals.total: 1E+100000"));
    }

    @Test
    void aNumberWrittenOutPlainCannotBlowUpTheStoredPayload() throws Exception {
        // spring.jackson.generator.write-bigdecimal-as-plain is on: the stored payload writes 1e-5000 out in full
        OrderIntake plain = new OrderIntake(new ObjectMapper().enable(
                com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN), new OrderEventSchema(),
                documents, workspaces, transactions);
        ObjectNode event = event("evt-tiny");
        ((ObjectNode) event.at("/data/lines/0")).put("discountPercent", new java.math.BigDecimal("1e-5000"));

        List<Outcome> outcomes = plain.recordAll(List.of(event.toString()));

        assertThat(outcomes.get(0).rejected()).as("a discount of 1e-5000 percent").isNotNull();
        assertThat(outcomes.get(0).rejected().getMessage()).contains("$.data.lines[0].discountPercent");
    }

    @Test
    void anEventBreakingManyRulesListsTheFirstTwentyAndCountsTheRest() throws Exception {
        ObjectNode event = event("evt-many");
        com.fasterxml.jackson.databind.node.ArrayNode lines = ((ObjectNode) event.get("data")).putArray("lines");
        for (int i = 0; i < 30; i++) {
            lines.addObject().put("lineId", "l" + i).put("kind", "PRODUCT").put("description", "Apples")
                    .put("quantity", "ten").put("unitPrice", 4.5);
        }

        String reason = intake.recordAll(List.of(event.toString())).get(0).rejected().getMessage();

        assertThat(reason.split("string found, number expected", -1)).hasSize(21);
        assertThat(reason).contains("; and 10 more problems").endsWith("Fix the event at its producer and send it again.");
    }

    @Test
    void anEventRecordedForOneSideCarriesTheOtherSidesReasonForItsDeadLetter() throws Exception {
        ObjectNode event = event("evt-half");
        ((ObjectNode) event.at("/data/buyer")).put("workspaceId", "ws-nowhere");

        Outcome outcome = intake.recordAll(List.of(event.toString())).get(0);

        assertThat(outcome.isRejected()).isFalse();
        assertThat(outcome.result().recorded()).isEqualTo(1);
        assertThat(outcome.deadLetter()).isSameAs(outcome.partlyRejected());
        assertThat(outcome.partlyRejected().getMessage()).startsWith("Event evt-half (order ord-demo-1001): the"
                + " supplier's side was recorded, the other was not: workspace 'ws-nowhere' is named as the buyer");
    }

    private String reasonOf(ObjectNode event) {
        Outcome outcome = intake.recordAll(List.of(event.toString())).get(0);
        assertThat(outcome.rejected()).as("the rejection of " + event.get("id").asText()).isNotNull();
        return outcome.rejected().getMessage();
    }

    @Test
    void twoLinesWithTheSameIdAreRejected() throws Exception {
        ObjectNode event = event("evt-twins");
        ((ObjectNode) event.at("/data/lines/2")).put("lineId", "l1");

        assertThat(reasonOf(event)).contains("$.data.lines[2].lineId: 'l1' is also the lineId of $.data.lines[0];"
                + " each line needs its own");
    }

    @Test
    void aDueDateBeforeTheIssueDateIsRejected() throws Exception {
        ObjectNode event = event("evt-early");
        ((ObjectNode) event.get("data")).put("dueDate", "2026-11-20");

        assertThat(reasonOf(event)).contains("$.data.dueDate: 2026-11-20 is before the issue date, 2026-11-21");
    }

    @Test
    void aCurrencyThatIsNoIso4217CodeIsRejected() throws Exception {
        ObjectNode event = event("evt-abc");
        ((ObjectNode) event.get("data")).put("currency", "ABC");

        assertThat(reasonOf(event)).contains("$.data.currency: 'ABC' is not an ISO 4217 currency code");
        ((ObjectNode) event.get("data")).put("currency", "NZD");
        assertThat(intake.recordAll(List.of(event.toString())).get(0).isRejected()).isFalse();
    }

    private static ObjectNode withTotals(ObjectNode event, String subtotal, String tax, String total) {
        ((ObjectNode) event.at("/data/totals")).put("subtotal", new java.math.BigDecimal(subtotal))
                .put("tax", new java.math.BigDecimal(tax)).put("total", new java.math.BigDecimal(total));
        return event;
    }

    @Test
    void totalsThatDoNotAddUpAreRejectedWithTheFiguresThatDiffer() throws Exception {
        // the sample's lines: 10 × 4.50 + 15.00 + 0.90 = 60.90
        assertThat(reasonOf(withTotals(event("evt-sum"), "60.90", "1.59", "62.50")))
                .contains("$.data.totals: the subtotal 60.90 and the tax 1.59 make 62.49, not the total 62.50 (0.01 apart)");
        assertThat(reasonOf(withTotals(event("evt-lines"), "61.90", "1.59", "63.49")))
                .contains("$.data.totals.subtotal: 61.90, but the lines add up to 60.90 (1.00 apart;"
                        + " up to 0.10 is left to rounding)");
    }

    @Test
    void linesWithinTenCentsOfTheirTotalAreLeftToDeliverysRoundingLine() throws Exception {
        Outcome outcome = intake.recordAll(List.of(withTotals(event("evt-close"), "61.00", "1.59", "62.59").toString())).get(0);

        assertThat(outcome.isRejected()).as(String.valueOf(outcome.rejected())).isFalse();
    }

    @Test
    void taxInclusiveLinesAddUpToTheTotalEachRoundedToCentsAfterItsDiscount() throws Exception {
        ObjectNode event = event("evt-inclusive");
        ((ObjectNode) event.get("data")).put("amountsAre", "TAX_INCLUSIVE");
        // 3 × 3.3333 less 10 % = 8.99991 -> 9.00; with 15.00 and 0.90: 24.90
        ((ObjectNode) event.at("/data/lines/0")).put("quantity", 3).put("unitPrice", new java.math.BigDecimal("3.3333"))
                .put("discountPercent", 10);
        assertThat(intake.recordAll(List.of(withTotals(event, "23.31", "1.59", "24.90").toString())).get(0).isRejected())
                .isFalse();

        assertThat(reasonOf(withTotals(event.put("id", "evt-inclusive-2"), "23.50", "1.59", "25.09")))
                .contains("$.data.totals.total: 25.09, but the lines add up to 24.90 (0.19 apart;"
                        + " up to 0.10 is left to rounding; amounts are TAX_INCLUSIVE)");
    }

    @Test
    void anAmountTooLargeForTheDatabaseGetsAReasonAPersonUnderstands() throws Exception {
        when(documents.upsertAllIfNewer(anyList())).thenThrow(new DataIntegrityViolationException("could not execute batch",
                new java.sql.SQLException("ERROR: numeric field overflow", "22003")));

        Outcome outcome = intake.recordAll(List.of(event("evt-overflow").toString())).get(0);

        assertThat(outcome.rejected().getMessage()).doesNotContain("numeric field overflow")
                .contains("too large for LedgerBridge").contains("9,999,999,999.99");
    }

    @Test
    void onlyACancellationThatWasRecordedReachesTheCreditNotes() throws Exception {
        ObjectNode cancelled = event("evt-cancel").put("type", "order.cancelled");
        ObjectNode stale = event("evt-cancel-old").put("type", "order.cancelled");
        // the first event's two documents are newer than what is stored, the second's are not
        when(documents.upsertAllIfNewer(anyList())).thenReturn(new boolean[] {true, true, false, false});

        intake.recordAll(List.of(cancelled.toString(), stale.toString()));

        verify(documents).cancelCreditNotes(org.mockito.ArgumentMatchers.argThat((List<DesiredDocument> cancellations) ->
                cancellations.size() == 2 && cancellations.stream().allMatch(document -> document.eventId().equals("evt-cancel"))));
    }

    @Test
    void aReplayInTheSameBatchChangesNothing() throws Exception {
        when(documents.markEventsApplied(anyList())).thenReturn(new boolean[] {true, true, false, false});

        List<Outcome> outcomes = intake.recordAll(List.of(event("evt-1").toString(), event("evt-1").toString()));

        assertThat(outcomes.get(0).result().recorded()).isEqualTo(2);
        assertThat(outcomes.get(1).result().replayed()).isEqualTo(2);
        assertThat(outcomes.get(1).result().recorded()).isZero();
    }

    @Test
    void workspacesAreLookedUpOncePerBatch() throws Exception {
        intake.recordAll(List.of(event("evt-1").toString(), event("evt-2").toString(), event("evt-3").toString()));

        verify(workspaces, times(1)).find("demo-supplier");
        verify(workspaces, times(1)).find("demo-venue");
    }

    @Test
    void anEventTheDatabaseRefusesIsRejectedAloneAndTheRestIsRecorded() throws Exception {
        when(documents.upsertAllIfNewer(anyList())).thenAnswer(call -> {
            List<DesiredDocument> batch = call.getArgument(0);
            if (batch.stream().anyMatch(document -> document.eventId().equals("evt-bad"))) {
                throw new DataIntegrityViolationException("value too long for type character varying(100)");
            }
            return allTrue(batch);
        });

        List<Outcome> outcomes = intake.recordAll(List.of(event("evt-good").toString(), event("evt-bad").toString()));

        assertThat(outcomes.get(0).result().recorded()).isEqualTo(2);
        assertThat(outcomes.get(1).rejected().getMessage())
                .isEqualTo("The event could not be stored: value too long for type character varying(100)");
    }

    @Test
    void anUnreachableDatabaseFailsTheWholeBatchSoItIsTriedAgain() throws Exception {
        when(documents.upsertAllIfNewer(anyList())).thenThrow(new DataAccessResourceFailureException("connection refused"));

        assertThatThrownBy(() -> intake.recordAll(List.of(event("evt-1").toString())))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    private static Workspace workspace(String id, Role role) {
        return new Workspace(id, id, Set.of(role), Workspace.Plan.FREE, null, id + "@inbound.example", null, null);
    }

    private static ObjectNode event(String id) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(Path.of("samples/invoice-generated.json")));
        event.put("id", id);
        return event;
    }

    private static boolean[] allTrue(List<?> list) {
        boolean[] all = new boolean[list.size()];
        java.util.Arrays.fill(all, true);
        return all;
    }
}
