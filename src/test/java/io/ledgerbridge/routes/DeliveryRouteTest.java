package io.ledgerbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.Application;
import io.ledgerbridge.delivery.DocumentRepository;
import io.ledgerbridge.delivery.DocumentView;
import io.ledgerbridge.intake.OrderIntake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real delivery routes on the embedded stack and the sandbox, with their hand-overs made to fail: a workspace
 * whose hand-over to its lane failed is not left taken, and a pass's state changes survive a failed publish.
 */
@CamelSpringBootTest
@SpringBootTest(classes = Application.class)
@ActiveProfiles({"local", "test"})
@UseAdviceWith
// Closed after the class: the route tests share the JVM's one embedded stack, and another live context's lanes would
// deliver these documents through routes that are not advised.
@DirtiesContext
class DeliveryRouteTest {

    /** Orders whose workspace's hand-over to the lane fails this many more times. */
    private static final Set<String> FAILING_HAND_OVER = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger HAND_OVER_FAILURES = new AtomicInteger();
    /** How many more times publishing state changes fails. */
    private static final AtomicInteger PUBLISH_FAILURES = new AtomicInteger();

    @Autowired
    CamelContext camel;
    @Autowired
    OrderIntake intake;
    @Autowired
    DocumentRepository documents;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void adviseOnce() throws Exception {
        if (camel.isStarted()) {
            return;
        }
        AdviceWith.adviceWith(camel, "xero-dispatch", route -> route.weaveById("start-lane-pass").before()
                .process(exchange -> {
                    if (FAILING_HAND_OVER.contains(exchange.getMessage().getBody(String.class))
                            && HAND_OVER_FAILURES.getAndDecrement() > 0) {
                        throw new IllegalStateException("the lane queue refused the pass");
                    }
                }));
        AdviceWith.adviceWith(camel, "sync-status",
                route -> route.weaveById("publish-sync-status").replace().process(exchange -> {
                    if (PUBLISH_FAILURES.getAndDecrement() > 0) {
                        throw new IllegalStateException("Kafka is unreachable");
                    }
                }).to("mock:sync-status"));
        camel.start();
    }

    private String record() throws Exception {
        ObjectNode event = (ObjectNode) json.readTree(Files.readString(Path.of("samples/invoice-generated.json")));
        String orderId = "route-" + UUID.randomUUID().toString().substring(0, 8);
        event.put("id", "evt-" + UUID.randomUUID());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("orderId", orderId);
        data.put("invoiceNumber", "INV-" + orderId);
        ((ObjectNode) data.get("buyer")).remove("workspaceId");
        assertThat(intake.recordAll(List.of(event.toString()))).allSatisfy(outcome -> assertThat(outcome.isRejected()).isFalse());
        return orderId;
    }

    private Optional<DocumentView> find(String orderId) {
        return documents.list("demo-supplier", Optional.empty(), 1000, 0).stream()
                .filter(document -> document.orderId().equals(orderId)).findFirst();
    }

    @Test
    void aWorkspaceWhoseHandOverToItsLaneFailedIsHandedOutAgain() throws Exception {
        FAILING_HAND_OVER.add("demo-supplier");
        // the first hand-over and both of its redeliveries fail
        HAND_OVER_FAILURES.set(3);
        String orderId = record();

        await().atMost(Duration.ofSeconds(60)).until(() -> find(orderId)
                .map(document -> "SYNCED".equals(document.state())).orElse(false));
        assertThat(HAND_OVER_FAILURES.get()).as("the hand-over did fail").isLessThan(0);
        FAILING_HAND_OVER.clear();
    }

    @Test
    void aPassesStateChangesAreNotLostWhenPublishingThemFails() throws Exception {
        MockEndpoint published = camel.getEndpoint("mock:sync-status", MockEndpoint.class);
        // more failures than the route's redeliveries
        PUBLISH_FAILURES.set(5);
        String orderId = record();
        await().atMost(Duration.ofSeconds(60)).until(() -> find(orderId)
                .map(document -> "SYNCED".equals(document.state())).orElse(false));
        UUID documentId = find(orderId).orElseThrow().documentId();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(published.getExchanges())
                .flatExtracting(DeliveryRouteTest::records)
                .anySatisfy(record -> {
                    assertThat(record.get("documentId").asText()).isEqualTo(documentId.toString());
                    assertThat(record.get("state").asText()).isEqualTo("SYNCED");
                }));
    }

    /** The xero.sync.status records one published exchange carries (a list of messages, or one body). */
    private static List<JsonNode> records(Exchange exchange) {
        ObjectMapper mapper = new ObjectMapper();
        Object body = exchange.getMessage().getBody();
        List<?> items = body instanceof List<?> list ? list : List.of(body);
        return items.stream().map(item -> {
            try {
                return mapper.readTree(item instanceof Message message ? message.getBody(String.class) : item.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
