package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.connection.XeroConnectionRepository;
import java.time.Duration;
import java.util.UUID;
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
}
