package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.connection.XeroConnectionRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Batch deposits (F24): a platform payout becomes one Xero batch payment on the clearing account, once only. */
class PayoutIT extends DeliveryTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    XeroConnectionRepository connections;

    private TestWorkspaces.Pair ws;
    private SupplierOrders orders;

    @BeforeEach
    void workspaces() {
        ws = TestWorkspaces.create(api, sandbox, connections, "payout");
        orders = new SupplierOrders(api, kafka, ws, "pay");
        assertThat(api.get("/api/v1/workspaces/" + ws.supplier() + "/settings").json().path("clearingAccount").asText())
                .as("the demo supplier's clearing account, copied").isNotBlank();
    }

    @AfterEach
    void noFaults() {
        faults("{\"errorRate\":0,\"errorAfterWorkRate\":0,\"timeoutRate\":0,\"only\":null}");
    }

    private void faults(String settings) {
        sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + ws.supplierTenant() + "\"," + settings.substring(1));
    }

    /** A payout.settled event paying 62.49 (the sample's total) on each order. */
    private ObjectNode payout(String eventId, String payoutId, String reference, String... orderIds) {
        return payout(eventId, payoutId, reference, new java.math.BigDecimal("62.49"), orderIds);
    }

    /** A payout.settled event paying {@code amount} on each order. */
    private ObjectNode payout(String eventId, String payoutId, String reference, java.math.BigDecimal amount,
                              String... orderIds) {
        ObjectNode event = kafkaEvent(eventId);
        ObjectNode data = event.putObject("data");
        data.put("payoutId", payoutId);
        data.putObject("supplier").put("workspaceId", ws.supplier());
        data.put("currency", "AUD");
        data.put("paidOn", "2026-11-25");
        data.put("reference", reference);
        ArrayNode payments = data.putArray("payments");
        for (String orderId : orderIds) {
            payments.addObject().put("orderId", orderId).put("invoiceNumber", "INV-" + orderId)
                    .put("amount", amount);
        }
        return event;
    }

    private static ObjectNode kafkaEvent(String eventId) {
        ObjectNode event = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        event.put("specversion", "1.0").put("id", eventId).put("source", "/ordering/payouts")
                .put("type", "payout.settled").put("time", "2026-11-25T06:00:00Z")
                .put("datacontenttype", "application/json");
        return event;
    }

    private void send(ObjectNode event) {
        kafka.send("orders.events", ws.supplier(), event.toString());
    }

    private JsonNode awaitPayout(String payoutId, String state) {
        return await().atMost(WAIT).until(() -> {
            ApiClient.Response response = api.get("/api/v1/workspaces/" + ws.supplier() + "/payouts/" + payoutId);
            return response.status() == 200 ? response.json() : null;
        }, payout -> payout != null && state.equals(payout.path("state").asText()));
    }

    /** The supplier organisation's batch payments with this reference, as Xero holds them. */
    private List<JsonNode> batches(String reference) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode batch : sandbox.accounting(ws.supplierTenant(), "GET", "/BatchPayments", null).path("BatchPayments")) {
            if (reference.equals(batch.path("Reference").asText()) && !"DELETED".equals(batch.path("Status").asText())) {
                found.add(batch);
            }
        }
        return found;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPayoutOfTwoSyncedInvoicesIsOneBatchPaymentAndTheSamePayoutAgainChangesNothing() {
        String first = orders.send();
        String second = orders.send();
        orders.awaitState(first, "SYNCED");
        orders.awaitState(second, "SYNCED");

        String payoutId = unique("po");
        String reference = unique("PAYOUT");
        ObjectNode event = payout(unique("evt"), payoutId, reference, first, second);
        send(event);
        JsonNode applied = awaitPayout(payoutId, "APPLIED");

        assertThat(batches(reference)).singleElement().satisfies(batch -> {
            assertThat(batch.get("BatchPaymentID").asText()).isEqualTo(applied.get("batchPaymentId").asText());
            assertThat(batch.get("Type").asText()).isEqualTo("RECBATCH");
            assertThat(batch.get("Payments")).hasSize(2);
            assertThat(batch.get("TotalAmount").decimalValue()).isEqualByComparingTo("124.98");
            assertThat(batch.path("Account").path("Code").asText()).isEqualTo(
                    api.get("/api/v1/workspaces/" + ws.supplier() + "/settings").json().get("clearingAccount").asText());
        });
        for (String orderId : List.of(first, second)) {
            assertThat(sandbox.invoices(ws.supplierTenant(), "INV-" + orderId)).singleElement()
                    .satisfies(invoice -> assertThat(invoice.get("Status").asText()).isEqualTo("PAID"));
        }
        assertThat(applied.get("payments")).hasSize(2);

        // the same event again, and a new event with the same payoutId; then a marker payout behind them on the topic
        send(event);
        send(payout(unique("evt"), payoutId, reference, first, second));
        String third = orders.send();
        orders.awaitState(third, "SYNCED");
        String marker = unique("po");
        send(payout(unique("evt"), marker, unique("PAYOUT"), third));
        awaitPayout(marker, "APPLIED");

        assertThat(batches(reference)).as("applied once only").hasSize(1);
        JsonNode again = awaitPayout(payoutId, "APPLIED");
        assertThat(again.get("batchPaymentId").asText()).isEqualTo(applied.get("batchPaymentId").asText());
        assertThat(again.get("attempts").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/workspaces/" + ws.supplier() + "/payouts").json())
                .filteredOn(p -> p.get("payoutId").asText().equals(payoutId)).hasSize(1);
    }

    @Test
    void aPayoutNamingAnInvoiceNotYetInXeroWaitsAndIsAppliedOnceItIs() {
        String synced = orders.send();
        orders.awaitState(synced, "SYNCED");
        faults("{\"errorRate\":1,\"status\":503,\"only\":\"POST /Invoices\"}");
        String late = orders.send();
        await().atMost(WAIT).until(() -> api.document(ws.supplier(), late, "ACCREC"),
                document -> document != null && (document.path("attempts").asInt() > 0 || document.path("error").isTextual()));

        String payoutId = unique("po");
        String reference = unique("PAYOUT");
        send(payout(unique("evt"), payoutId, reference, synced, late));
        JsonNode waiting = awaitPayout(payoutId, "WAITING");
        assertThat(waiting.get("error").asText()).contains(late).contains("not in Xero yet");
        assertThat(waiting.get("fixHint").asText()).contains("goes by itself");
        assertThat(batches(reference)).isEmpty();

        faults("{\"errorRate\":0}");
        orders.awaitState(late, "SYNCED");
        JsonNode applied = awaitPayout(payoutId, "APPLIED");
        assertThat(batches(reference)).singleElement().satisfies(batch -> {
            assertThat(batch.get("BatchPaymentID").asText()).isEqualTo(applied.get("batchPaymentId").asText());
            assertThat(batch.get("Payments")).hasSize(2);
        });
        assertThat(applied.path("error").isTextual()).as("no reason left once applied").isFalse();
    }

    @Test
    void aBatchPaymentXeroTookButAnswered503IsAppliedOnce() {
        String first = orders.send();
        String second = orders.send();
        orders.awaitState(first, "SYNCED");
        orders.awaitState(second, "SYNCED");

        faults("{\"errorAfterWorkRate\":1,\"status\":503,\"only\":\"PUT /BatchPayments\"}");
        String payoutId = unique("po");
        String reference = unique("PAYOUT");
        send(payout(unique("evt"), payoutId, reference, first, second));
        await().atMost(WAIT).until(() -> batches(reference).size() == 1);
        faults("{\"errorAfterWorkRate\":0}");

        JsonNode applied = awaitPayout(payoutId, "APPLIED");
        assertThat(batches(reference)).as("found in Xero, not sent again").singleElement()
                .satisfies(batch -> assertThat(batch.get("BatchPaymentID").asText())
                        .isEqualTo(applied.get("batchPaymentId").asText()));
        assertThat(sandbox.calls(ws.supplierTenant()))
                .filteredOn(call -> "PUT".equals(call.path("method").asText())
                        && call.path("path").asText().endsWith("/BatchPayments"))
                .as("one PUT, then the look-up").hasSize(1);
    }

    @Test
    void aPayoutOfAnOrderLedgerBridgeDoesNotKnowFailsWithAHint() {
        String known = orders.send();
        orders.awaitState(known, "SYNCED");
        String payoutId = unique("po");
        send(payout(unique("evt"), payoutId, unique("PAYOUT"), known, "no-such-order"));
        JsonNode failed = awaitPayout(payoutId, "FAILED");
        assertThat(failed.get("error").asText()).contains("no-such-order");
        assertThat(failed.get("fixHint").asText()).contains("new payoutId");
        assertThat(failed.path("batchPaymentId").isTextual()).isFalse();
    }

    /**
     * The supplier's sales invoice's state changes of this order on xero.sync.status (not the venue's bill) that say
     * what was paid on it (not the push's own SYNCED).
     */
    private List<JsonNode> statusOf(String orderId, String state) {
        List<JsonNode> told = new ArrayList<>();
        for (ConsumerRecord<String, String> record : kafka.readUntil("xero.sync.status",
                record -> record.value().contains("\"orderId\":\"" + orderId + "\"")
                        && record.value().contains("\"xeroType\":\"ACCREC\"")
                        && record.value().contains("\"state\":\"" + state + "\"")
                        && SandboxClient.read(record.value()).path("amountPaid").isNumber(), WAIT)) {
            assertThat(record.key()).isEqualTo(ws.supplier());
            told.add(SandboxClient.read(record.value()));
        }
        return told;
    }

    private List<JsonNode> putsOfBatchPayments() {
        List<JsonNode> puts = new ArrayList<>();
        for (JsonNode call : sandbox.calls(ws.supplierTenant())) {
            if ("PUT".equals(call.path("method").asText()) && call.path("path").asText().endsWith("/BatchPayments")) {
                puts.add(call);
            }
        }
        return puts;
    }

    @Test
    void aBatchPaymentXeroDidButAnsweredTooLateIsAppliedOnceAndPartPaidInvoicesAreTold() {
        String first = orders.send();
        String second = orders.send();
        orders.awaitState(first, "SYNCED");
        orders.awaitState(second, "SYNCED");

        // Xero applies the batch payment but answers after the client has given up (3 s here)
        faults("{\"timeoutRate\":1,\"timeoutMs\":5000,\"only\":\"PUT /BatchPayments\"}");
        String payoutId = unique("po");
        String reference = unique("PAYOUT");
        send(payout(unique("evt"), payoutId, reference, new java.math.BigDecimal("20.00"), first, second));
        await().atMost(WAIT).until(() -> batches(reference).size() == 1);

        JsonNode applied = awaitPayout(payoutId, "APPLIED");
        faults("{\"timeoutRate\":0}");
        assertThat(batches(reference)).as("looked up, not sent again").singleElement()
                .satisfies(batch -> assertThat(batch.get("BatchPaymentID").asText())
                        .isEqualTo(applied.get("batchPaymentId").asText()));
        assertThat(putsOfBatchPayments()).as("one PUT, then the look-up").hasSize(1);
        assertThat(applied.get("attempts").asInt()).isEqualTo(1);

        // each invoice it paid: part paid, stored and told as the invoice status pull tells it
        for (String orderId : List.of(first, second)) {
            JsonNode document = api.document(ws.supplier(), orderId, "ACCREC");
            assertThat(document.get("state").asText()).isEqualTo("SYNCED");
            assertThat(document.get("amountPaid").decimalValue()).isEqualByComparingTo("20.00");
            assertThat(statusOf(orderId, "SYNCED")).anySatisfy(event -> {
                assertThat(event.path("amountPaid").decimalValue()).isEqualByComparingTo("20.00");
                assertThat(event.path("xeroStatus").asText()).isEqualTo("AUTHORISED");
            });
        }
    }

    @Test
    void aFailedPayoutIsDeadLetteredAndAfterTheFixARetryAppliesItAndTellsThePaidInvoices() {
        String known = orders.send();
        orders.awaitState(known, "SYNCED");
        String notYet = "pay-" + UUID.randomUUID().toString().substring(0, 8);
        String payoutId = unique("po");
        String reference = unique("PAYOUT");
        ObjectNode event = payout(unique("evt"), payoutId, reference, known, notYet);
        send(event);
        JsonNode failed = awaitPayout(payoutId, "FAILED");
        assertThat(failed.get("error").asText()).contains(notYet);
        assertThat(failed.get("fixHint").asText()).contains("/payouts/" + payoutId + "/retry");

        // the platform hears of it on the dead letter topic: the payout as sent, the reason, the attempts
        List<ConsumerRecord<String, String>> letters = kafka.readUntil("xero.sync.dlq",
                record -> record.value().contains(payoutId), WAIT);
        assertThat(letters).as("the payout's dead letter").hasSize(1);
        JsonNode letter = SandboxClient.read(letters.get(0).value());
        assertThat(letters.get(0).key()).isEqualTo(ws.supplier());
        assertThat(letter.get("reason").asText()).contains(notYet).contains("no sales invoice");
        assertThat(letter.has("attempts")).isTrue();
        assertThat(SandboxClient.read(letter.get("originalMessage").asText()).path("payoutId").asText())
                .isEqualTo(payoutId);

        // retry is only for a FAILED payout of the workspace
        String retry = "/api/v1/workspaces/" + ws.supplier() + "/payouts/" + payoutId + "/retry";
        assertThat(api.post("/api/v1/workspaces/" + ws.supplier() + "/payouts/no-such-payout/retry", "").status())
                .isEqualTo(404);

        // the fix: the order reaches LedgerBridge (and Xero); then the same payout is retried
        ObjectNode order = OrderEvents.invoice(ws.supplier(), ws.venue(), notYet, 1);
        ((ObjectNode) order.get("data")).put("invoiceNumber", "INV-" + notYet);
        kafka.send("orders.events", ws.supplier(), order.toString());
        orders.awaitState(notYet, "SYNCED");
        ApiClient.Response accepted = api.post(retry, "");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode applied = awaitPayout(payoutId, "APPLIED");
        assertThat(batches(reference)).singleElement()
                .satisfies(batch -> assertThat(batch.get("Payments")).hasSize(2));
        ApiClient.Response again = api.post(retry, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("APPLIED").contains("only a FAILED payout");
        assertThat(applied.path("error").isTextual()).isFalse();

        for (String orderId : List.of(known, notYet)) {
            JsonNode document = api.document(ws.supplier(), orderId, "ACCREC");
            assertThat(document.get("state").asText()).isEqualTo("PAID");
            assertThat(document.get("amountPaid").decimalValue()).isEqualByComparingTo("62.49");
            assertThat(statusOf(orderId, "PAID")).anySatisfy(told ->
                    assertThat(told.path("amountPaid").decimalValue()).isEqualByComparingTo("62.49"));
        }
    }
}
