package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.connection.XeroConnectionRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A credit note is allocated to the invoice or bill of its order once both are in Xero (issue 11), on both sides,
 * exactly once: also when Xero does the allocation but answers 503, and when the credit note reaches Xero before the
 * invoice does. A newer version of an allocated credit note is updated in Xero (the allocation removed first) and
 * allocated again for its new total, also when Xero answers the removal with 503. Credit notes count against the free
 * plan's month as invoices do. Each test has a supplier and venue of its own, with allocateCreditNotes on (set, or
 * by default).
 */
class CreditNoteAllocationIT extends DeliveryTestBase {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final BigDecimal CREDIT = new BigDecimal("25.50");

    @Autowired
    XeroConnectionRepository connections;
    @Autowired
    JdbcClient jdbc;

    private TestWorkspaces.Pair allocating() {
        TestWorkspaces.Pair pair = TestWorkspaces.create(api, sandbox, connections, "alloc");
        for (String workspace : List.of(pair.supplier(), pair.venue())) {
            assertThat(api.put("/api/v1/workspaces/" + workspace + "/settings", "{\"allocateCreditNotes\":true}").status())
                    .isEqualTo(200);
        }
        return pair;
    }

    private void sendInvoice(TestWorkspaces.Pair pair, String orderId) {
        ObjectNode event = OrderEvents.invoice(pair.supplier(), pair.venue(), orderId, 1);
        ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-" + orderId);
        kafka.send("orders.events", pair.supplier(), event.toString());
    }

    private void sendCreditNote(TestWorkspaces.Pair pair, String orderId, int version) {
        ObjectNode event = OrderEvents.creditNote(pair.supplier(), pair.venue(), orderId, version, "CN-" + orderId);
        ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-" + orderId);
        kafka.send("orders.events", pair.supplier(), event.toString());
    }

    private JsonNode awaitState(String workspace, String orderId, String xeroType, String state) {
        return await().atMost(WAIT).until(() -> api.document(workspace, orderId, xeroType),
                document -> document != null && state.equals(document.path("state").asText()));
    }

    private JsonNode awaitAllocation(String workspace, String orderId, String xeroType, String allocationState) {
        return await().atMost(WAIT).until(() -> api.document(workspace, orderId, xeroType),
                document -> document != null && allocationState.equals(document.path("allocationState").asText()));
    }

    private JsonNode creditNoteInXero(UUID tenant, String orderId) {
        List<JsonNode> notes = sandbox.creditNotes(tenant, "CN-" + orderId);
        assertThat(notes).hasSize(1);
        return notes.get(0);
    }

    private JsonNode invoiceInXero(UUID tenant, String orderId) {
        List<JsonNode> invoices = sandbox.invoices(tenant, "INV-" + orderId);
        assertThat(invoices).hasSize(1);
        return invoices.get(0);
    }

    /** The credit note holds one allocation, of its whole total, to the invoice; the invoice owes that much less. */
    private void assertAllocatedOnce(UUID tenant, String orderId, BigDecimal dueBefore) {
        JsonNode invoice = invoiceInXero(tenant, orderId);
        JsonNode credit = creditNoteInXero(tenant, orderId);
        assertThat(credit.get("Allocations")).singleElement().satisfies(allocation -> {
            assertThat(allocation.at("/Invoice/InvoiceID").asText()).isEqualTo(invoice.get("InvoiceID").asText());
            assertThat(allocation.get("Amount").decimalValue()).isEqualByComparingTo(CREDIT);
        });
        assertThat(credit.get("RemainingCredit").decimalValue()).isEqualByComparingTo("0");
        assertThat(invoice.get("AmountDue").decimalValue()).isEqualByComparingTo(dueBefore.subtract(CREDIT));
        assertThat(invoice.get("CreditNotes")).hasSize(1);
    }

    @Test
    void anInvoiceThenACreditNoteOfTheSameOrderIsAllocatedOnBothSides() {
        TestWorkspaces.Pair pair = allocating();
        String orderId = "al-" + UUID.randomUUID().toString().substring(0, 8);
        sendInvoice(pair, orderId);
        awaitState(pair.supplier(), orderId, "ACCREC", "SYNCED");
        awaitState(pair.venue(), orderId, "ACCPAY", "SYNCED");
        BigDecimal invoiceDue = invoiceInXero(pair.supplierTenant(), orderId).get("AmountDue").decimalValue();
        BigDecimal billDue = invoiceInXero(pair.venueTenant(), orderId).get("AmountDue").decimalValue();
        assertThat(invoiceDue).isGreaterThan(CREDIT);

        sendCreditNote(pair, orderId, 2);

        JsonNode sales = awaitAllocation(pair.supplier(), orderId, "ACCRECCREDIT", "APPLIED");
        JsonNode purchases = awaitAllocation(pair.venue(), orderId, "ACCPAYCREDIT", "APPLIED");
        for (JsonNode credit : List.of(sales, purchases)) {
            assertThat(credit.get("state").asText()).as("the credit note itself stays synced").isEqualTo("SYNCED");
            assertThat(credit.get("allocatedAmount").decimalValue()).isEqualByComparingTo(CREDIT);
            assertThat(credit.path("allocationError").isNull()).isTrue();
        }
        assertAllocatedOnce(pair.supplierTenant(), orderId, invoiceDue);
        assertAllocatedOnce(pair.venueTenant(), orderId, billDue);
        assertThat(api.document(pair.supplier(), orderId, "ACCREC").path("allocationState").isNull())
                .as("an invoice has no allocation of its own").isTrue();
    }

    @Test
    void anAllocationXeroDidButAnsweredWith503IsReadBackAndNeverMadeTwice() {
        TestWorkspaces.Pair pair = allocating();
        String orderId = "a5-" + UUID.randomUUID().toString().substring(0, 8);
        sendInvoice(pair, orderId);
        awaitState(pair.supplier(), orderId, "ACCREC", "SYNCED");
        BigDecimal invoiceDue = invoiceInXero(pair.supplierTenant(), orderId).get("AmountDue").decimalValue();
        // Only the allocation call: Xero applies it, then answers 503.
        sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + pair.supplierTenant()
                + "\",\"status\":503,\"errorAfterWorkRate\":1,\"only\":\"PUT /CreditNotes\"}");
        try {
            sendCreditNote(pair, orderId, 2);
            awaitAllocation(pair.supplier(), orderId, "ACCRECCREDIT", "APPLIED");
        } finally {
            sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + pair.supplierTenant()
                    + "\",\"errorAfterWorkRate\":0,\"only\":null}");
        }
        assertAllocatedOnce(pair.supplierTenant(), orderId, invoiceDue);
        String creditId = creditNoteInXero(pair.supplierTenant(), orderId).get("CreditNoteID").asText();
        List<JsonNode> calls = sandbox.calls(pair.supplierTenant());
        assertThat(calls).filteredOn(call -> "PUT".equals(call.path("method").asText())
                        && call.path("path").asText().contains("/CreditNotes/" + creditId + "/Allocations"))
                .as("one allocation sent, answered 503 after the work").singleElement()
                .satisfies(call -> {
                    assertThat(call.path("status").asInt()).isEqualTo(503);
                    assertThat(call.path("fault").asText()).isEqualTo("errorAfterWork");
                });
        assertThat(calls).as("the credit note read back before anything was sent again")
                .anyMatch(call -> "GET".equals(call.path("method").asText()) && call.path("status").asInt() == 200
                        && call.path("path").asText().endsWith("/CreditNotes/" + creditId));
    }

    @Test
    void aCreditNoteInXeroBeforeItsInvoiceWaitsAndIsAllocatedOnceTheInvoiceIsSynced() {
        TestWorkspaces.Pair pair = allocating();
        String orderId = "aw-" + UUID.randomUUID().toString().substring(0, 8);
        sendCreditNote(pair, orderId, 2);
        awaitState(pair.supplier(), orderId, "ACCRECCREDIT", "SYNCED");
        awaitState(pair.venue(), orderId, "ACCPAYCREDIT", "SYNCED");
        // Several allocation runs go by: with no invoice of its order in Xero, nothing is allocated.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() ->
                creditNoteInXero(pair.supplierTenant(), orderId).get("Allocations").isEmpty()
                        && api.document(pair.supplier(), orderId, "ACCRECCREDIT").path("allocationState").isNull());

        sendInvoice(pair, orderId);
        awaitState(pair.supplier(), orderId, "ACCREC", "SYNCED");
        awaitAllocation(pair.supplier(), orderId, "ACCRECCREDIT", "APPLIED");
        awaitAllocation(pair.venue(), orderId, "ACCPAYCREDIT", "APPLIED");
        JsonNode invoice = invoiceInXero(pair.supplierTenant(), orderId);
        assertAllocatedOnce(pair.supplierTenant(), orderId, invoice.get("Total").decimalValue());
        assertAllocatedOnce(pair.venueTenant(), orderId, invoiceInXero(pair.venueTenant(), orderId).get("Total").decimalValue());
    }

    private static final BigDecimal NEW_CREDIT = new BigDecimal("30.00");

    private void sendCreditNoteOf30(TestWorkspaces.Pair pair, String orderId, int version) {
        ObjectNode event = OrderEvents.creditNote(pair.supplier(), pair.venue(), orderId, version, "CN-" + orderId);
        ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-" + orderId);
        ((ObjectNode) event.at("/data/lines/0")).put("quantity", 3);
        ((ObjectNode) event.at("/data/totals")).put("subtotal", new BigDecimal("28.50")).put("total", NEW_CREDIT);
        kafka.send("orders.events", pair.supplier(), event.toString());
    }

    /** The credit note's document at {@code version}, SYNCED, with its allocation APPLIED for {@code amount}. */
    private void awaitAllocatedAt(String workspace, String orderId, String xeroType, long version, BigDecimal amount) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode document = api.document(workspace, orderId, xeroType);
            assertThat(document).isNotNull();
            assertThat(document.path("version").asLong()).isEqualTo(version);
            assertThat(document.path("state").asText()).as(document.path("error").asText()).isEqualTo("SYNCED");
            assertThat(document.path("allocationState").asText()).isEqualTo("APPLIED");
            assertThat(document.path("allocatedAmount").decimalValue()).isEqualByComparingTo(amount);
        });
    }

    /** Xero holds the new version, with exactly one live allocation, of its new total, to the invoice. */
    private void assertReallocated(UUID tenant, String orderId, BigDecimal dueBefore) {
        JsonNode invoice = invoiceInXero(tenant, orderId);
        JsonNode credit = creditNoteInXero(tenant, orderId);
        assertThat(credit.get("Total").decimalValue()).as("the new version reached Xero").isEqualByComparingTo(NEW_CREDIT);
        assertThat(credit.get("Allocations")).as("exactly one live allocation").singleElement().satisfies(allocation -> {
            assertThat(allocation.at("/Invoice/InvoiceID").asText()).isEqualTo(invoice.get("InvoiceID").asText());
            assertThat(allocation.get("Amount").decimalValue()).isEqualByComparingTo(NEW_CREDIT);
        });
        assertThat(credit.get("RemainingCredit").decimalValue()).isEqualByComparingTo("0");
        assertThat(invoice.get("AmountDue").decimalValue()).isEqualByComparingTo(dueBefore.subtract(NEW_CREDIT));
        assertThat(invoice.get("CreditNotes")).hasSize(1);
    }

    private static List<JsonNode> removals(List<JsonNode> calls, String creditId) {
        return calls.stream().filter(call -> "DELETE".equals(call.path("method").asText())
                && call.path("path").asText().contains("/CreditNotes/" + creditId + "/Allocations/")).toList();
    }

    @Test
    void aNewVersionOfAnAllocatedCreditNoteIsUpdatedInXeroAndAllocatedAgainForItsNewTotal() {
        // No setting: allocation is on by default.
        TestWorkspaces.Pair pair = TestWorkspaces.create(api, sandbox, connections, "realloc");
        String orderId = "ar-" + UUID.randomUUID().toString().substring(0, 8);
        sendInvoice(pair, orderId);
        awaitState(pair.supplier(), orderId, "ACCREC", "SYNCED");
        awaitState(pair.venue(), orderId, "ACCPAY", "SYNCED");
        BigDecimal invoiceDue = invoiceInXero(pair.supplierTenant(), orderId).get("AmountDue").decimalValue();
        BigDecimal billDue = invoiceInXero(pair.venueTenant(), orderId).get("AmountDue").decimalValue();
        sendCreditNote(pair, orderId, 2);
        awaitAllocatedAt(pair.supplier(), orderId, "ACCRECCREDIT", 2, CREDIT);
        awaitAllocatedAt(pair.venue(), orderId, "ACCPAYCREDIT", 2, CREDIT);

        sendCreditNoteOf30(pair, orderId, 3);

        awaitAllocatedAt(pair.supplier(), orderId, "ACCRECCREDIT", 3, NEW_CREDIT);
        awaitAllocatedAt(pair.venue(), orderId, "ACCPAYCREDIT", 3, NEW_CREDIT);
        assertReallocated(pair.supplierTenant(), orderId, invoiceDue);
        assertReallocated(pair.venueTenant(), orderId, billDue);
        String creditId = creditNoteInXero(pair.supplierTenant(), orderId).get("CreditNoteID").asText();
        assertThat(removals(sandbox.calls(pair.supplierTenant()), creditId)).as("our allocation removed once")
                .singleElement().satisfies(call -> assertThat(call.path("status").asInt()).isEqualTo(200));
    }

    @Test
    void aRemovalXeroDidButAnsweredWith503IsReadBackAndTheCreditNoteEndsWithOneAllocation() {
        TestWorkspaces.Pair pair = allocating();
        String orderId = "ad-" + UUID.randomUUID().toString().substring(0, 8);
        sendInvoice(pair, orderId);
        awaitState(pair.supplier(), orderId, "ACCREC", "SYNCED");
        BigDecimal invoiceDue = invoiceInXero(pair.supplierTenant(), orderId).get("AmountDue").decimalValue();
        sendCreditNote(pair, orderId, 2);
        awaitAllocatedAt(pair.supplier(), orderId, "ACCRECCREDIT", 2, CREDIT);
        // Only the removal: Xero removes the allocation, then answers 503.
        sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + pair.supplierTenant()
                + "\",\"status\":503,\"errorAfterWorkRate\":1,\"only\":\"DELETE /CreditNotes\"}");
        try {
            sendCreditNoteOf30(pair, orderId, 3);
            awaitAllocatedAt(pair.supplier(), orderId, "ACCRECCREDIT", 3, NEW_CREDIT);
        } finally {
            sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + pair.supplierTenant()
                    + "\",\"errorAfterWorkRate\":0,\"only\":null}");
        }
        assertReallocated(pair.supplierTenant(), orderId, invoiceDue);
        String creditId = creditNoteInXero(pair.supplierTenant(), orderId).get("CreditNoteID").asText();
        List<JsonNode> calls = sandbox.calls(pair.supplierTenant());
        assertThat(removals(calls, creditId)).as("one removal sent, answered 503 after the work").singleElement()
                .satisfies(call -> {
                    assertThat(call.path("status").asInt()).isEqualTo(503);
                    assertThat(call.path("fault").asText()).isEqualTo("errorAfterWork");
                });
        int removal = calls.indexOf(removals(calls, creditId).get(0));
        assertThat(calls.subList(removal + 1, calls.size())).as("the credit note read back before anything else went")
                .anyMatch(call -> "GET".equals(call.path("method").asText()) && call.path("status").asInt() == 200
                        && call.path("path").asText().endsWith("/CreditNotes/" + creditId));
        assertThat(calls).filteredOn(call -> "PUT".equals(call.path("method").asText())
                        && call.path("path").asText().contains("/CreditNotes/" + creditId + "/Allocations"))
                .as("allocated for the first total, then once again for the new one").hasSize(2);
    }

    @Test
    void anAllocationXeroRefusesIsToldToThePlatformWithItsPlainReason() {
        TestWorkspaces.Pair pair = allocating();
        String orderId = "af-" + UUID.randomUUID().toString().substring(0, 8);
        sendInvoice(pair, orderId);
        JsonNode invoice = awaitState(pair.supplier(), orderId, "ACCREC", "SYNCED");
        // Paid in full in Xero before the credit note arrives: there is nothing left to allocate it to.
        sandbox.control("POST", "/sandbox/tenants/" + pair.supplierTenant() + "/invoices/"
                + invoice.get("xeroId").asText() + "/pay", null);
        sendCreditNote(pair, orderId, 2);

        JsonNode refused = awaitAllocation(pair.supplier(), orderId, "ACCRECCREDIT", "REFUSED");
        assertThat(refused.get("state").asText()).isEqualTo("SYNCED");
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> events = kafka.readUntil(
                "xero.sync.status", record -> record.value().contains(orderId) && record.value().contains("ACCRECCREDIT")
                        && record.value().contains("could not be allocated"), WAIT);
        assertThat(events).as("the credit note's status event tells why it was not allocated").singleElement()
                .satisfies(event -> assertThat(event.value())
                        .contains("the invoice is paid in Xero already")
                        .contains("Allocate it by hand in Xero")
                        .contains("\"state\":\"SYNCED\""));
        assertThat(creditNoteInXero(pair.supplierTenant(), orderId).get("Allocations")).isEmpty();
    }

    @Test
    void creditNotesCountAgainstTheFreePlanAsInvoicesDo() {
        TestWorkspaces.Pair pair = allocating();
        assertThat(api.put("/api/v1/workspaces/" + pair.supplier(), "{\"name\":\"" + pair.supplier()
                + "\",\"roles\":[\"SUPPLIER\"],\"plan\":\"FREE\"}").status()).isEqualTo(200);
        // 29 of the month's 30 already synced, as the quota counts them.
        for (int i = 0; i < 29; i++) {
            jdbc.sql("""
                    INSERT INTO document_attempts (workspace_id, document_id, version, operation, outcome)
                    VALUES (:ws, :id, 1, 'CREATE', 'SYNCED')
                    """).param("ws", pair.supplier()).param("id", UUID.randomUUID()).update();
        }
        String credited = "aq-" + UUID.randomUUID().toString().substring(0, 8);
        sendCreditNote(pair, credited, 2);
        awaitState(pair.supplier(), credited, "ACCRECCREDIT", "SYNCED");

        // The credit note took the 30th: the next new document waits.
        String next = "aq-" + UUID.randomUUID().toString().substring(0, 8);
        sendInvoice(pair, next);
        JsonNode over = awaitState(pair.supplier(), next, "ACCREC", "OVER_QUOTA");
        assertThat(over.get("error").asText()).contains("quota of 30");
        assertThat(sandbox.invoices(pair.supplierTenant(), "INV-" + next)).isEmpty();
        awaitState(pair.venue(), next, "ACCPAY", "SYNCED");
    }
}
