package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.connection.TokenCipher;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.connection.XeroConnectionRepository;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * SIGKILL the service in the middle of a stream of events and start it again, while PostgreSQL and
 * Kafka stay up: every event ends up recorded exactly once and nothing recorded before the kill changes.
 * The service runs as a child JVM from the packaged jar with the production profile, pointed at the
 * embedded stack of this test JVM, with its own database and topic so the in-JVM app stays out of it.
 */
@WholeAppTest
class CrashRecoveryIT {

    private static final int BEFORE_KILL = 600;
    private static final int WHILE_DOWN = 200;
    private static final int REPLAYED = 50;

    @Autowired
    Environment environment;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String topic = "orders.events.crash-" + suffix;
    private final String supplier = "crash-supplier-" + suffix;
    private final String venue = "crash-venue-" + suffix;
    private ServiceProcess service;

    @AfterEach
    void stopServices() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aKilledServiceLosesNoRecordedDocumentAndNoUnconsumedEvent() throws Exception {
        service = ServiceProcess.create(environment, "crash_" + suffix, topic, Map.of());
        String brokers = service.brokers();
        String databaseUrl = service.databaseUrl();
        Process first = service.start(1);
        ApiClient api = service.api();
        assertThat(api.put("/api/v1/workspaces/" + supplier, "{\"name\":\"Crash Supplier\",\"roles\":[\"SUPPLIER\"]}").status())
                .isEqualTo(201);
        assertThat(api.put("/api/v1/workspaces/" + venue, "{\"name\":\"Crash Venue\",\"roles\":[\"VENUE\"]}").status())
                .isEqualTo(201);

        List<ObjectNode> events = new ArrayList<>();
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            for (int i = 0; i < BEFORE_KILL; i++) {
                ObjectNode event = OrderEvents.invoice(supplier, venue, "crash-ord-" + i, 1);
                events.add(event);
                kafka.sendAsync(topic, supplier, event.toString());
            }
            kafka.flush();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> countDocuments(databaseUrl, supplier) >= 50);
            first.destroyForcibly().waitFor();
            Map<String, Long> beforeKill = versionsById(databaseUrl);
            assertThat(beforeKill.size() / 2).as("killed mid-stream").isBetween(50, BEFORE_KILL - 1);

            for (int i = 0; i < WHILE_DOWN; i++) {
                ObjectNode event = OrderEvents.invoice(supplier, venue, "crash-ord-" + (BEFORE_KILL + i), 1);
                events.add(event);
                kafka.sendAsync(topic, supplier, event.toString());
            }
            for (int i = 0; i < REPLAYED; i++) {
                kafka.sendAsync(topic, supplier, events.get(i).toString());
            }
            kafka.flush();

            service.start(2);
            int expected = BEFORE_KILL + WHILE_DOWN;
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> countDocuments(databaseUrl, supplier) == expected && countDocuments(databaseUrl, venue) == expected);

            Map<String, Long> after = versionsById(databaseUrl);
            assertThat(after).hasSize(2 * expected);
            assertThat(after).containsAllEntriesOf(beforeKill);
            assertThat(distinctOrders(databaseUrl)).isEqualTo(expected);
            assertThat(api.get("/api/v1/workspaces/" + supplier + "/documents?limit=1").status()).isEqualTo(200);
            assertOperationsConsoleNeedsTheLogin(service.port());
        }
    }

    @Test
    void aServiceKilledAfterXeroTookAnInvoiceButBeforeItsAnswerWasStoredDoesNotSendItTwice() throws Exception {
        String sandboxUrl = environment.getRequiredProperty("ledgerbridge.demo-connections-from");
        SandboxClient sandbox = new SandboxClient(sandboxUrl);
        // Xero is the test's sandbox; a killed pass's claim runs out after 5 s instead of 2 minutes.
        Map<String, String> xero = new HashMap<>(ServiceProcess.xeroAt(sandboxUrl));
        xero.put("LEDGERBRIDGE_CLAIM_LEASE_SECONDS", "5");
        service = ServiceProcess.create(environment, "crash_" + suffix, topic, xero);
        String brokers = service.brokers();
        String databaseUrl = service.databaseUrl();
        Process first = service.start(1);
        ApiClient api = service.api();
        ApiClient shared = new ApiClient("http://localhost:" + environment.getRequiredProperty("local.server.port"),
                "local-dev-token");
        assertThat(api.put("/api/v1/workspaces/" + supplier,
                "{\"name\":\"Crash Supplier\",\"roles\":[\"SUPPLIER\"],\"plan\":\"PRO\"}").status()).isEqualTo(201);
        assertThat(api.put("/api/v1/workspaces/" + supplier + "/settings",
                shared.get("/api/v1/workspaces/demo-supplier/settings").body()).status()).isEqualTo(200);
        api.put("/api/v1/workspaces/" + supplier + "/mappings/tax-rates/GST", "{\"sales\":\"OUTPUT\",\"purchases\":\"INPUT\"}");
        api.put("/api/v1/workspaces/" + supplier + "/mappings/tax-rates/GST_FREE",
                "{\"sales\":\"EXEMPTOUTPUT\",\"purchases\":\"EXEMPTEXPENSES\"}");
        UUID tenant = UUID.fromString(SandboxClient.read(sandbox.control("POST", "/sandbox/tenants",
                "{\"name\":\"Crash Org " + suffix + "\"}")).get("tenantId").asText());
        var grant = sandbox.grant(tenant);
        new XeroConnectionRepository(JdbcClient.create(new DriverManagerDataSource(databaseUrl, "postgres", "")),
                new TokenCipher(io.ledgerbridge.localstack.LocalStackMain.LOCAL_TOKEN_KEY))
                .save(new XeroConnection(supplier, tenant, "Crash Org", grant.get("access_token").asText(),
                        grant.get("refresh_token").asText(), Instant.now().plusSeconds(1800), XeroConnection.Status.CONNECTED, null));

        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            // A first order warms the pass up: the organisation is read and the buyer's contact created.
            String warm = "crash-warm-" + suffix;
            kafka.send(topic, supplier, order(warm).toString());
            await().atMost(Duration.ofSeconds(90)).until(() -> state(databaseUrl, warm), "SYNCED"::equals);

            // Xero takes the next invoice but holds its answer: the service is killed while it waits.
            sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + tenant + "\",\"timeoutRate\":1,\"timeoutMs\":60000}");
            String orderId = "crash-sent-" + suffix;
            kafka.send(topic, supplier, order(orderId).toString());
            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.invoices(tenant, "INV-" + orderId).size() == 1);
            first.destroyForcibly().waitFor();
            assertThat(state(databaseUrl, orderId)).as("the answer never got stored").isNotEqualTo("SYNCED");
            sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + tenant + "\",\"timeoutRate\":0}");

            service.start(2);
            await().atMost(Duration.ofSeconds(120)).until(() -> state(databaseUrl, orderId), "SYNCED"::equals);
            List<com.fasterxml.jackson.databind.JsonNode> inXero = sandbox.invoices(tenant, "INV-" + orderId);
            assertThat(inXero).as("one invoice in Xero, found again rather than sent twice").hasSize(1);
            assertThat(xeroId(databaseUrl, orderId)).isEqualTo(inXero.get(0).get("InvoiceID").asText());
        }
    }

    private ObjectNode order(String orderId) {
        ObjectNode event = OrderEvents.invoice(supplier, venue, orderId, 1);
        ((ObjectNode) event.get("data")).put("invoiceNumber", "INV-" + orderId);
        return event;
    }

    private static String state(String databaseUrl, String orderId) throws SQLException {
        return column(databaseUrl, orderId, "state");
    }

    private static String xeroId(String databaseUrl, String orderId) throws SQLException {
        return column(databaseUrl, orderId, "xero_id");
    }

    private static String column(String databaseUrl, String orderId, String column) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "");
             PreparedStatement query = connection.prepareStatement("SELECT " + column + "::text FROM documents WHERE order_id = ?")) {
            query.setString(1, orderId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** The production profile: Hawtio and Jolokia ask for the operations login; probes stay open. */
    private static void assertOperationsConsoleNeedsTheLogin(int port) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI hawtio = java.net.URI.create("http://localhost:" + port + "/actuator/hawtio/");
        java.net.http.HttpResponse<String> anonymous = http.send(java.net.http.HttpRequest.newBuilder(hawtio).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isIn(302, 401);
        String login = java.util.Base64.getEncoder().encodeToString("ops:child-ops-password".getBytes());
        java.net.http.HttpResponse<String> withLogin = http.send(java.net.http.HttpRequest.newBuilder(hawtio)
                .header("Authorization", "Basic " + login).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(withLogin.statusCode()).isEqualTo(200);
    }

    private static long countDocuments(String databaseUrl, String workspace) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "");
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM documents WHERE workspace_id = ?")) {
            query.setString(1, workspace);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException notYetMigrated) {
            if (notYetMigrated.getMessage().contains("does not exist")) {
                return 0;
            }
            throw notYetMigrated;
        }
    }

    private static Map<String, Long> versionsById(String databaseUrl) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT document_id, version FROM documents")) {
            while (rows.next()) {
                versions.put(rows.getString(1), rows.getLong(2));
            }
        }
        return versions;
    }

    private static long distinctOrders(String databaseUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(DISTINCT order_id) FROM documents")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
