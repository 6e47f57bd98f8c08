package io.ledgerbridge.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.UUID;

/**
 * A test's own supplier as the platform drives it: invoices sent on orders.events (numbered after their order), their
 * sales invoice documents awaited in a state, and a sync's last run awaited to its end.
 */
final class SupplierOrders {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final ApiClient api;
    private final KafkaTestClient kafka;
    private final TestWorkspaces.Pair ws;
    private final String prefix;

    SupplierOrders(ApiClient api, KafkaTestClient kafka, TestWorkspaces.Pair ws, String prefix) {
        this.api = api;
        this.kafka = kafka;
        this.ws = ws;
        this.prefix = prefix;
    }

    /** The sample invoice for a new order, from the supplier to the venue; its order id. */
    String send() {
        String orderId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode event = OrderEvents.invoice(ws.supplier(), ws.venue(), orderId, 1);
        ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-" + orderId);
        kafka.send("orders.events", ws.supplier(), event.toString());
        return orderId;
    }

    /** The supplier's sales invoice of the order, once it is in {@code state}. */
    JsonNode awaitState(String orderId, String state) {
        return await().atMost(WAIT).until(() -> api.document(ws.supplier(), orderId, "ACCREC"),
                document -> document != null && state.equals(document.get("state").asText()));
    }

    /** The scope as {@code GET …/sync} shows it. */
    JsonNode scope(String name) {
        for (JsonNode scope : api.get("/api/v1/workspaces/" + ws.supplier() + "/sync").json()) {
            if (scope.get("scope").asText().equals(name)) {
                return scope;
            }
        }
        throw new AssertionError("no sync scope " + name);
    }

    /** The scope's last run, once it has ended (OK or FAILED). */
    JsonNode awaitRun(String name) {
        return await().atMost(WAIT).until(() -> scope(name).get("lastRun"), run -> run != null && !run.isNull()
                && ("OK".equals(run.path("result").asText()) || "FAILED".equals(run.path("result").asText())));
    }
}
