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

/**
 * Exactly once when Xero's answers go missing: every document LedgerBridge writes is found again in Xero by the
 * Url that names it, whether or not it has a number; a cancel finds what it cancels and reads its status in Xero
 * first; a cancelled order's credit notes are voided with it. Each test has a supplier and a venue of its own,
 * connected to organisations of their own, so the faults it injects touch nothing else.
 */
class ExactlyOnceIT extends DeliveryTestBase {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    XeroConnectionRepository connections;

    private TestWorkspaces.Pair ws;

    @BeforeEach
    void workspaces() {
        ws = TestWorkspaces.create(api, sandbox, connections, "once");
        // A first order before any fault: the organisations are read and the contacts created, so the faults that
        // follow hit the writes of documents, not these.
        String warmUp = "warm-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.events", ws.supplier(), order(warmUp, 1, "invoice.generated").toString());
        awaitDocument(ws.supplier(), warmUp, "SYNCED", 1);
        awaitDocument(ws.venue(), warmUp, "SYNCED", 1);
    }

    @AfterEach
    void noFaults() {
        faults(ws.supplierTenant(), "{\"errorRate\":0,\"timeoutRate\":0,\"latencyMs\":0}");
        faults(ws.venueTenant(), "{\"errorRate\":0,\"timeoutRate\":0,\"latencyMs\":0}");
    }

    private void faults(UUID tenant, String settings) {
        sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + tenant + "\"," + settings.substring(1));
    }

    /** Xero applies every write but answers after the client gave up (3 s in the tests). */
    private void answersGoMissing(UUID tenant) {
        faults(tenant, "{\"timeoutRate\":1,\"timeoutMs\":5000}");
    }

    private ObjectNode order(String orderId, int version, String type) {
        ObjectNode event = OrderEvents.invoice(ws.supplier(), ws.venue(), orderId, version);
        event.put("type", type);
        ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-" + orderId);
        return event;
    }

    private ObjectNode withoutNumber(ObjectNode event) {
        ((ObjectNode) event.get("data")).remove("invoiceNumber");
        return event;
    }

    private ObjectNode updated(ObjectNode event) {
        OrderEvents.withTotal(event, "71.49");
        ((ObjectNode) event.at("/data/totals")).put("subtotal", new java.math.BigDecimal("69.90"));
        ((ObjectNode) event.at("/data/lines/0")).put("quantity", 12);
        return event;
    }

    private JsonNode awaitDocument(String workspace, String orderId, String state, long version) {
        return await().atMost(WAIT).until(() -> api.document(workspace, orderId),
                document -> document != null && state.equals(document.get("state").asText())
                        && document.get("version").asLong() == version);
    }

    private void awaitNoAnswer(String workspace, String orderId) {
        await().atMost(WAIT).until(() -> api.document(workspace, orderId),
                document -> document != null && document.get("error").asText("").contains("No answer from Xero"));
    }

    private String url(JsonNode document) {
        return environment.getRequiredProperty("ledgerbridge.delivery.document-url")
                .replace("{documentId}", document.get("documentId").asText());
    }

    private List<JsonNode> inXero(UUID tenant, JsonNode document) {
        return sandbox.invoicesWithUrl(tenant, url(document));
    }

    @Test
    void anInvoiceWithoutANumberWhoseWriteGotNoAnswerIsFoundByItsUrlNotCreatedTwice() {
        String orderId = "nonum-" + UUID.randomUUID().toString().substring(0, 8);
        answersGoMissing(ws.supplierTenant());
        kafka.send("orders.events", ws.supplier(), withoutNumber(order(orderId, 1, "invoice.generated")).toString());
        awaitNoAnswer(ws.supplier(), orderId);
        JsonNode document = api.document(ws.supplier(), orderId);
        assertThat(inXero(ws.supplierTenant(), document)).as("Xero took the write").hasSize(1);

        // A newer version makes the next call a different request (another Idempotency-Key).
        kafka.send("orders.events", ws.supplier(), updated(withoutNumber(order(orderId, 2, "order.updated"))).toString());
        faults(ws.supplierTenant(), "{\"timeoutRate\":0}");

        JsonNode synced = awaitDocument(ws.supplier(), orderId, "SYNCED", 2);
        assertThat(inXero(ws.supplierTenant(), synced)).as("one invoice, found by its Url and updated")
                .singleElement().satisfies(invoice -> {
                    assertThat(invoice.get("InvoiceID").asText()).isEqualTo(synced.get("xeroId").asText());
                    assertThat(invoice.get("Total").decimalValue()).isEqualByComparingTo("71.49");
                });
    }

    @Test
    void aThrottledResendOfAWriteThatGotNoAnswerIsStillLookedUpFirst() {
        String orderId = "thr-" + UUID.randomUUID().toString().substring(0, 8);
        answersGoMissing(ws.supplierTenant());
        kafka.send("orders.events", ws.supplier(), withoutNumber(order(orderId, 1, "invoice.generated")).toString());
        awaitNoAnswer(ws.supplier(), orderId);

        // Xero now answers every call with 429 (nothing done): the resend is refused, the outcome is still unknown.
        faults(ws.supplierTenant(), "{\"timeoutRate\":0,\"errorRate\":1,\"status\":429}");
        await().atMost(WAIT).until(() -> sandbox.calls(ws.supplierTenant()).stream()
                .anyMatch(call -> call.path("status").asInt() == 429));
        kafka.send("orders.events", ws.supplier(), updated(withoutNumber(order(orderId, 2, "order.updated"))).toString());
        faults(ws.supplierTenant(), "{\"errorRate\":0}");

        JsonNode synced = awaitDocument(ws.supplier(), orderId, "SYNCED", 2);
        assertThat(inXero(ws.supplierTenant(), synced)).singleElement()
                .satisfies(invoice -> assertThat(invoice.get("Total").decimalValue()).isEqualByComparingTo("71.49"));
    }

    @Test
    void aLookUpXeroRefusedLeavesTheOutcomeUnknownSoTheNextVersionFindsTheBillInsteadOfSendingItAgain() {
        String orderId = "lk400-" + UUID.randomUUID().toString().substring(0, 8);
        // A bill: its number is not unique in Xero, so nothing in Xero stops a second one.
        answersGoMissing(ws.venueTenant());
        ObjectNode event = order(orderId, 1, "invoice.generated");
        ((ObjectNode) event.get("data")).put("invoiceNumber", "BILL-" + orderId);
        kafka.send("orders.events", ws.supplier(), event.toString());
        awaitNoAnswer(ws.venue(), orderId);
        JsonNode document = api.document(ws.venue(), orderId);
        assertThat(inXero(ws.venueTenant(), document)).hasSize(1);

        // The look-up before the resend is answered 400.
        faults(ws.venueTenant(), "{\"timeoutRate\":0,\"errorRate\":1,\"status\":400}");
        await().atMost(WAIT).until(() -> sandbox.calls(ws.venueTenant()).stream()
                .anyMatch(call -> call.path("status").asInt() == 400 && "GET".equals(call.path("method").asText())));
        faults(ws.venueTenant(), "{\"errorRate\":0}");
        // A newer version makes the next write a different request (another Idempotency-Key).
        ObjectNode next = updated(order(orderId, 2, "order.updated"));
        ((ObjectNode) next.get("data")).put("invoiceNumber", "BILL-" + orderId);
        kafka.send("orders.events", ws.supplier(), next.toString());

        JsonNode synced = awaitDocument(ws.venue(), orderId, "SYNCED", 2);
        assertThat(inXero(ws.venueTenant(), synced)).as("the bill Xero took, found again and updated").singleElement()
                .satisfies(bill -> {
                    assertThat(bill.get("InvoiceID").asText()).isEqualTo(synced.get("xeroId").asText());
                    assertThat(bill.get("Total").decimalValue()).isEqualByComparingTo("71.49");
                });
    }

    @Test
    void cancellingAnOrderWhoseCreationGotNoAnswerFindsTheInvoiceAndVoidsIt() {
        String orderId = "cnl-" + UUID.randomUUID().toString().substring(0, 8);
        answersGoMissing(ws.supplierTenant());
        kafka.send("orders.events", ws.supplier(), withoutNumber(order(orderId, 1, "invoice.generated")).toString());
        awaitNoAnswer(ws.supplier(), orderId);

        kafka.send("orders.events", ws.supplier(), withoutNumber(order(orderId, 2, "order.cancelled")).toString());
        faults(ws.supplierTenant(), "{\"timeoutRate\":0}");

        JsonNode voided = awaitDocument(ws.supplier(), orderId, "VOIDED", 2);
        assertThat(inXero(ws.supplierTenant(), voided)).as("the invoice Xero took is voided, nothing else is written")
                .singleElement().satisfies(invoice -> assertThat(invoice.get("Status").asText()).isEqualTo("VOIDED"));
        assertThat(sandbox.documents(ws.supplierTenant()).path("Invoices")).as("the warm-up's and this one").hasSize(2);
    }

    @Test
    void aCancelReadsTheStatusInXeroFirstSoAnInvoiceApprovedThereIsVoidedNotDeleted() {
        assertThat(api.put("/api/v1/workspaces/" + ws.supplier() + "/settings", "{\"invoiceDefaultStatus\":\"DRAFT\"}")
                .status()).isEqualTo(200);
        String orderId = "apr-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.events", ws.supplier(), order(orderId, 1, "invoice.generated").toString());
        JsonNode draft = awaitDocument(ws.supplier(), orderId, "SYNCED", 1);
        assertThat(draft.get("xeroStatus").asText()).isEqualTo("DRAFT");

        // Someone approves it in Xero; LedgerBridge's last look said DRAFT.
        String invoiceId = draft.get("xeroId").asText();
        sandbox.accounting(ws.supplierTenant(), "POST", "/Invoices/" + invoiceId,
                "{\"Invoices\":[{\"InvoiceID\":\"" + invoiceId + "\",\"Status\":\"AUTHORISED\"}]}");

        kafka.send("orders.events", ws.supplier(), order(orderId, 2, "order.cancelled").toString());
        JsonNode voided = awaitDocument(ws.supplier(), orderId, "VOIDED", 2);
        assertThat(inXero(ws.supplierTenant(), voided)).singleElement()
                .satisfies(invoice -> assertThat(invoice.get("Status").asText()).isEqualTo("VOIDED"));
    }

    @Test
    void cancellingAnOrderVoidsItsCreditNotesInXeroToo() {
        String orderId = "cncn-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.events", ws.supplier(), order(orderId, 1, "invoice.generated").toString());
        awaitDocument(ws.supplier(), orderId, "SYNCED", 1);
        String number = "CN-" + orderId;
        kafka.send("orders.events", ws.supplier(), OrderEvents.creditNote(ws.supplier(), ws.venue(), orderId, 2, number).toString());
        await().atMost(WAIT).until(() -> api.document(ws.supplier(), orderId, "ACCRECCREDIT"),
                note -> note != null && "SYNCED".equals(note.get("state").asText()));
        await().atMost(WAIT).until(() -> api.document(ws.venue(), orderId, "ACCPAYCREDIT"),
                note -> note != null && "SYNCED".equals(note.get("state").asText()));

        kafka.send("orders.events", ws.supplier(), order(orderId, 3, "order.cancelled").toString());

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(sandbox.creditNotes(ws.supplierTenant(), number, "ACCRECCREDIT")).singleElement()
                    .satisfies(note -> assertThat(note.get("Status").asText()).isEqualTo("VOIDED"));
            assertThat(sandbox.creditNotes(ws.venueTenant(), number, "ACCPAYCREDIT")).singleElement()
                    .satisfies(note -> assertThat(note.get("Status").asText()).isEqualTo("VOIDED"));
        });
        assertThat(api.document(ws.supplier(), orderId, "ACCRECCREDIT").get("state").asText()).isEqualTo("VOIDED");
        assertThat(api.document(ws.venue(), orderId, "ACCPAYCREDIT").get("state").asText()).isEqualTo("VOIDED");
    }

    @Test
    void answersXeroGivesInAnotherOrderAreEachTakenForTheirOwnDocumentAndContact() {
        // Two orders to two new buyers in one pass; Xero hands the elements of every write back reversed.
        faults(ws.supplierTenant(), "{\"reverseAnswers\":true}");
        String first = "rev-a-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "rev-b-" + UUID.randomUUID().toString().substring(0, 8);
        for (String orderId : List.of(first, second)) {
            ObjectNode event = order(orderId, 1, "invoice.generated");
            ObjectNode buyer = (ObjectNode) event.at("/data/buyer");
            buyer.remove("workspaceId");
            buyer.remove("taxNumber");
            buyer.put("name", "Buyer " + orderId).put("email", orderId + "@buyers.example");
            kafka.sendAsync("orders.events", ws.supplier(), event.toString());
        }
        kafka.flush();

        for (String orderId : List.of(first, second)) {
            JsonNode synced = awaitDocument(ws.supplier(), orderId, "SYNCED", 1);
            JsonNode invoice = sandbox.documents(ws.supplierTenant()).path("Invoices").findParents("InvoiceID").stream()
                    .filter(candidate -> candidate.path("InvoiceID").asText().equals(synced.get("xeroId").asText()))
                    .findFirst().orElseThrow();
            assertThat(invoice.path("Url").asText()).as("the Xero id stored for " + orderId + " is its own invoice's")
                    .isEqualTo(url(synced));
            assertThat(invoice.path("Contact").path("Name").asText()).as("and its own buyer's").isEqualTo("Buyer " + orderId);
        }
    }

    @Test
    void aWriteXeroAnswered500AndRemembersAgainstItsKeyIsNotHeldUpByThatKey() {
        String orderId = "k500-" + UUID.randomUUID().toString().substring(0, 8);
        // Xero answers the write 500 without doing it, and answers that key 500 for the key's lifetime (FACTS.md §4).
        faults(ws.supplierTenant(), "{\"errorRate\":1,\"status\":500,\"only\":\"POST /Invoices\"}");
        kafka.send("orders.events", ws.supplier(), order(orderId, 1, "invoice.generated").toString());
        await().atMost(WAIT).until(() -> api.document(ws.supplier(), orderId),
                document -> document != null && document.get("error").asText("").contains("500"));
        faults(ws.supplierTenant(), "{\"errorRate\":0,\"only\":null}");

        JsonNode synced = await().atMost(Duration.ofSeconds(60)).until(() -> api.document(ws.supplier(), orderId),
                document -> document != null && "SYNCED".equals(document.get("state").asText()));
        assertThat(inXero(ws.supplierTenant(), synced)).hasSize(1);
    }
}
