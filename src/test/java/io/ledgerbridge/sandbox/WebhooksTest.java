package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks (FACTS §14): intent to receive, then signed INVOICE/CONTACT events, delivered asynchronously. */
class WebhooksTest extends SandboxTest {

    private static final String KEY = "test-webhook-key";
    private HttpServer receiver;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private volatile boolean checkSignatures = true;

    @BeforeEach
    void startReceiver() throws IOException {
        startReceiverOn(0);
    }

    private void startReceiverOn(int port) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        receiver.createContext("/webhooks/xero", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("x-xero-signature");
            boolean valid = expectedSignature(body).equals(signature);
            if (valid) {
                received.add(Sandbox.JSON.readTree(body));
            }
            exchange.sendResponseHeaders(valid || !checkSignatures ? 200 : 401, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/xero";
    }

    private static String expectedSignature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode configure() {
        return json(sandbox.send("PUT", "/sandbox/webhooks", "{\"url\":\"" + url() + "\",\"key\":\"" + KEY + "\"}", null));
    }

    private List<JsonNode> events() {
        return received.stream().flatMap(p -> {
            List<JsonNode> list = new java.util.ArrayList<>();
            p.get("events").forEach(list::add);
            return list.stream();
        }).toList();
    }

    @Test
    void runsTheIntentToReceiveHandshake() {
        JsonNode status = configure();
        JsonNode itr = status.get("intentToReceive");
        assertThat(itr.get("passed").asBoolean()).isTrue();
        assertThat(itr.get("checks")).hasSize(4);
        assertThat(itr.get("checks")).extracting(c -> c.get("status").asInt()).containsExactly(200, 401, 200, 401);
        assertThat(status.get("active").asBoolean()).isTrue();
        JsonNode handshakePayload = received.get(0);
        assertThat(handshakePayload.get("events")).isEmpty();
        assertThat(handshakePayload.get("firstEventSequence").asInt()).isZero();
        assertThat(handshakePayload.get("entropy").asText()).hasSize(20);
    }

    @Test
    void aReceiverThatDoesNotCheckSignaturesFailsTheHandshakeAndGetsNoEvents() {
        checkSignatures = false;
        JsonNode status = configure();
        assertThat(status.get("intentToReceive").get("passed").asBoolean()).isFalse();
        assertThat(status.get("active").asBoolean()).isFalse();
        received.clear();
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "W-0", "DRAFT", "1")));
        assertThat(json(sandbox.send("GET", "/sandbox/webhooks", null, null)).get("queued").asInt()).isZero();
        assertThat(received).isEmpty();
    }

    @Test
    void retriesTheHandshakeUntilTheReceiverIsUp() throws IOException {
        int port = receiver.getAddress().getPort();
        receiver.stop(0);
        JsonNode first = configure();
        assertThat(first.get("active").asBoolean()).isFalse();
        assertThat(first.get("intentToReceive").get("checks")).allMatch(c -> c.get("status").asInt() == 0);
        startReceiverOn(port);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(json(sandbox.send("GET", "/sandbox/webhooks", null, null)).get("active").asBoolean()).isTrue());
    }

    @Test
    void deliversSignedInvoiceAndContactEvents() {
        configure();
        received.clear();
        String id = createdId(createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":"Webhook Diner"},"LineItems":[{"Description":"x","Quantity":1,"UnitAmount":1,"AccountCode":"200"}]}
                """));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events()).hasSizeGreaterThanOrEqualTo(2));
        JsonNode invoiceEvent = events().stream().filter(e -> e.get("eventCategory").asText().equals("INVOICE")).findFirst().orElseThrow();
        assertThat(invoiceEvent.get("eventType").asText()).isEqualTo("CREATE");
        assertThat(invoiceEvent.get("resourceId").asText()).isEqualTo(id);
        assertThat(invoiceEvent.get("resourceUrl").asText()).endsWith("/api.xro/2.0/Invoices/" + id);
        assertThat(invoiceEvent.get("tenantId").asText()).isEqualTo(SUPPLIER.toString());
        assertThat(invoiceEvent.get("tenantType").asText()).isEqualTo("ORGANISATION");
        assertThat(invoiceEvent.get("eventDateUtc").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
        assertThat(events()).anyMatch(e -> e.get("eventCategory").asText().equals("CONTACT")
                && e.get("eventType").asText().equals("CREATE"));
        JsonNode payload = received.get(0);
        assertThat(payload.get("firstEventSequence").asInt()).isPositive();
        assertThat(payload.get("lastEventSequence").asInt()).isGreaterThanOrEqualTo(payload.get("firstEventSequence").asInt());
    }

    @Test
    void payingInsideXeroAnnouncesAnInvoiceUpdate() {
        String id = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "W-1", "AUTHORISED", "10")));
        configure();
        received.clear();
        sandbox.send("POST", "/sandbox/tenants/" + SUPPLIER + "/invoices/" + id + "/pay", null, null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events()).anyMatch(e ->
                e.get("resourceId").asText().equals(id) && e.get("eventType").asText().equals("UPDATE")));
    }

    @Test
    void aFailingReceiverNeverSlowsTheApi() {
        configure();
        receiver.stop(0);
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(createInvoice(SUPPLIER, invoice("ACCREC", "W-F" + i, "DRAFT", "1")).statusCode()).isEqualTo(200);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(json(sandbox.send("GET", "/sandbox/webhooks", null, null)).get("failed").asInt()).isPositive());
    }
}
