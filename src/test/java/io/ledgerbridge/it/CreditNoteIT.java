package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.sandbox.XeroSandbox;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A credit_note.issued for an order becomes a coded credit note on both sides (F20): an ACCRECCREDIT in
 * the supplier's organisation and an ACCPAYCREDIT in the venue's, each against the same contact as the
 * order's invoice or bill, allocated to it (the default); a new version updates the same Xero credit note
 * (its allocation removed first, then made again), one a person fully allocated in Xero is LOCKED, and one
 * whose write got no answer is looked up in Xero, not created twice. Credit notes that waited for
 * credit-note delivery before it existed are due again after the upgrade.
 */
class CreditNoteIT extends DeliveryTestBase {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;



    @AfterEach
    void xeroAnswersAgain() {
        sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + XeroSandbox.SUPPLIER_TENANT
                + "\",\"errorRate\":0,\"timeoutRate\":0,\"latencyMs\":0}");
    }

    private ObjectNode order(String orderId) {
        ObjectNode event = OrderEvents.invoice("demo-supplier", "demo-venue", orderId, 1);
        ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-" + orderId);
        return event;
    }

    private ObjectNode creditNote(String orderId, int version) {
        ObjectNode event = OrderEvents.creditNote("demo-supplier", "demo-venue", orderId, version, "CN-" + orderId);
        ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-" + orderId);
        return event;
    }

    /** The workspace's document of this order and Xero type, once it is in {@code state} at {@code version}. */
    private JsonNode awaitState(String workspace, String orderId, String xeroType, String state, long version) {
        return await().atMost(WAIT).until(() -> api.document(workspace, orderId, xeroType),
                document -> document != null && state.equals(document.get("state").asText())
                        && document.get("version").asLong() == version);
    }

    /** The credit note's document at {@code version}, SYNCED, with its allocation APPLIED for {@code amount}. */
    private void awaitAllocated(String workspace, String orderId, String xeroType, long version, String amount) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode document = api.document(workspace, orderId, xeroType);
            assertThat(document).isNotNull();
            assertThat(document.get("version").asLong()).isEqualTo(version);
            assertThat(document.get("state").asText()).as(document.path("error").asText()).isEqualTo("SYNCED");
            assertThat(document.path("allocationState").asText()).isEqualTo("APPLIED");
            assertThat(document.path("allocatedAmount").decimalValue()).isEqualByComparingTo(amount);
        });
    }

    @Test
    void anIssuedCreditNoteBecomesACodedCreditNoteOnBothSidesThenUpdatesInPlace() {
        String orderId = "c-" + UUID.randomUUID().toString().substring(0, 8);
        // Sent together, so the invoice and the credit note may well go in the same pass (two calls).
        kafka.send("orders.events", "demo-supplier", order(orderId).toString());
        kafka.send("orders.events", "demo-supplier", creditNote(orderId, 2).toString());

        JsonNode sales = awaitState("demo-supplier", orderId, "ACCRECCREDIT", "SYNCED", 2);
        JsonNode purchases = awaitState("demo-venue", orderId, "ACCPAYCREDIT", "SYNCED", 2);
        assertThat(sales.get("sourceKey").asText()).isEqualTo(orderId + "/CN-" + orderId);
        assertThat(sales.get("xeroStatus").asText()).isEqualTo("AUTHORISED");
        assertThat(purchases.get("xeroStatus").asText()).isEqualTo("AUTHORISED");
        awaitState("demo-supplier", orderId, "ACCREC", "SYNCED", 1);
        awaitState("demo-venue", orderId, "ACCPAY", "SYNCED", 1);
        // Allocation is on by default: each credit note is allocated to the invoice or bill of its order.
        awaitAllocated("demo-supplier", orderId, "ACCRECCREDIT", 2, "25.50");
        awaitAllocated("demo-venue", orderId, "ACCPAYCREDIT", 2, "25.50");
        JsonNode invoice = sandbox.invoices(XeroSandbox.SUPPLIER_TENANT, "INV-" + orderId).get(0);
        JsonNode bill = sandbox.invoices(XeroSandbox.VENUE_TENANT, "INV-" + orderId).get(0);

        assertThat(sandbox.creditNotes(XeroSandbox.SUPPLIER_TENANT, "CN-" + orderId)).singleElement().satisfies(credit -> {
            assertThat(credit.get("Type").asText()).isEqualTo("ACCRECCREDIT");
            assertThat(credit.get("CreditNoteID").asText()).isEqualTo(sales.get("xeroId").asText());
            assertThat(credit.get("Status").asText()).as("approved, then used up by its allocation").isEqualTo("PAID");
            assertThat(credit.get("Allocations")).singleElement().satisfies(allocation -> {
                assertThat(allocation.at("/Invoice/InvoiceID").asText()).isEqualTo(invoice.get("InvoiceID").asText());
                assertThat(allocation.get("Amount").decimalValue()).isEqualByComparingTo("25.50");
            });
            assertThat(credit.get("Contact").get("ContactID").asText()).isEqualTo(invoice.get("Contact").get("ContactID").asText());
            assertThat(credit.get("Reference").asText()).isEqualTo("INV-" + orderId);
            assertThat(credit.has("Url")).isFalse();
            assertThat(credit.get("SubTotal").decimalValue()).isEqualByComparingTo("24.00");
            assertThat(credit.get("TotalTax").decimalValue()).isEqualByComparingTo("1.50");
            assertThat(credit.get("Total").decimalValue()).isEqualByComparingTo("25.50");
            assertThat(credit.get("RemainingCredit").decimalValue()).isEqualByComparingTo("0");
            assertThat(credit.get("LineItems").findValuesAsText("AccountCode")).containsExactly("200", "260");
            assertThat(credit.get("LineItems").findValuesAsText("TaxType")).containsExactly("EXEMPTOUTPUT", "OUTPUT");
            assertThat(credit.get("LineItems").get(0).get("Quantity").decimalValue()).isEqualByComparingTo("2");
            assertThat(credit.get("LineItems").get(0).get("Tracking").get(0).get("Option").asText()).isEqualTo("North");
        });
        assertThat(sandbox.creditNotes(XeroSandbox.VENUE_TENANT, "CN-" + orderId)).singleElement().satisfies(credit -> {
            assertThat(credit.get("Type").asText()).isEqualTo("ACCPAYCREDIT");
            assertThat(credit.get("CreditNoteID").asText()).isEqualTo(purchases.get("xeroId").asText());
            assertThat(credit.get("Contact").get("ContactID").asText()).isEqualTo(bill.get("Contact").get("ContactID").asText());
            assertThat(credit.has("Reference")).isFalse();
            assertThat(credit.get("Total").decimalValue()).isEqualByComparingTo("25.50");
            assertThat(credit.get("LineItems").findValuesAsText("AccountCode")).containsExactly("310", "425");
            assertThat(credit.get("LineItems").findValuesAsText("TaxType")).containsExactly("EXEMPTEXPENSES", "INPUT");
        });

        ObjectNode updated = creditNote(orderId, 3);
        ((ObjectNode) updated.at("/data/lines/0")).put("quantity", 3);
        ((ObjectNode) updated.at("/data/totals")).put("subtotal", new java.math.BigDecimal("28.50"))
                .put("total", new java.math.BigDecimal("30.00"));
        kafka.send("orders.events", "demo-supplier", updated.toString());

        JsonNode salesV3 = awaitState("demo-supplier", orderId, "ACCRECCREDIT", "SYNCED", 3);
        JsonNode purchasesV3 = awaitState("demo-venue", orderId, "ACCPAYCREDIT", "SYNCED", 3);
        // Updated in place although it was allocated: the allocation was removed first, and is made again.
        awaitAllocated("demo-supplier", orderId, "ACCRECCREDIT", 3, "30.00");
        awaitAllocated("demo-venue", orderId, "ACCPAYCREDIT", 3, "30.00");
        assertThat(salesV3.get("xeroId").asText()).isEqualTo(sales.get("xeroId").asText());
        assertThat(purchasesV3.get("xeroId").asText()).isEqualTo(purchases.get("xeroId").asText());
        assertThat(sandbox.creditNotes(XeroSandbox.SUPPLIER_TENANT, "CN-" + orderId)).singleElement().satisfies(credit -> {
            assertThat(credit.get("CreditNoteID").asText()).isEqualTo(sales.get("xeroId").asText());
            assertThat(credit.get("Total").decimalValue()).isEqualByComparingTo("30.00");
            assertThat(credit.get("LineItems").get(0).get("Quantity").decimalValue()).isEqualByComparingTo("3");
            assertThat(credit.get("Allocations")).singleElement()
                    .satisfies(allocation -> assertThat(allocation.get("Amount").decimalValue()).isEqualByComparingTo("30.00"));
        });
        assertThat(sandbox.creditNotes(XeroSandbox.VENUE_TENANT, "CN-" + orderId)).singleElement()
                .satisfies(credit -> assertThat(credit.get("Total").decimalValue()).isEqualByComparingTo("30.00"));

        List<ConsumerRecord<String, String>> statuses = kafka.readUntil("xero.sync.status",
                record -> record.value().contains(orderId) && record.value().contains("ACCPAYCREDIT")
                        && record.value().contains("\"version\":3"), WAIT);
        assertThat(statuses).isNotEmpty();
    }

    @Test
    void aCreditNoteFullyAllocatedInXeroIsLockedNotChanged() {
        // A person allocates it in Xero: LedgerBridge must not have allocated it first (allocation is on by default).
        assertThat(api.put("/api/v1/workspaces/demo-supplier/settings", "{\"allocateCreditNotes\":false}").status())
                .isEqualTo(200);
        try {
            allocatedInXeroByAPerson();
        } finally {
            assertThat(api.put("/api/v1/workspaces/demo-supplier/settings", "{\"allocateCreditNotes\":true}").status())
                    .isEqualTo(200);
        }
    }

    private void allocatedInXeroByAPerson() {
        String orderId = "a-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.events", "demo-supplier", order(orderId).toString());
        JsonNode invoice = await().atMost(WAIT).until(() -> api.document("demo-supplier", orderId, "ACCREC"),
                document -> document != null && "SYNCED".equals(document.get("state").asText()));
        kafka.send("orders.events", "demo-supplier", creditNote(orderId, 2).toString());
        JsonNode credit = awaitState("demo-supplier", orderId, "ACCRECCREDIT", "SYNCED", 2);

        // The supplier applies the whole credit to the invoice in Xero: the credit note is PAID there.
        sandbox.accounting(XeroSandbox.SUPPLIER_TENANT, "PUT", "/CreditNotes/" + credit.get("xeroId").asText() + "/Allocations",
                "{\"Allocations\":[{\"Invoice\":{\"InvoiceID\":\"" + invoice.get("xeroId").asText()
                        + "\"},\"Amount\":25.50,\"Date\":\"2026-11-24\"}]}");

        ObjectNode updated = creditNote(orderId, 3);
        ((ObjectNode) updated.at("/data/lines/0")).put("quantity", 3);
        ((ObjectNode) updated.at("/data/totals")).put("subtotal", new java.math.BigDecimal("28.50"))
                .put("total", new java.math.BigDecimal("30.00"));
        kafka.send("orders.events", "demo-supplier", updated.toString());

        JsonNode locked = awaitState("demo-supplier", orderId, "ACCRECCREDIT", "LOCKED", 3);
        assertThat(locked.get("error").asText()).contains("change it in Xero")
                .contains("allocation (or refund) of this credit note that LedgerBridge did not make");
        assertThat(sandbox.creditNotes(XeroSandbox.SUPPLIER_TENANT, "CN-" + orderId)).singleElement().satisfies(note -> {
            assertThat(note.get("Status").asText()).isEqualTo("PAID");
            assertThat(note.get("Total").decimalValue()).isEqualByComparingTo("25.50");
        });
        // The venue's side was not allocated: it takes the new version.
        awaitState("demo-venue", orderId, "ACCPAYCREDIT", "SYNCED", 3);
    }

    @Test
    void aCreditNoteWhoseWriteGotNoAnswerIsLookedUpInXeroNotCreatedTwice() {
        String orderId = "n-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.events", "demo-supplier", order(orderId).toString());
        await().atMost(WAIT).until(() -> api.document("demo-supplier", orderId, "ACCREC"),
                document -> document != null && "SYNCED".equals(document.get("state").asText()));

        // Xero applies the write but answers after the client has given up (3 s here).
        sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + XeroSandbox.SUPPLIER_TENANT
                + "\",\"timeoutRate\":1,\"timeoutMs\":5000}");
        kafka.send("orders.events", "demo-supplier", creditNote(orderId, 2).toString());
        await().atMost(WAIT).until(() -> api.document("demo-supplier", orderId, "ACCRECCREDIT"),
                document -> document != null && document.get("error").asText("").contains("No answer from Xero"));
        assertThat(sandbox.creditNotes(XeroSandbox.SUPPLIER_TENANT, "CN-" + orderId)).hasSize(1);

        sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + XeroSandbox.SUPPLIER_TENANT + "\",\"timeoutRate\":0}");
        JsonNode synced = awaitState("demo-supplier", orderId, "ACCRECCREDIT", "SYNCED", 2);
        assertThat(sandbox.creditNotes(XeroSandbox.SUPPLIER_TENANT, "CN-" + orderId)).singleElement()
                .satisfies(credit -> assertThat(credit.get("CreditNoteID").asText()).isEqualTo(synced.get("xeroId").asText()));
        List<String> lookUps = new java.util.ArrayList<>();
        SandboxClient.read(sandbox.control("GET", "/sandbox/calls?limit=1000&tenantId=" + XeroSandbox.SUPPLIER_TENANT, null))
                .forEach(call -> {
                    if ("GET".equals(call.path("method").asText()) && call.path("status").asInt() == 200
                            && call.path("path").asText().contains("/CreditNotes?where=")) {
                        lookUps.add(call.path("path").asText());
                    }
                });
        assertThat(lookUps).as("the look-up by number and contact").isNotEmpty()
                .anyMatch(path -> path.contains("CN-" + orderId));
    }

    @Test
    void theUpgradeMakesCreditNotesThatWaitedForCreditNoteDeliveryDueAgain() throws Exception {
        String migration = new ClassPathResource("db/migration/V5__credit_notes_due.sql")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String prefix = "m-" + UUID.randomUUID().toString().substring(0, 8);
        // In one transaction that is rolled back: the lanes never see these rows.
        transaction.executeWithoutResult(status -> {
            // As the lanes left them: WAITING, the reason only in the status event, and for other reasons.
            UUID waited = waiting("demo-supplier", prefix + "/CN-1", "ACCRECCREDIT", null);
            UUID waitedWithReason = waiting("demo-venue", prefix + "/CN-1", "ACCPAYCREDIT", "CREDIT_NOTES");
            UUID disconnected = waiting("demo-supplier", prefix + "/CN-2", "ACCRECCREDIT", "NEEDS_RECONNECT");
            UUID draftInvoice = waiting("demo-supplier", prefix, "ACCREC", "GL_ACCOUNT_REQUIRED");

            jdbc.sql(migration).update();

            assertThat(stateOf("demo-supplier", waited)).isEqualTo("PENDING|null|null");
            assertThat(stateOf("demo-venue", waitedWithReason)).isEqualTo("PENDING|null|null");
            assertThat(stateOf("demo-supplier", disconnected)).startsWith("WAITING|NEEDS_RECONNECT|");
            assertThat(stateOf("demo-supplier", draftInvoice)).startsWith("WAITING|GL_ACCOUNT_REQUIRED|");
            status.setRollbackOnly();
        });
    }

    private UUID waiting(String workspace, String sourceKey, String xeroType, String reason) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO documents (document_id, workspace_id, source_key, order_id, xero_type, version, last_event_id,
                                       last_event_type, number, currency, total, payload, state, waiting_reason, error)
                VALUES (:id, :ws, :sourceKey, :orderId, :type, 1, :eventId, 'credit_note.issued', 'CN-1', 'AUD', 25.50,
                        CAST('{}' AS jsonb), 'WAITING', :reason, 'Credit notes are recorded and wait for credit-note delivery.')
                """)
                .param("id", id).param("ws", workspace).param("sourceKey", sourceKey)
                .param("orderId", sourceKey.split("/")[0]).param("type", xeroType).param("eventId", "evt-" + id)
                .param("reason", reason)
                .update();
        return id;
    }

    private String stateOf(String workspace, UUID documentId) {
        return jdbc.sql("""
                SELECT state || '|' || coalesce(waiting_reason, 'null') || '|' || coalesce(error, 'null')
                  FROM documents WHERE workspace_id = :ws AND document_id = :id
                """)
                .param("ws", workspace).param("id", documentId)
                .query(String.class).single();
    }
}
