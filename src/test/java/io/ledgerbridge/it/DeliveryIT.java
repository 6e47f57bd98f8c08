package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.connection.XeroConnection.Status;
import io.ledgerbridge.connection.XeroConnectionRepository;
import io.ledgerbridge.sandbox.XeroSandbox;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Order events become coded documents in the sandbox's two organisations: the supplier's sales invoice
 * and the venue's bill, updated in place, failed with a plain reason and fix, and locked once paid.
 */
class DeliveryIT extends DeliveryTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    XeroConnectionRepository connections;



    private ObjectNode order(String orderId, int version) {
        ObjectNode event = OrderEvents.invoice("demo-supplier", "demo-venue", orderId, version);
        ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-" + orderId);
        return event;
    }

    private JsonNode awaitState(String workspace, String orderId, String state, long version) {
        return await().atMost(WAIT).until(() -> api.document(workspace, orderId),
                document -> document != null && state.equals(document.get("state").asText())
                        && document.get("version").asLong() == version);
    }

    @Test
    void anOrderBecomesACodedSalesInvoiceAndBillThenUpdatesInPlace() throws Exception {
        String orderId = "d-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.events", "demo-supplier", order(orderId, 1).toString());

        JsonNode sales = awaitState("demo-supplier", orderId, "SYNCED", 1);
        JsonNode bill = awaitState("demo-venue", orderId, "SYNCED", 1);
        assertThat(sales.get("xeroStatus").asText()).isEqualTo("AUTHORISED");
        assertThat(bill.get("xeroStatus").asText()).isEqualTo("AUTHORISED");

        List<JsonNode> inSupplier = sandbox.invoices(XeroSandbox.SUPPLIER_TENANT, "INV-" + orderId);
        assertThat(inSupplier).singleElement().satisfies(invoice -> {
            assertThat(invoice.get("Type").asText()).isEqualTo("ACCREC");
            assertThat(invoice.get("Total").decimalValue()).isEqualByComparingTo("62.49");
            assertThat(invoice.get("TotalTax").decimalValue()).isEqualByComparingTo("1.59");
            assertThat(invoice.get("InvoiceID").asText()).isEqualTo(sales.get("xeroId").asText());
            assertThat(invoice.get("Reference").asText()).isEqualTo("PO-77");
            assertThat(invoice.get("LineItems").findValuesAsText("AccountCode")).containsExactly("200", "260", "260");
            assertThat(invoice.get("LineItems").get(0).get("TaxType").asText()).isEqualTo("EXEMPTOUTPUT");
            assertThat(invoice.get("LineItems").get(0).get("Tracking").get(0).get("Option").asText()).isEqualTo("North");
        });
        List<JsonNode> inVenue = sandbox.invoices(XeroSandbox.VENUE_TENANT, "INV-" + orderId);
        assertThat(inVenue).singleElement().satisfies(invoice -> {
            assertThat(invoice.get("Type").asText()).isEqualTo("ACCPAY");
            assertThat(invoice.get("LineItems").findValuesAsText("AccountCode")).containsExactly("310", "425", "404");
            assertThat(invoice.get("LineItems").get(1).get("TaxType").asText()).isEqualTo("INPUT");
        });

        ObjectNode updated = order(orderId, 2);
        updated.put("type", "order.updated");
        ((ObjectNode) updated.at("/data/lines/0")).put("quantity", 12);
        OrderEvents.withTotal(updated, "71.49");
        kafka.send("orders.events", "demo-supplier", updated.toString());

        awaitState("demo-supplier", orderId, "SYNCED", 2);
        assertThat(sandbox.invoices(XeroSandbox.SUPPLIER_TENANT, "INV-" + orderId)).singleElement()
                .satisfies(invoice -> assertThat(invoice.get("Total").decimalValue()).isEqualByComparingTo("71.49"));

        List<ConsumerRecord<String, String>> statuses = kafka.readUntil("xero.sync.status",
                record -> record.value().contains(orderId) && record.value().contains("\"version\":2"), WAIT);
        assertThat(statuses).isNotEmpty();
        assertThat(statuses.get(0).key()).isIn("demo-supplier", "demo-venue");
    }

    @Test
    void aDocumentXeroCannotTakeFailsWithAPlainReasonAndFixAndGoesToTheDeadLetterTopic() {
        String orderId = "f-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode event = order(orderId, 1);
        ((ObjectNode) event.at("/data/lines/0")).put("sku", "NEW-" + orderId).put("taxCode", "WINE_TAX");
        kafka.send("orders.events", "demo-supplier", event.toString());

        JsonNode failed = awaitState("demo-venue", orderId, "FAILED", 1);
        assertThat(failed.get("error").asText()).isEqualTo("Tax code WINE_TAX has no Xero tax rate for purchases in Demo Harbour Cafe.");
        assertThat(failed.get("fixHint").asText()).contains("mappings/tax-rates/WINE_TAX");
        List<ConsumerRecord<String, String>> letters = kafka.readUntil("xero.sync.dlq",
                record -> record.value().contains(orderId), WAIT);
        assertThat(letters).isNotEmpty();
        assertThat(letters.get(0).value()).contains("WINE_TAX has no Xero tax rate");
    }

    /** A new workspace connected to one of the sandbox's organisations, as the connect flow would leave it. */
    private String connectedWorkspace(String prefix, String role, UUID tenant, String settings) throws Exception {
        String workspace = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.put("/api/v1/workspaces/" + workspace, "{\"name\":\"" + workspace + "\",\"roles\":[\"" + role + "\"]}")
                .status()).isEqualTo(201);
        assertThat(api.put("/api/v1/workspaces/" + workspace + "/settings", settings).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/workspaces/" + workspace + "/mappings/tax-rates/GST",
                "{\"sales\":\"OUTPUT\",\"purchases\":\"INPUT\"}").status()).isEqualTo(200);
        assertThat(api.put("/api/v1/workspaces/" + workspace + "/mappings/tax-rates/GST_FREE",
                "{\"sales\":\"EXEMPTOUTPUT\",\"purchases\":\"EXEMPTEXPENSES\"}").status()).isEqualTo(200);
        JsonNode grant = sandbox.grant(tenant);
        connections.save(new XeroConnection(workspace, tenant, workspace + " org", grant.get("access_token").asText(),
                grant.get("refresh_token").asText(), Instant.now().plusSeconds(1800), Status.CONNECTED, null));
        return workspace;
    }

    @Test
    void aBillWithAnUnmappedLineGoesAsDraftAndIsApprovedOnceTheMappingArrives() throws Exception {
        String venue = connectedWorkspace("gl", "VENUE", XeroSandbox.VENUE_TENANT, """
                {"freightAccount":"425","surchargeAccount":"404","autoApproveBills":true,"invoiceDefaultStatus":"AUTHORISED",
                 "modules":{"invoicePush":true}}""");
        String orderId = "g-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode event = OrderEvents.invoice("demo-supplier", venue, orderId, 1);
        ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-" + orderId);
        kafka.send("orders.events", "demo-supplier", event.toString());

        JsonNode draft = awaitState(venue, orderId, "WAITING", 1);
        assertThat(draft.get("waitingReason").asText()).isEqualTo("GL_ACCOUNT_REQUIRED");
        assertThat(draft.get("xeroStatus").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("error").asText()).contains("APL-01");

        assertThat(api.put("/api/v1/workspaces/" + venue + "/mappings/items/APL-01", "{\"accountCode\":\"310\"}").status())
                .isEqualTo(200);
        JsonNode approved = awaitState(venue, orderId, "SYNCED", 1);
        assertThat(approved.get("xeroStatus").asText()).isEqualTo("AUTHORISED");
        assertThat(approved.get("xeroId").asText()).isEqualTo(draft.get("xeroId").asText());
    }

    @Test
    void theFreePlanSyncsThirtyAMonthAndTheRestWaitUntilTheUpgrade() throws Exception {
        String supplier = connectedWorkspace("quota", "SUPPLIER", XeroSandbox.SUPPLIER_TENANT, """
                {"salesAccount":"200","freightAccount":"260","surchargeAccount":"260","invoiceDefaultStatus":"AUTHORISED",
                 "modules":{"invoicePush":true}}""");
        String batch = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 31; i++) {
            ObjectNode event = OrderEvents.invoice(supplier, "not-on-ledgerbridge", "q-" + batch + "-" + i, 1);
            ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-q-" + batch + "-" + i);
            kafka.sendAsync("orders.events", supplier, event.toString());
        }
        kafka.flush();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode all = api.get("/api/v1/workspaces/" + supplier + "/documents?limit=100").json();
            assertThat(all.findValuesAsText("state")).hasSize(31)
                    .containsOnly("SYNCED", "OVER_QUOTA")
                    .filteredOn("OVER_QUOTA"::equals).hasSize(1);
        });

        assertThat(api.put("/api/v1/workspaces/" + supplier, "{\"name\":\"Quota Co\",\"roles\":[\"SUPPLIER\"],\"plan\":\"PRO\"}")
                .status()).isEqualTo(200);
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/api/v1/workspaces/" + supplier
                + "/documents?status=SYNCED&limit=100").json()).hasSize(31));
    }

    @Test
    void aFailedDocumentCanBeResolvedOrSentAgainAndBothAreAudited() {
        String orderId = "r-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode event = order(orderId, 1);
        ((ObjectNode) event.at("/data/lines/0")).put("taxCode", "LUXURY_" + orderId);
        kafka.send("orders.events", "demo-supplier", event.toString());
        JsonNode failed = awaitState("demo-venue", orderId, "FAILED", 1);
        String id = failed.get("documentId").asText();

        JsonNode resolved = api.post("/api/v1/workspaces/demo-venue/documents/" + id + "/resolve", "").json();
        assertThat(resolved.get("state").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("error").asText()).isEqualTo("Marked resolved by api-client");

        JsonNode resync = api.post("/api/v1/workspaces/demo-venue/documents/resync", "{\"ids\":[\"" + id + "\"]}").json();
        assertThat(resync.get("resynced").asInt()).isEqualTo(1);
        awaitState("demo-venue", orderId, "FAILED", 1);

        ApiClient.Response neither = api.post("/api/v1/workspaces/demo-venue/documents/resync", "{}");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().get("detail").asText()).contains("either \"ids\"");
    }

    @Test
    void aPaidOrderIsMarkedPaidInXeroOnTheClearingAccount() {
        String orderId = "m-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.events", "demo-supplier", order(orderId, 1).toString());
        awaitState("demo-supplier", orderId, "SYNCED", 1);

        ObjectNode paid = order(orderId, 2);
        paid.put("type", "order.paid");
        ((ObjectNode) paid.get("data")).set("payment", OrderEvents.payment("62.49", "2026-11-22", "PAY-" + orderId));
        kafka.send("orders.events", "demo-supplier", paid.toString());

        // demo-supplier has mark-as-paid on (clearing account 855); demo-venue has it off.
        JsonNode document = awaitState("demo-supplier", orderId, "PAID", 2);
        assertThat(document.get("xeroStatus").asText()).isEqualTo("PAID");
        assertThat(sandbox.invoices(XeroSandbox.SUPPLIER_TENANT, "INV-" + orderId)).singleElement().satisfies(invoice -> {
            assertThat(invoice.get("Status").asText()).isEqualTo("PAID");
            assertThat(invoice.get("AmountDue").decimalValue()).isEqualByComparingTo("0");
            assertThat(invoice.get("AmountPaid").decimalValue()).isEqualByComparingTo("62.49");
        });
        assertThat(awaitState("demo-venue", orderId, "SYNCED", 2).get("xeroStatus").asText()).isEqualTo("AUTHORISED");
    }

    @Test
    void aChangeAfterPaymentInXeroIsLockedNotSent() throws Exception {
        String orderId = "p-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.events", "demo-supplier", order(orderId, 1).toString());
        JsonNode sales = awaitState("demo-supplier", orderId, "SYNCED", 1);

        sandbox.control("POST", "/sandbox/tenants/" + XeroSandbox.SUPPLIER_TENANT + "/invoices/"
                + sales.get("xeroId").asText() + "/pay", null);

        ObjectNode updated = order(orderId, 2);
        updated.put("type", "order.updated");
        OrderEvents.withTotal(updated, "71.49");
        ((ObjectNode) updated.at("/data/lines/0")).put("quantity", 12);
        kafka.send("orders.events", "demo-supplier", updated.toString());

        JsonNode locked = awaitState("demo-supplier", orderId, "LOCKED", 2);
        assertThat(locked.get("error").asText()).contains("change it in Xero");
        assertThat(sandbox.invoices(XeroSandbox.SUPPLIER_TENANT, "INV-" + orderId)).singleElement()
                .satisfies(invoice -> {
                    assertThat(invoice.get("Status").asText()).isEqualTo("PAID");
                    assertThat(invoice.get("Total").decimalValue()).isEqualByComparingTo("62.49");
                });
    }
}
