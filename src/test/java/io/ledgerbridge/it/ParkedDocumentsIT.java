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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nothing stuck: documents that wait for a setting go by themselves once the setting allows them, and a stored
 * document that cannot be read fails on its own, with its reason, while the rest of its batch goes.
 */
class ParkedDocumentsIT extends DeliveryTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    XeroConnectionRepository connections;
    @Autowired
    JdbcClient jdbc;

    private TestWorkspaces.Pair ws;

    @BeforeEach
    void workspaces() {
        ws = TestWorkspaces.create(api, sandbox, connections, "park");
    }

    private String send() {
        String orderId = "pk-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode event = OrderEvents.invoice(ws.supplier(), ws.venue(), orderId, 1);
        ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-" + orderId);
        kafka.send("orders.events", ws.supplier(), event.toString());
        return orderId;
    }

    private JsonNode awaitState(String orderId, String state) {
        return await().atMost(WAIT).until(() -> api.document(ws.supplier(), orderId),
                document -> document != null && state.equals(document.get("state").asText()));
    }

    private void settings(String json) {
        assertThat(api.put("/api/v1/workspaces/" + ws.supplier() + "/settings", json).status()).isEqualTo(200);
    }

    @Test
    void documentsThatWaitedForInvoicePushGoOnceItIsTurnedOn() {
        settings("{\"modules\":{\"invoicePush\":false}}");
        String orderId = send();
        assertThat(awaitState(orderId, "WAITING").get("waitingReason").asText()).isEqualTo("SYNC_OFF");

        settings("{\"modules\":{\"invoicePush\":true}}");
        JsonNode synced = awaitState(orderId, "SYNCED");
        assertThat(sandbox.invoices(ws.supplierTenant(), "INV-" + orderId)).singleElement()
                .satisfies(invoice -> assertThat(invoice.get("InvoiceID").asText()).isEqualTo(synced.get("xeroId").asText()));
    }

    @Test
    void documentsThatWaitedForAManualSyncGoOnceAutomaticSyncIsTurnedOn() {
        settings("{\"automaticSync\":false}");
        String orderId = send();
        assertThat(awaitState(orderId, "WAITING").get("waitingReason").asText()).isEqualTo("MANUAL_SYNC");

        settings("{\"automaticSync\":true}");
        awaitState(orderId, "SYNCED");
        assertThat(sandbox.invoices(ws.supplierTenant(), "INV-" + orderId)).hasSize(1);
    }

    @Test
    void aStoredDocumentThatCannotBeReadFailsAloneAndTheRestOfItsBatchGoes() {
        String good = send();
        JsonNode recorded = await().atMost(WAIT).until(() -> api.document(ws.supplier(), good), java.util.Objects::nonNull);
        // A copy of it whose quantity PostgreSQL expands to 1,001 digits, due with it, so one pass claims both.
        String bad = "unreadable-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO documents (document_id, workspace_id, source_key, order_id, xero_type, version, last_event_id,
                                       last_event_type, number, currency, total, payload, state, next_attempt_at)
                SELECT gen_random_uuid(), workspace_id, :bad, :bad, xero_type, 1, 'evt-' || :bad, last_event_type, 'INV-' || :bad,
                       currency, total,
                       jsonb_set(jsonb_set(payload, '{orderId}', to_jsonb(CAST(:bad AS text))),
                                 '{lines,0,quantity}', CAST('1e1000' AS jsonb)),
                       'PENDING', next_attempt_at
                  FROM documents WHERE workspace_id = :ws AND order_id = :good
                """).param("ws", ws.supplier()).param("bad", bad).param("good", good).update();

        awaitState(good, "SYNCED");
        JsonNode failed = awaitState(bad, "FAILED");
        assertThat(failed.get("error").asText()).contains("cannot be read");
        assertThat(failed.get("fixHint").asText()).isNotBlank();
        assertThat(recorded.get("documentId").asText()).isNotEqualTo(failed.get("documentId").asText());
    }
}
