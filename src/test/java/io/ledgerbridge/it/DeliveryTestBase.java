package io.ledgerbridge.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * What the delivery ITs share: the whole app ({@link WholeAppTest}, one context for all of them), the API as the
 * platform calls it, Kafka to send order events, and the Xero sandbox the demo workspaces are connected to.
 */
@WholeAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeliveryTestBase {

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    ApiClient api;
    KafkaTestClient kafka;
    SandboxClient sandbox;

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
}
