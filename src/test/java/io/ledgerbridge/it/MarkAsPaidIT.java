package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.connection.XeroConnectionRepository;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Mark-as-paid (F19): a payment is a state of its own, applied once, never lost and never applied twice. */
class MarkAsPaidIT extends DeliveryTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    XeroConnectionRepository connections;

    private TestWorkspaces.Pair ws;

    @BeforeEach
    void workspaces() {
        ws = TestWorkspaces.create(api, sandbox, connections, "paid");
    }

    @AfterEach
    void noFaults() {
        faults("{\"errorRate\":0,\"errorAfterWorkRate\":0,\"timeoutRate\":0,\"only\":null}");
    }

    private void faults(String settings) {
        sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + ws.supplierTenant() + "\"," + settings.substring(1));
    }

    private List<JsonNode> payments(String orderId) {
        List<JsonNode> payments = new java.util.ArrayList<>();
        sandbox.invoices(ws.supplierTenant(), "INV-" + orderId).get(0).path("Payments").forEach(payments::add);
        return payments;
    }

    private ObjectNode order(String orderId, int version) {
        ObjectNode event = OrderEvents.invoice(ws.supplier(), ws.venue(), orderId, version);
        ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-" + orderId);
        return event;
    }

    private ObjectNode paid(String orderId, int version, String amount) {
        ObjectNode event = order(orderId, version);
        event.put("type", "order.paid");
        ((ObjectNode) event.get("data")).set("payment", OrderEvents.payment(amount, "2026-11-22", "PAY-" + orderId));
        return event;
    }

    private JsonNode awaitDocument(String orderId, String state, long version) {
        return await().atMost(WAIT).until(() -> api.document(ws.supplier(), orderId),
                document -> document != null && state.equals(document.get("state").asText())
                        && document.get("version").asLong() == version);
    }

    @Test
    void aPaymentForAnInvoiceThatIsADraftInXeroWaitsForTheApprovalAndSaysSo() {
        assertThat(api.put("/api/v1/workspaces/" + ws.supplier() + "/settings", "{\"invoiceDefaultStatus\":\"DRAFT\"}")
                .status()).isEqualTo(200);
        String orderId = "pdraft-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.events", ws.supplier(), order(orderId, 1).toString());
        awaitDocument(orderId, "SYNCED", 1);

        kafka.send("orders.events", ws.supplier(), paid(orderId, 2, "62.49").toString());
        JsonNode waiting = awaitDocument(orderId, "WAITING", 2);
        assertThat(waiting.get("waitingReason").asText()).isEqualTo("PAYMENT_AWAITS_APPROVAL");
        assertThat(waiting.get("error").asText()).contains("DRAFT");
        assertThat(waiting.get("fixHint").asText()).contains("Approve");
        assertThat(sandbox.invoices(ws.supplierTenant(), "INV-" + orderId)).singleElement()
                .satisfies(invoice -> assertThat(invoice.get("AmountPaid").decimalValue()).isEqualByComparingTo("0"));
    }

    @Test
    void aPaymentWhoseAnswerWasLostIsFoundInXeroAndNeitherLostNorSentAgain() {
        String orderId = "plost-" + UUID.randomUUID().toString().substring(0, 8);
        // Xero applies the payment but answers after the client gave up.
        faults("{\"timeoutRate\":1,\"timeoutMs\":5000,\"only\":\"PUT /Payments\"}");
        kafka.send("orders.events", ws.supplier(), paid(orderId, 1, "62.49").toString());
        await().atMost(WAIT).until(() -> sandbox.invoices(ws.supplierTenant(), "INV-" + orderId).size() == 1
                && payments(orderId).size() == 1);
        faults("{\"timeoutRate\":0}");

        JsonNode document = awaitDocument(orderId, "PAID", 1);
        assertThat(document.get("xeroStatus").asText()).isEqualTo("PAID");
        assertThat(payments(orderId)).as("the payment Xero took, found; none sent again").singleElement()
                .satisfies(payment -> assertThat(payment.get("Reference").asText()).isEqualTo("PAY-" + orderId));
    }

    @Test
    void aPartPaymentXeroTookButAnswered503IsAppliedOnce() {
        String orderId = "p503-" + UUID.randomUUID().toString().substring(0, 8);
        faults("{\"errorAfterWorkRate\":1,\"status\":503,\"only\":\"PUT /Payments\"}");
        kafka.send("orders.events", ws.supplier(), paid(orderId, 1, "20.00").toString());
        await().atMost(WAIT).until(() -> sandbox.invoices(ws.supplierTenant(), "INV-" + orderId).size() == 1
                && payments(orderId).size() == 1);
        faults("{\"errorAfterWorkRate\":0}");

        awaitDocument(orderId, "PAID", 1);
        assertThat(payments(orderId)).singleElement()
                .satisfies(payment -> assertThat(payment.get("Amount").decimalValue()).isEqualByComparingTo("20.00"));
        assertThat(sandbox.invoices(ws.supplierTenant(), "INV-" + orderId).get(0).get("AmountPaid").decimalValue())
                .isEqualByComparingTo("20.00");
    }
}
