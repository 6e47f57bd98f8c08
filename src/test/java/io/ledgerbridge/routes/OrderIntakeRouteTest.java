package io.ledgerbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.Application;
import io.ledgerbridge.delivery.DocumentRepository;
import io.ledgerbridge.delivery.DocumentView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real route files, with Kafka swapped for direct: and the dead-letter topic for a mock, on the
 * embedded database: what gets recorded, what goes to the dead letter, and how often it was tried.
 */
@CamelSpringBootTest
@SpringBootTest(classes = Application.class)
@ActiveProfiles({"local", "test"})
@UseAdviceWith
// Closed after the class, so its lanes do not deliver the documents of the next route test's advised routes.
@DirtiesContext
class OrderIntakeRouteTest {

    private static final AtomicInteger FAIL_NEXT = new AtomicInteger();

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    DocumentRepository documents;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationContext spring;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    io.ledgerbridge.workspace.WorkspaceRepository workspaces;

    @BeforeEach
    void adviseOnce() throws Exception {
        if (camel.isStarted()) {
            return;
        }
        AdviceWith.adviceWith(camel, "order-intake", route -> {
            route.replaceFromWith("direct:order-intake-test");
            route.weaveById("record-desired-state").before().process(exchange -> {
                if (FAIL_NEXT.getAndDecrement() > 0) {
                    throw new IllegalStateException("database briefly unavailable");
                }
            });
        });
        AdviceWith.adviceWith(camel, "dead-letter",
                route -> route.weaveById("publish-dead-letter").replace().to("mock:dead-letters"));
        camel.start();
    }

    private ObjectNode sampleEvent() throws Exception {
        ObjectNode event = (ObjectNode) json.readTree(Files.readString(Path.of("samples/invoice-generated.json")));
        String orderId = "ord-" + UUID.randomUUID();
        event.put("id", "evt-" + UUID.randomUUID());
        ((ObjectNode) event.get("data")).put("orderId", orderId);
        return event;
    }

    /** A poll's worth of records, as the Kafka consumer hands them over with batching on. */
    private List<Exchange> send(String... messages) {
        List<Exchange> records = new java.util.ArrayList<>();
        for (String message : messages) {
            Exchange record = new DefaultExchange(camel);
            record.getMessage().setBody(message);
            record.getMessage().setHeader("kafka.KEY", "demo-supplier");
            record.getMessage().setHeader("kafka.PARTITION", 0);
            records.add(record);
        }
        producer.sendBody("direct:order-intake-test", records);
        return records;
    }

    private MockEndpoint deadLetters() {
        MockEndpoint mock = camel.getEndpoint("mock:dead-letters", MockEndpoint.class);
        mock.reset();
        return mock;
    }

    @Test
    void aValidEventIsRecordedForBothWorkspaces() throws Exception {
        ObjectNode event = sampleEvent();
        MockEndpoint dead = deadLetters();
        dead.expectedMessageCount(0);

        send(event.toString());

        String orderId = event.get("data").get("orderId").asText();
        assertThat(find("demo-supplier", orderId)).get().satisfies(document -> {
            assertThat(document.xeroType()).isEqualTo("ACCREC");
            assertThat(document.total()).isEqualByComparingTo("62.49");
            assertThat(document.state()).isIn("PENDING", "WAITING");
        });
        assertThat(find("demo-venue", orderId)).get().extracting(DocumentView::xeroType).isEqualTo("ACCPAY");
        dead.assertIsSatisfied();
    }

    @Test
    void anEventThatBreaksTheSchemaIsDeadLetteredAtOnceWithItsReason() throws Exception {
        ObjectNode event = sampleEvent();
        ((ObjectNode) event.get("data")).remove("totals");
        MockEndpoint dead = deadLetters();
        dead.expectedMessageCount(1);

        send(event.toString());

        dead.assertIsSatisfied();
        JsonNode letter = json.readTree(dead.getExchanges().get(0).getMessage().getBody(String.class));
        assertThat(letter.get("reason").asText()).contains("$.data: required property 'totals' not found");
        assertThat(letter.get("attempts").asInt()).isEqualTo(1);
        assertThat(letter.get("routeId").asText()).isEqualTo("order-intake");
        assertThat(letter.get("workspaceId").asText()).isEqualTo("demo-supplier");
        assertThat(letter.get("originalMessage").asText()).isEqualTo(event.toString());
        assertThat(dead.getExchanges().get(0).getMessage().getHeader("kafka.KEY")).isEqualTo("demo-supplier");
    }

    @Test
    void aDeadLetterTooLargeToPublishGoesWithoutTheBodyAndARetriedRecordIsStoredOnce() throws Exception {
        ObjectNode event = sampleEvent();
        ((ObjectNode) event.get("data")).remove("lines");
        // 1 MB of quotes here, 2 MB once quoted again inside the dead letter: over Kafka's 1 MB request size
        ((ObjectNode) event.get("data")).put("notes", "\"".repeat(500_000));
        String message = event.toString();
        String topic = "route-test-" + UUID.randomUUID();
        MockEndpoint dead = deadLetters();
        dead.expectedMessageCount(2);

        send(record(topic, 7, message));
        send(record(topic, 7, message)); // the same record again, as after a batch that failed before its commit

        dead.assertIsSatisfied();
        List<JsonNode> letters = new java.util.ArrayList<>();
        for (Exchange published : dead.getExchanges()) {
            String body = published.getMessage().getBody(String.class);
            assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(900_000);
            letters.add(json.readTree(body));
        }
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.get("originalMessage").isNull()).isTrue();
            assertThat(letter.get("originalMessageOmitted").asBoolean()).isTrue();
            assertThat(letter.get("originalMessageBytes").asLong())
                    .isEqualTo(message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            assertThat(letter.get("originalMessageReference").asText()).contains(letter.get("deadLetterId").asText());
            assertThat(letter.get("reason").asText()).contains("required property 'lines' not found");
        });
        assertThat(letters.get(1).get("deadLetterId")).isEqualTo(letters.get(0).get("deadLetterId"));
        assertThat(jdbc.sql("""
                SELECT original_message FROM dead_letters
                 WHERE original_headers->>'topic' = :topic AND original_headers->>'offset' = '7'
                """).param("topic", topic).query(String.class).list()).containsExactly(message);
    }

    /** A record as the Kafka consumer hands it over: from a topic, at an offset. */
    private Exchange record(String topic, long offset, String message) {
        Exchange record = new DefaultExchange(camel);
        record.getMessage().setBody(message);
        record.getMessage().setHeader("kafka.KEY", "demo-supplier");
        record.getMessage().setHeader("kafka.TOPIC", topic);
        record.getMessage().setHeader("kafka.PARTITION", 0);
        record.getMessage().setHeader("kafka.OFFSET", offset);
        record.getMessage().setHeader("kafka.TIMESTAMP", 1_780_000_000_000L);
        return record;
    }

    private void send(Exchange... records) {
        producer.sendBody("direct:order-intake-test", new java.util.ArrayList<>(List.of(records)));
    }

    @Test
    void anOrganisationCannotInvoiceItself() throws Exception {
        ObjectNode event = sampleEvent();
        ((ObjectNode) event.at("/data/buyer")).put("workspaceId", "demo-supplier");
        MockEndpoint dead = deadLetters();
        dead.expectedMessageCount(1);

        send(event.toString());

        dead.assertIsSatisfied();
        assertThat(reasonOf(dead, 0)).contains("names workspace 'demo-supplier' as both the supplier and the buyer");
        assertThat(find("demo-supplier", event.at("/data/orderId").asText())).isEmpty();
    }

    @Test
    void anEventIsKnownByItsSourceAndIdAsCloudEventsSays() throws Exception {
        ObjectNode first = sampleEvent();
        ObjectNode sameIdElsewhere = sampleEvent();
        sameIdElsewhere.put("id", first.get("id").asText()).put("source", "/another-platform/orders");
        ObjectNode replay = sampleEvent();
        replay.put("id", first.get("id").asText());
        MockEndpoint dead = deadLetters();
        dead.expectedMessageCount(0);

        send(first.toString());
        send(sameIdElsewhere.toString(), replay.toString());

        assertThat(find("demo-supplier", first.at("/data/orderId").asText())).isPresent();
        assertThat(find("demo-supplier", sameIdElsewhere.at("/data/orderId").asText())).as("another source's event").isPresent();
        assertThat(find("demo-supplier", replay.at("/data/orderId").asText())).as("the same event again").isEmpty();
        dead.assertIsSatisfied();
    }

    @Test
    void aWorkspaceNamedInTheWrongRoleGetsNoDocumentsAndTheEventSaysWhy() throws Exception {
        ObjectNode event = sampleEvent();
        ((ObjectNode) event.at("/data/supplier")).put("workspaceId", "demo-venue");
        ((ObjectNode) event.at("/data/buyer")).put("workspaceId", "demo-supplier");
        MockEndpoint dead = deadLetters();
        dead.expectedMessageCount(1);

        send(event.toString());

        dead.assertIsSatisfied();
        assertThat(reasonOf(dead, 0))
                .contains("workspace 'demo-venue' is named as the supplier but has no SUPPLIER role")
                .contains("workspace 'demo-supplier' is named as the buyer but has no VENUE role");
        assertThat(find("demo-venue", event.at("/data/orderId").asText())).isEmpty();
        assertThat(find("demo-supplier", event.at("/data/orderId").asText())).isEmpty();
    }

    @Test
    void aSideThatCannotBeRecordedGetsItsOwnDeadLetterAndTheOtherSideIsRecorded() throws Exception {
        ObjectNode unknownBuyer = sampleEvent();
        String nowhere = "ws-nowhere-" + UUID.randomUUID().toString().substring(0, 8);
        ((ObjectNode) unknownBuyer.at("/data/buyer")).put("workspaceId", nowhere);
        ObjectNode supplierAsBuyer = sampleEvent();
        String otherSupplier = "route-supplier-" + UUID.randomUUID().toString().substring(0, 8);
        workspaces.save(otherSupplier, "Route Supplier", java.util.Set.of(io.ledgerbridge.workspace.Workspace.Role.SUPPLIER),
                io.ledgerbridge.workspace.Workspace.Plan.FREE, null, otherSupplier + "@inbound.example");
        ((ObjectNode) supplierAsBuyer.at("/data/buyer")).put("workspaceId", otherSupplier);
        MockEndpoint dead = deadLetters();
        dead.expectedMessageCount(2);

        send(unknownBuyer.toString(), supplierAsBuyer.toString());

        dead.assertIsSatisfied();
        assertThat(find("demo-supplier", unknownBuyer.at("/data/orderId").asText())).isPresent();
        assertThat(find("demo-supplier", supplierAsBuyer.at("/data/orderId").asText())).isPresent();
        assertThat(find(otherSupplier, supplierAsBuyer.at("/data/orderId").asText())).isEmpty();
        assertThat(reasonOf(dead, 0)).contains("workspace '" + nowhere + "'").contains("the buyer")
                .contains("PUT /api/v1/workspaces/{id}");
        assertThat(reasonOf(dead, 1)).contains("workspace '" + otherSupplier + "' is named as the buyer but has no VENUE role");
    }

    @Test
    void aBuyerOutsideLedgerBridgeIsCountedInTheIntakeLog() throws Exception {
        ObjectNode event = sampleEvent();
        ((ObjectNode) event.at("/data/buyer")).remove("workspaceId");
        MockEndpoint dead = deadLetters();
        dead.expectedMessageCount(0);
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                io.ledgerbridge.intake.IntakeBatch.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            send(event.toString());
        } finally {
            logger.detachAppender(lines);
        }

        assertThat(find("demo-supplier", event.at("/data/orderId").asText())).isPresent();
        assertThat(lines.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("1 document(s) recorded")
                        .contains("1 party outside LedgerBridge (no workspaceId)"));
        dead.assertIsSatisfied();
    }

    @Test
    void cancellingAnOrderCancelsItsCreditNotesAndLeavesALockedOneLocked() throws Exception {
        String orderId = "ord-" + UUID.randomUUID();
        ObjectNode invoice = sampleEvent();
        ((ObjectNode) invoice.get("data")).put("orderId", orderId);
        ObjectNode cancelled = invoice.deepCopy().put("id", "evt-" + UUID.randomUUID()).put("type", "order.cancelled");
        ((ObjectNode) cancelled.get("data")).put("version", 4);
        MockEndpoint dead = deadLetters();
        dead.expectedMessageCount(0);
        // delivery stays out of the way: the documents' states are the intake's alone here
        camel.getRouteController().stopRoute("xero-dispatch");
        try {
            send(invoice.toString(), creditNote(orderId, "CN-A", 2), creditNote(orderId, "CN-B", 3),
                    creditNote(orderId, "CN-C", 5));
            // delivered meanwhile; CN-B was paid in the supplier's Xero, so it is locked there
            jdbc.sql("UPDATE documents SET state = 'SYNCED', next_attempt_at = now() - interval '1 hour'"
                    + " WHERE workspace_id IN ('demo-supplier', 'demo-venue') AND order_id = :order")
                    .param("order", orderId).update();
            jdbc.sql("UPDATE documents SET state = 'LOCKED', error = 'Paid in Xero' WHERE workspace_id = 'demo-supplier'"
                    + " AND source_key = :key").param("key", orderId + "/CN-B").update();
            java.time.OffsetDateTime before = jdbc.sql("SELECT now()").query(java.time.OffsetDateTime.class).single();

            send(cancelled.toString());

            assertThat(creditNotes(orderId, before)).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("demo-supplier", "CN-A", "order.cancelled", "PENDING", true, 4L),
                    org.assertj.core.groups.Tuple.tuple("demo-venue", "CN-A", "order.cancelled", "PENDING", true, 4L),
                    org.assertj.core.groups.Tuple.tuple("demo-supplier", "CN-B", "order.cancelled", "LOCKED", false, 4L),
                    org.assertj.core.groups.Tuple.tuple("demo-venue", "CN-B", "order.cancelled", "PENDING", true, 4L),
                    // issued after the cancellation (a later version): not cancelled by it
                    org.assertj.core.groups.Tuple.tuple("demo-supplier", "CN-C", "credit_note.issued", "SYNCED", false, 5L),
                    org.assertj.core.groups.Tuple.tuple("demo-venue", "CN-C", "credit_note.issued", "SYNCED", false, 5L));
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM documents WHERE order_id = :order AND xero_type LIKE '%CREDIT'
                       AND payload->>'creditNoteNumber' <> number
                    """).param("order", orderId).query(Long.class).single()).as("each keeps its own payload").isZero();
            assertThat(jdbc.sql("SELECT error FROM documents WHERE workspace_id = 'demo-supplier' AND source_key = :key")
                    .param("key", orderId + "/CN-B").query(String.class).single()).isEqualTo("Paid in Xero");
        } finally {
            camel.getRouteController().startRoute("xero-dispatch");
        }
        dead.assertIsSatisfied();
    }

    private String creditNote(String orderId, String number, int version) throws Exception {
        ObjectNode event = (ObjectNode) json.readTree(Files.readString(Path.of("samples/credit-note-issued.json")));
        event.put("id", "evt-" + UUID.randomUUID());
        ((ObjectNode) event.get("data")).put("orderId", orderId).put("creditNoteNumber", number).put("version", version);
        return event.toString();
    }

    /** workspace, number, last event type, state, due again since {@code before}, version of the order's credit notes. */
    private List<org.assertj.core.groups.Tuple> creditNotes(String orderId, java.time.OffsetDateTime before) {
        return jdbc.sql("""
                SELECT workspace_id, number, last_event_type, state, next_attempt_at > :before AS later, version
                  FROM documents WHERE order_id = :order AND xero_type LIKE '%CREDIT'
                """).param("order", orderId).param("before", before).query((row, i) -> org.assertj.core.groups.Tuple.tuple(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getBoolean(5), row.getLong(6)))
                .list();
    }

    private String reasonOf(MockEndpoint dead, int index) throws Exception {
        return json.readTree(dead.getExchanges().get(index).getMessage().getBody(String.class)).get("reason").asText();
    }

    @Test
    void aBatchTheDatabaseKeepsRefusingIsNeitherRecordedNorDeadLetteredButHandedBackToKafka() throws Exception {
        ObjectNode event = sampleEvent();
        MockEndpoint dead = deadLetters();
        dead.expectedMessageCount(0);
        FAIL_NEXT.set(10);

        // test profile: 2 retries; then the failure reaches the consumer, which seeks back (breakOnFirstError)
        assertThatThrownBy(() -> send(event.toString())).isInstanceOf(CamelExecutionException.class)
                .hasRootCauseMessage("database briefly unavailable");

        FAIL_NEXT.set(0);
        assertThat(find("demo-supplier", event.get("data").get("orderId").asText())).isEmpty();
        dead.assertIsSatisfied();
    }

    @Test
    void aBadEventInABatchGoesToTheDeadLetterAndTheOthersAreRecorded() throws Exception {
        ObjectNode good = sampleEvent();
        ObjectNode broken = sampleEvent();
        ((ObjectNode) broken.get("data")).remove("lines");
        MockEndpoint dead = deadLetters();
        dead.expectedMessageCount(2);

        List<Exchange> records = send(good.toString(), broken.toString(), "not json");

        dead.assertIsSatisfied();
        // the dead letter works on copies: the batch's offset commit still finds each record's partition
        assertThat(records).allSatisfy(record -> assertThat(record.getMessage().getHeader("kafka.PARTITION")).isEqualTo(0));
        assertThat(find("demo-supplier", good.get("data").get("orderId").asText())).isPresent();
        assertThat(dead.getExchanges()).extracting(exchange -> json.readTree(exchange.getMessage().getBody(String.class))
                        .get("reason").asText())
                .anySatisfy(reason -> assertThat(reason).contains("required property 'lines' not found"))
                .anySatisfy(reason -> assertThat(reason).startsWith("The message is not JSON"));
    }

    @Test
    void aTemporaryFailureThatClearsLosesNothing() throws Exception {
        ObjectNode event = sampleEvent();
        MockEndpoint dead = deadLetters();
        dead.expectedMessageCount(0);
        FAIL_NEXT.set(1);

        send(event.toString());

        assertThat(find("demo-supplier", event.get("data").get("orderId").asText())).isPresent();
        dead.assertIsSatisfied();
    }

    @Test
    void everyRouteOptsIntoSharedErrorHandlingAndEveryBeanRefResolves() {
        ModelCamelContext model = (ModelCamelContext) camel;
        List<RouteDefinition> routes = model.getRouteDefinitions();
        assertThat(routes).extracting(RouteDefinition::getRouteId).contains("order-intake", "dead-letter");
        assertThat(model.getRouteConfigurationDefinitions()).extracting(RouteConfigurationDefinition::getId)
                .contains("intake-errors", "dead-letter-errors");
        for (RouteDefinition route : routes) {
            assertThat(route.getDescriptionText()).as(route.getRouteId()).isNotBlank();
            assertThat(route.getRouteConfigurationId()).as(route.getRouteId()).isNotBlank();
            org.apache.camel.model.ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(),
                            org.apache.camel.model.BeanDefinition.class)
                    .forEach(bean -> assertThat(spring.containsBean(bean.getRef()))
                            .as("bean " + bean.getRef() + " in " + route.getRouteId()).isTrue());
        }
    }

    private Optional<DocumentView> find(String workspaceId, String orderId) {
        return documents.list(workspaceId, Optional.empty(), 1000, 0).stream()
                .filter(document -> document.orderId().equals(orderId))
                .findFirst();
    }
}
