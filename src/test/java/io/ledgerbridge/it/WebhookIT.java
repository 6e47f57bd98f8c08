package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Xero's webhooks (F27): the sandbox's intent-to-receive check passes (200 for a good signature, 401 for a bad one,
 * no body), and an invoice paid in Xero shows up as PAID through its webhook, without a pull: the event marks the
 * invoice, and the mark is read from Xero in the tenant's budget. A repeated event reads nothing again.
 */
class WebhookIT extends DeliveryTestBase {

    private static final String KEY = "sandbox-webhook-signing-key";
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void workspaces() {
        connectedPair("hook", "wh");
    }

    @AfterEach
    void webhooksOff() {
        sandbox.control("PUT", "/sandbox/webhooks", "{\"url\":null}");
    }

    @Test
    void theIntentToReceiveCheckIsAnswered200Or401WithNoBody() throws Exception {
        String body = "{\"events\":[],\"firstEventSequence\":0,\"lastEventSequence\":0,\"entropy\":\"QWERTYUIOP\"}";
        HttpResponse<String> good = post(body, sign(body));
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).isEmpty();
        HttpResponse<String> bad = post(body, sign(body + " "));
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).isEmpty();
        assertThat(post(body, null).statusCode()).isEqualTo(401);

        JsonNode configured = SandboxClient.read(sandbox.control("PUT", "/sandbox/webhooks",
                "{\"url\":\"http://localhost:" + port + "/webhooks/xero\",\"key\":\"" + KEY + "\"}"));
        assertThat(configured.get("active").asBoolean()).as(configured.toString()).isTrue();
    }

    @Test
    void anInvoicePaidInXeroIsPaidHereThroughItsWebhookAndARepeatedEventReadsNothingAgain() throws Exception {
        String orderId = orders.send();
        JsonNode synced = orders.awaitState(orderId, "SYNCED");
        UUID invoiceId = UUID.fromString(synced.get("xeroId").asText());
        JsonNode configured = SandboxClient.read(sandbox.control("PUT", "/sandbox/webhooks",
                "{\"url\":\"http://localhost:" + port + "/webhooks/xero\",\"key\":\"" + KEY + "\"}"));
        assertThat(configured.get("active").asBoolean()).as(configured.toString()).isTrue();

        sandbox.control("POST", "/sandbox/tenants/" + ws.supplierTenant() + "/invoices/" + invoiceId + "/pay", null);
        JsonNode paid = orders.awaitState(orderId, "PAID");
        assertThat(paid.get("xeroStatus").asText()).isEqualTo("PAID");
        assertThat(paid.get("amountPaid").decimalValue()).isEqualByComparingTo("62.49");
        assertThat(kafka.readUntil("xero.sync.status", record -> record.value().contains("\"orderId\":\"" + orderId + "\"")
                && record.value().contains("\"state\":\"PAID\""), WAIT)).isNotEmpty();
        long readsById = readsById();
        assertThat(readsById).as("the invoice read by id after its event").isPositive();
        assertThat(sandbox.calls(ws.supplierTenant()).stream()
                .noneMatch(call -> call.path("path").asText().startsWith("/api.xro/2.0/Invoices?page=")))
                .as("no pull ran").isTrue();

        // An event of our own, newer than the sandbox's: read once; the same event again, as Xero retries a delivery,
        // reads nothing new
        String at = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS"));
        String event = "{\"events\":[{\"resourceUrl\":\"" + sandbox.base() + "/api.xro/2.0/Invoices/" + invoiceId
                + "\",\"resourceId\":\"" + invoiceId + "\",\"eventDateUtc\":\"" + at + "\",\"eventType\":\"UPDATE\","
                + "\"eventCategory\":\"INVOICE\",\"tenantId\":\"" + ws.supplierTenant() + "\",\"tenantType\":\"ORGANISATION\"}],"
                + "\"firstEventSequence\":1,\"lastEventSequence\":1,\"entropy\":\"ASDFGHJKL\"}";
        assertThat(post(event, sign(event)).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> readsById() == readsById + 1);
        assertThat(post(event, sign(event)).statusCode()).isEqualTo(200);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> readsById() == readsById + 1);
        assertThat(api.document(ws.supplier(), orderId, "ACCREC").get("state").asText()).isEqualTo("PAID");
    }

    @Test
    void aContactChangedInXeroGoesOutOnXeroContactsThroughItsWebhook() {
        String orderId = orders.send();
        JsonNode synced = orders.awaitState(orderId, "SYNCED");
        String contactId = sandbox.invoicesWithUrl(ws.supplierTenant(), sandboxUrl(synced)).get(0).path("Contact")
                .path("ContactID").asText();
        JsonNode configured = SandboxClient.read(sandbox.control("PUT", "/sandbox/webhooks",
                "{\"url\":\"http://localhost:" + port + "/webhooks/xero\",\"key\":\"" + KEY + "\"}"));
        assertThat(configured.get("active").asBoolean()).as(configured.toString()).isTrue();

        String email = "accounts-" + orderId + "@changed.example";
        sandbox.accounting(ws.supplierTenant(), "POST", "/Contacts/" + contactId,
                "{\"Contacts\":[{\"ContactID\":\"" + contactId + "\",\"EmailAddress\":\"" + email + "\"}]}");
        assertThat(kafka.readUntil("xero.contacts", record -> ws.supplier().equals(record.key())
                && record.value().contains(email) && record.value().contains(contactId), WAIT)).isNotEmpty();
    }

    @Test
    void aCreditNoteVoidedInXeroIsVoidedHereThroughItsWebhook() {
        // not allocated, so that Xero lets it be voided
        assertThat(api.put(supplierPath("/settings"), "{\"allocateCreditNotes\":false}").status()).isEqualTo(200);
        String orderId = orders.send();
        orders.awaitState(orderId, "SYNCED");
        kafka.send("orders.events", ws.supplier(),
                OrderEvents.creditNote(ws.supplier(), ws.venue(), orderId, 2, "CN-" + orderId).toString());
        JsonNode credit = await().atMost(WAIT).until(() -> api.document(ws.supplier(), orderId, "ACCRECCREDIT"),
                document -> document != null && "SYNCED".equals(document.get("state").asText()));
        String creditNoteId = credit.get("xeroId").asText();
        JsonNode configured = SandboxClient.read(sandbox.control("PUT", "/sandbox/webhooks",
                "{\"url\":\"http://localhost:" + port + "/webhooks/xero\",\"key\":\"" + KEY + "\"}"));
        assertThat(configured.get("active").asBoolean()).as(configured.toString()).isTrue();

        sandbox.accounting(ws.supplierTenant(), "POST", "/CreditNotes/" + creditNoteId,
                "{\"CreditNotes\":[{\"CreditNoteID\":\"" + creditNoteId + "\",\"Status\":\"VOIDED\"}]}");

        JsonNode voided = await().atMost(WAIT).until(() -> api.document(ws.supplier(), orderId, "ACCRECCREDIT"),
                document -> "VOIDED".equals(document.get("state").asText()));
        assertThat(voided.get("xeroStatus").asText()).isEqualTo("VOIDED");
        assertThat(kafka.readUntil("xero.sync.status", record -> record.value().contains("\"orderId\":\"" + orderId + "\"")
                && record.value().contains("\"xeroType\":\"ACCRECCREDIT\"") && record.value().contains("\"state\":\"VOIDED\""),
                WAIT)).isNotEmpty();
        assertThat(sandbox.calls(ws.supplierTenant()).stream()
                .filter(call -> call.path("path").asText().startsWith("/api.xro/2.0/CreditNotes?where=CreditNoteID%3D%3Dguid"))
                .count()).as("the credit note read by id after its event (Xero's credit notes take no IDs)").isPositive();
        assertThat(sandbox.calls(ws.supplierTenant()).stream()
                .noneMatch(call -> call.path("path").asText().startsWith("/api.xro/2.0/CreditNotes?page=")))
                .as("no pull ran").isTrue();
    }

    private static String sandboxUrl(JsonNode document) {
        return "https://orders.example/ledgerbridge/documents/" + document.get("documentId").asText();
    }

    private long readsById() {
        return sandbox.calls(ws.supplierTenant()).stream()
                .filter(call -> call.path("path").asText().startsWith("/api.xro/2.0/Invoices?IDs=")).count();
    }

    private HttpResponse<String> post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/xero"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("x-xero-signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

}
