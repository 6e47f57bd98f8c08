package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole app on the embedded stack: events produced to Kafka become documents visible through the
 * API; bad events land on xero.sync.dlq with their reason; replays and older versions change nothing.
 */
@WholeAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderIntakeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private KafkaTestClient kafka;
    private final String supplier = "it-supplier-" + UUID.randomUUID().toString().substring(0, 8);
    private final String venue = "it-venue-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void connect() {
        api = new ApiClient("http://localhost:" + port, "local-dev-token");
        kafka = new KafkaTestClient(environment.getRequiredProperty("camel.component.kafka.brokers"));
        assertThat(api.put("/api/v1/workspaces/" + supplier, "{\"name\":\"IT Supplier\",\"roles\":[\"SUPPLIER\"]}").status())
                .isEqualTo(201);
        assertThat(api.put("/api/v1/workspaces/" + venue, "{\"name\":\"IT Venue\",\"roles\":[\"VENUE\"]}").status())
                .isEqualTo(201);
    }

    @AfterAll
    void close() {
        kafka.close();
    }

    private void publish(ObjectNode event) {
        kafka.send("orders.events", supplier, event.toString());
    }

    private JsonNode documentOf(String workspace, String orderId) {
        return api.document(workspace, orderId);
    }

    private JsonNode awaitDocument(String workspace, String orderId) {
        return await().atMost(WAIT).until(() -> documentOf(workspace, orderId), document -> document != null);
    }

    private JsonNode awaitDeadLetter(String marker) {
        List<ConsumerRecord<String, String>> letters = kafka.readUntil("xero.sync.dlq",
                record -> record.value().contains(marker), WAIT);
        assertThat(letters).as("dead letter containing " + marker).isNotEmpty();
        try {
            return JSON.readTree(letters.get(0).value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aValidEventBecomesADocumentForEachConnectedSide() {
        String orderId = "ord-" + UUID.randomUUID();
        publish(OrderEvents.invoice(supplier, venue, orderId, 1));

        JsonNode sales = awaitDocument(supplier, orderId);
        assertThat(sales.get("xeroType").asText()).isEqualTo("ACCREC");
        // A new workspace has invoice sync off: recorded, then waiting for it (nothing lost, nothing sent).
        assertThat(sales.get("state").asText()).isIn("PENDING", "WAITING");
        assertThat(sales.get("version").asLong()).isEqualTo(1);
        assertThat(sales.get("total").decimalValue()).isEqualByComparingTo("62.49");
        assertThat(sales.get("number").asText()).isEqualTo("INV-1001");
        JsonNode bill = awaitDocument(venue, orderId);
        assertThat(bill.get("xeroType").asText()).isEqualTo("ACCPAY");

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode waiting = api.get("/api/v1/workspaces/" + supplier + "/documents?status=WAITING").json();
            assertThat(waiting.findValuesAsText("orderId")).contains(orderId);
            assertThat(documentOf(supplier, orderId).get("waitingReason").asText()).isEqualTo("SYNC_OFF");
        });
        assertThat(api.get("/api/v1/workspaces/" + supplier + "/documents/" + sales.get("documentId").asText())
                .json().get("orderId").asText()).isEqualTo(orderId);
    }

    @Test
    void aReplayedEventOrAnOlderVersionChangesNothing() {
        String orderId = "ord-" + UUID.randomUUID();
        ObjectNode v2 = OrderEvents.pricedAt(OrderEvents.invoice(supplier, venue, orderId, 2), "70.00");
        publish(v2);
        awaitDocument(supplier, orderId);

        ObjectNode replay = OrderEvents.pricedAt(v2.deepCopy(), "99.00");
        ((ObjectNode) replay.get("data")).put("version", 9);
        publish(replay);
        publish(OrderEvents.pricedAt(OrderEvents.invoice(supplier, venue, orderId, 1), "30.00"));
        publish(OrderEvents.pricedAt(OrderEvents.invoice(supplier, venue, orderId, 2), "20.00"));
        // A marker event after them: once it is recorded, the three before it have been consumed.
        String markerOrder = "ord-" + UUID.randomUUID();
        publish(OrderEvents.invoice(supplier, venue, markerOrder, 1));
        awaitDocument(supplier, markerOrder);

        JsonNode document = documentOf(supplier, orderId);
        assertThat(document.get("version").asLong()).isEqualTo(2);
        assertThat(document.get("total").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(document.get("lastEventId").asText()).isEqualTo(v2.get("id").asText());

        ObjectNode v3 = OrderEvents.pricedAt(OrderEvents.invoice(supplier, venue, orderId, 3), "75.50");
        v3.put("type", "order.updated");
        publish(v3);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode updated = documentOf(supplier, orderId);
            assertThat(updated.get("version").asLong()).isEqualTo(3);
            assertThat(updated.get("total").decimalValue()).isEqualByComparingTo("75.50");
            assertThat(updated.get("lastEventType").asText()).isEqualTo("order.updated");
        });
    }

    @Test
    void anEventThatBreaksTheSchemaLandsOnTheDeadLetterTopicWithItsReason() {
        String orderId = "ord-" + UUID.randomUUID();
        ObjectNode event = OrderEvents.invoice(supplier, venue, orderId, 1);
        ((ObjectNode) event.get("data")).remove("lines");
        publish(event);

        JsonNode letter = awaitDeadLetter(orderId);
        assertThat(letter.get("reason").asText())
                .contains("breaks the order event contract")
                .contains("$.data: required property 'lines' not found");
        assertThat(letter.get("workspaceId").asText()).isEqualTo(supplier);
        assertThat(letter.get("attempts").asInt()).isEqualTo(1);
        assertThat(letter.get("originalMessage").asText()).isEqualTo(event.toString());
        assertThat(letter.get("source").get("topic").asText()).isEqualTo("orders.events");
        assertThat(documentOf(supplier, orderId)).isNull();
    }

    @Test
    void aMessageThatIsNotJsonIsDeadLetteredAndTheConsumerKeepsGoing() {
        String garbage = "not json " + UUID.randomUUID();
        kafka.send("orders.events", supplier, garbage);
        String orderId = "ord-" + UUID.randomUUID();
        publish(OrderEvents.invoice(supplier, venue, orderId, 1));

        JsonNode letter = awaitDeadLetter(garbage);
        assertThat(letter.get("reason").asText()).startsWith("The message is not JSON");
        assertThat(awaitDocument(supplier, orderId)).isNotNull();
    }

    @Test
    void aRejectedEventTooLargeForItsDeadLetterDoesNotHoldUpIntake() {
        String orderId = "ord-" + UUID.randomUUID();
        ObjectNode big = OrderEvents.invoice(supplier, venue, orderId, 1);
        ((ObjectNode) big.get("data")).remove("lines");
        // 1 MB as sent (the broker's default limit), 2 MB once quoted again inside its dead letter
        ((ObjectNode) big.get("data")).put("notes", "\"".repeat(500_000));
        RecordMetadata sent = kafka.send("orders.events", supplier, big.toString());
        String goodOrder = "ord-" + UUID.randomUUID();
        publish(OrderEvents.invoice(supplier, venue, goodOrder, 1));

        assertThat(awaitDocument(supplier, goodOrder)).isNotNull();
        List<ConsumerRecord<String, String>> letters = kafka.readUntil("xero.sync.dlq", record -> {
            JsonNode source = read(record.value()).path("source");
            return source.path("topic").asText().equals("orders.events") && source.path("offset").asLong() == sent.offset();
        }, WAIT);
        assertThat(letters).as("the dead letter of offset " + sent.offset()).hasSize(1);
        JsonNode letter = read(letters.get(0).value());
        assertThat(letter.get("originalMessage").isNull()).isTrue();
        assertThat(letter.get("originalMessageOmitted").asBoolean()).isTrue();
        assertThat(letter.get("originalMessageBytes").asLong()).isEqualTo(big.toString().getBytes(StandardCharsets.UTF_8).length);
        assertThat(letter.get("reason").asText()).contains("required property 'lines' not found");
        List<Long> rows = jdbc.sql("""
                SELECT dead_letter_id FROM dead_letters
                 WHERE original_headers->>'topic' = 'orders.events' AND original_headers->>'offset' = :offset
                """).param("offset", String.valueOf(sent.offset())).query(Long.class).list();
        assertThat(rows).containsExactly(letter.get("deadLetterId").asLong());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEventNamingOnlyUnknownWorkspacesIsDeadLettered() {
        String orderId = "ord-" + UUID.randomUUID();
        publish(OrderEvents.invoice("ws-nobody-knows", "ws-nor-this", orderId, 1));

        JsonNode letter = awaitDeadLetter(orderId);
        assertThat(letter.get("reason").asText())
                .contains("names workspace 'ws-nobody-knows' and workspace 'ws-nor-this'")
                .contains("Create it with PUT /api/v1/workspaces/{id}");
    }
}
