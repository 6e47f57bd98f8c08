package io.ledgerbridge.it;

import io.ledgerbridge.connection.XeroConnectionRepository;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * What the delivery ITs share: the whole app ({@link WholeAppTest}, one context for all of them), the API as the
 * platform calls it, Kafka to send order events, and the Xero sandbox the demo workspaces are connected to; for an IT
 * that wants them, a supplier and a venue connected to the sandbox ({@link #connectedPair}) and the supplier's orders.
 */
@WholeAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeliveryTestBase {

    /** How long an IT waits for what the app does on its own. */
    static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    XeroConnectionRepository connections;

    ApiClient api;
    KafkaTestClient kafka;
    SandboxClient sandbox;

    /** The workspaces of {@link #connectedPair}, and the supplier's orders to the venue. */
    TestWorkspaces.Pair ws;
    SupplierOrders orders;

    @BeforeAll
    void connect() {
        api = new ApiClient("http://localhost:" + port, "local-dev-token");
        kafka = new KafkaTestClient(environment.getRequiredProperty("camel.component.kafka.brokers"));
        sandbox = new SandboxClient(environment.getRequiredProperty("ledgerbridge.demo-connections-from"));
    }

    @AfterAll
    void close() {
        kafka.close();
    }

    /**
     * A new supplier and venue ({@code label} in their ids), each connected to its sandbox organisation, as {@link #ws};
     * {@link #orders} sends the supplier's orders to the venue, their ids starting with {@code orderPrefix}.
     */
    void connectedPair(String label, String orderPrefix) {
        ws = TestWorkspaces.create(api, sandbox, connections, label);
        orders = new SupplierOrders(api, kafka, ws, orderPrefix);
    }

    /** The API path of one of the workspace's resources: {@code /api/v1/workspaces/{workspace}{rest}}. */
    static String path(String workspace, String rest) {
        return "/api/v1/workspaces/" + workspace + rest;
    }

    /** The API path of one of the supplier's resources (of {@link #ws}). */
    String supplierPath(String rest) {
        return path(ws.supplier(), rest);
    }
}
