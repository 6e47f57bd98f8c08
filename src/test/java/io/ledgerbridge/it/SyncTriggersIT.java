package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A started sync (F26): with automatic sync off, the invoice push sends what waited for it, and what arrives
 * afterwards waits for the next; a second push within 5 s is refused with 429, Retry-After and the cooldown left;
 * a sync whose prerequisites are missing is refused with 409 and what to do first; an unknown scope is a 404.
 */
class SyncTriggersIT extends DeliveryTestBase {

    @BeforeEach
    void workspaces() {
        connectedPair("sync", "sy");
    }

    @Test
    void anInvoicePushSendsWhatWaitedForItAndWhatArrivesLaterWaitsForTheNext() {
        settings("{\"automaticSync\":false}");
        String first = orders.send();
        String second = orders.send();
        assertThat(orders.awaitState(first, "WAITING").get("waitingReason").asText()).isEqualTo("MANUAL_SYNC");
        orders.awaitState(second, "WAITING");

        ApiClient.Response started = api.post(supplierPath("/sync/invoice-push"), "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("scope").asText()).isEqualTo("invoice-push");
        orders.awaitState(first, "SYNCED");
        orders.awaitState(second, "SYNCED");
        assertThat(sandbox.invoices(ws.supplierTenant(), "INV-" + first)).hasSize(1);

        ApiClient.Response again = api.post(supplierPath("/sync/invoice-push"), "");
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.contentType()).startsWith("application/problem+json");
        long remaining = again.json().get("cooldownRemainingSeconds").asLong();
        assertThat(remaining).isBetween(1L, 5L);

        JsonNode push = await().atMost(WAIT).until(() -> orders.scope("invoice-push"),
                scope -> "OK".equals(scope.path("lastRun").path("result").asText()));
        assertThat(push.get("lastRun").get("counts").get("released").asLong()).isEqualTo(2);
        assertThat(push.get("cooldownSeconds").asLong()).isEqualTo(5);
        assertThat(push.get("available").asBoolean()).isTrue();

        String later = orders.send();
        assertThat(orders.awaitState(later, "WAITING").get("waitingReason").asText()).isEqualTo("MANUAL_SYNC");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.post(supplierPath("/sync/invoice-push"), "").status() == 202);
        orders.awaitState(later, "SYNCED");
        assertThat(sandbox.invoices(ws.supplierTenant(), "INV-" + later)).hasSize(1);
    }

    @Test
    void aSyncThatCannotRunIsRefusedWithWhatToDoFirst() {
        settings("{\"modules\":{\"invoicePush\":false}}");
        ApiClient.Response off = api.post(supplierPath("/sync/invoice-push"), "");
        assertThat(off.status()).isEqualTo(409);
        assertThat(off.json().get("detail").asText()).contains("Invoice push is off").contains("Turn invoice push on");
        settings("{\"modules\":{\"invoicePush\":true}}");

        String unconnected = TestWorkspaces.unconnectedSupplier(api, "sync");
        ApiClient.Response notConnected = api.post("/api/v1/workspaces/" + unconnected + "/sync/invoice-push", "");
        assertThat(notConnected.status()).isEqualTo(409);
        assertThat(notConnected.json().get("detail").asText()).contains("not connected").contains("/xero/connect");

        assertThat(api.post(supplierPath("/sync/everything"), "").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/workspaces/no-such-workspace/sync/invoice-push", "").status()).isEqualTo(404);
        assertThat(orders.scope("contacts").get("available").asBoolean()).isTrue();
        assertThat(orders.scope("contacts").get("cooldownSeconds").asLong()).isEqualTo(60);
        assertThat(api.get(supplierPath("/sync")).json().findValuesAsText("scope"))
                .containsExactly("contacts", "items", "tax-rates", "invoice-push", "invoice-pull");
    }

    @Test
    void aPushOfDocumentsWithAnUnmappedTaxCodeIsRefusedNamingTheCode() {
        settings("{\"automaticSync\":false}");
        String orderId = "sy-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode event = OrderEvents.invoice(ws.supplier(), ws.venue(), orderId, 1);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("invoiceNumber", "INV-" + orderId);
        ((ObjectNode) data.get("lines").get(1)).put("taxCode", "WET");
        kafka.send("orders.events", ws.supplier(), event.toString());
        orders.awaitState(orderId, "WAITING");

        ApiClient.Response refused = api.post(supplierPath("/sync/invoice-push"), "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("WET").contains("/mappings/tax-rates/WET");

        assertThat(api.put(supplierPath("/mappings/tax-rates/WET"), "{\"sales\":\"OUTPUT\",\"purchases\":\"INPUT\"}").status())
                .isEqualTo(200);
        assertThat(api.post(supplierPath("/sync/invoice-push"), "").status()).isEqualTo(202);
        orders.awaitState(orderId, "SYNCED");
    }

    private void settings(String json) {
        assertThat(api.put(supplierPath("/settings"), json).status()).isEqualTo(200);
    }

}
