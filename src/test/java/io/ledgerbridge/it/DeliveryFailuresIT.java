package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.connection.XeroConnection.Status;
import io.ledgerbridge.connection.XeroConnectionRepository;
import io.ledgerbridge.connection.Connections;
import io.ledgerbridge.sandbox.XeroSandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Xero does wrong, and that nothing is lost or sent twice: writes that get no answer, a storm of
 * 429s, an expired access token, and a grant that is gone until the workspace reconnects.
 */
class DeliveryFailuresIT extends DeliveryTestBase {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Map<String, UUID> DEMO = Map.of("demo-supplier", XeroSandbox.SUPPLIER_TENANT,
            "demo-venue", XeroSandbox.VENUE_TENANT);

    @Autowired
    XeroConnectionRepository connections;
    @Autowired
    Connections connecting;


    /** Xero back to normal, and the demo workspaces connected again, whatever a test did. */
    @AfterEach
    void restoreXero() throws Exception {
        control("PUT", "/sandbox/limits", "{\"perMinute\":60,\"windowSeconds\":"
                + environment.getRequiredProperty("ledgerbridge.xero.limits.window-seconds")
                + ",\"concurrent\":5,\"perDay\":5000,\"appPerMinute\":10000}");
        control("PUT", "/sandbox/faults", "{\"errorRate\":0,\"timeoutRate\":0,\"latencyMs\":0}");
        control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + XeroSandbox.SUPPLIER_TENANT + "\",\"errorRate\":0,\"timeoutRate\":0,\"latencyMs\":0}");
        for (Map.Entry<String, UUID> demo : DEMO.entrySet()) {
            reconnect(demo.getKey(), demo.getValue());
        }
    }

    private String control(String method, String path, String body) {
        return sandbox.control(method, path, body);
    }

    /** As the connect flow will: a fresh grant, stored; the documents that waited for it go by themselves. */
    private void reconnect(String workspace, UUID tenant) throws Exception {
        JsonNode grant = sandbox.grant(tenant);
        // the organisation's name as the connection had it, so messages in later tests still name it
        String tenantName = connections.find(workspace).map(XeroConnection::tenantName).orElse(workspace);
        connecting.connected(new XeroConnection(workspace, tenant, tenantName, grant.get("access_token").asText(),
                grant.get("refresh_token").asText(), Instant.now().plusSeconds(1800), Status.CONNECTED, null));
    }

    private ObjectNode order(String orderId, String buyerName) {
        ObjectNode event = OrderEvents.invoice("demo-supplier", "demo-venue", orderId, 1);
        ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-" + orderId);
        if (buyerName != null) {
            ObjectNode buyer = (ObjectNode) event.at("/data/buyer");
            buyer.remove("workspaceId");
            buyer.put("name", buyerName).put("email", buyerName.replace(' ', '.') + "@example.com").remove("taxNumber");
        }
        return event;
    }

    private JsonNode awaitState(String workspace, String orderId, String state) {
        return await().atMost(WAIT).until(() -> api.document(workspace, orderId),
                document -> document != null && state.equals(document.get("state").asText()));
    }

    private long invoicesNumbered(UUID tenant, String number) {
        return sandbox.invoices(tenant, number).size();
    }

    @Test
    void aWriteThatGotNoAnswerIsLookedUpInXeroNotSentTwice() throws Exception {
        String warmUp = "w-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.events", "demo-supplier", order(warmUp, null).toString());
        awaitState("demo-supplier", warmUp, "SYNCED");

        // Xero applies the write but answers after the client has given up (3 s here).
        control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + XeroSandbox.SUPPLIER_TENANT + "\",\"timeoutRate\":1,\"timeoutMs\":5000}");
        String orderId = "u-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.events", "demo-supplier", order(orderId, null).toString());
        await().atMost(WAIT).until(() -> api.document("demo-supplier", orderId),
                document -> document != null && document.get("error").asText("").contains("No answer from Xero"));
        assertThat(invoicesNumbered(XeroSandbox.SUPPLIER_TENANT, "INV-" + orderId)).isEqualTo(1);

        control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + XeroSandbox.SUPPLIER_TENANT + "\",\"timeoutRate\":0}");
        JsonNode synced = awaitState("demo-supplier", orderId, "SYNCED");
        assertThat(invoicesNumbered(XeroSandbox.SUPPLIER_TENANT, "INV-" + orderId)).isEqualTo(1);
        assertThat(synced.get("xeroId").isNull()).isFalse();
    }

    @Test
    void aStormOf429sDelaysButLosesNothing() throws Exception {
        // Three in ten of the supplier organisation's calls answered 429 (nothing done, no Retry-After): the lane
        // waits a window each time and tries again. The remaining-headers cannot warn of these. Orders go one at a
        // time, each to a new buyer (a contact look-up and create, then the invoice), until the storm has hit.
        // A supplier of the test's own, so what other tests left in the demo workspaces adds no calls to its passes.
        TestWorkspaces.Pair ws = TestWorkspaces.create(api, sandbox, connections, "storm");
        control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + ws.supplierTenant() + "\",\"errorRate\":0.3,\"status\":429}");
        try {
            List<String> throttled = new ArrayList<>();
            for (int round = 0; round < 10 && throttled.isEmpty(); round++) {
                String orderId = "s-" + UUID.randomUUID().toString().substring(0, 8);
                ObjectNode event = order(orderId, "Storm Cafe " + orderId);
                ((ObjectNode) event.at("/data/supplier")).put("workspaceId", ws.supplier());
                kafka.send("orders.events", ws.supplier(), event.toString());
                awaitState(ws.supplier(), orderId, "SYNCED");
                assertThat(invoicesNumbered(ws.supplierTenant(), "INV-" + orderId)).isEqualTo(1);
                sandbox.calls(ws.supplierTenant()).forEach(call -> {
                    if (call.path("status").asInt() == 429) {
                        throttled.add(call.path("method").asText() + " " + call.path("path").asText());
                    }
                });
            }
            assertThat(throttled).as("calls Xero answered with 429").isNotEmpty();
        } finally {
            control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + ws.supplierTenant() + "\",\"errorRate\":0}");
        }
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheCallMadeAgain() throws Exception {
        String before = connections.find("demo-supplier").orElseThrow().accessToken();
        control("POST", "/sandbox/tokens/expire", null);
        String orderId = "t-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.events", "demo-supplier", order(orderId, null).toString());

        awaitState("demo-supplier", orderId, "SYNCED");
        XeroConnection after = connections.find("demo-supplier").orElseThrow();
        assertThat(after.accessToken()).isNotEqualTo(before);
        assertThat(after.status()).isEqualTo(Status.CONNECTED);
    }

    @Test
    void aRevokedGrantParksTheWorkUntilTheWorkspaceReconnects() throws Exception {
        control("POST", "/sandbox/tokens/revoke", null);
        control("POST", "/sandbox/tokens/expire", null);
        String orderId = "x-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.events", "demo-supplier", order(orderId, null).toString());

        JsonNode waiting = awaitState("demo-supplier", orderId, "WAITING");
        assertThat(waiting.get("waitingReason").asText()).isEqualTo("NEEDS_RECONNECT");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                connections.find("demo-supplier").orElseThrow().status()).isEqualTo(Status.NEEDS_RECONNECT));

        reconnect("demo-supplier", XeroSandbox.SUPPLIER_TENANT);
        awaitState("demo-supplier", orderId, "SYNCED");
        assertThat(invoicesNumbered(XeroSandbox.SUPPLIER_TENANT, "INV-" + orderId)).isEqualTo(1);
    }
}
