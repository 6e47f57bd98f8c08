package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerbridge.localstack.LocalStackMain;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.core.env.Environment;

/**
 * LedgerBridge as a child JVM from the packaged jar with the production profile, pointed at the test JVM's embedded
 * stack with a database and an order topic of its own (so the in-JVM app stays out of it): for tests that kill the
 * service and start it again while PostgreSQL, Kafka and "Xero" stay up.
 */
final class ServiceProcess implements AutoCloseable {

    static final String TOKEN = "child-token";

    private final String name;
    private final String brokers;
    private final String databaseUrl;
    private final String topic;
    private final int port = freePort();
    private final Map<String, String> extra;
    private final List<Process> processes = new ArrayList<>();

    private ServiceProcess(String name, String brokers, String databaseUrl, String topic, Map<String, String> extra) {
        this.name = name;
        this.brokers = brokers;
        this.databaseUrl = databaseUrl;
        this.topic = topic;
        this.extra = extra;
    }

    /**
     * A database {@code name} on the test JVM's PostgreSQL and a topic {@code topic}; {@code extra} environment for the
     * child (e.g. Xero's URLs, a short claim lease).
     */
    static ServiceProcess create(Environment environment, String name, String topic, Map<String, String> extra)
            throws Exception {
        String brokers = environment.getRequiredProperty("camel.component.kafka.brokers");
        String serverUrl = environment.getRequiredProperty("spring.datasource.url");
        try (Connection connection = DriverManager.getConnection(serverUrl, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        return new ServiceProcess(name, brokers, serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name, topic, extra);
    }

    /** Xero's four URLs pointed at the sandbox at {@code sandboxUrl}. */
    static Map<String, String> xeroAt(String sandboxUrl) {
        return Map.of("XERO_API_URL", sandboxUrl + "/api.xro/2.0", "XERO_IDENTITY_URL", sandboxUrl + "/identity",
                "XERO_LOGIN_URL", sandboxUrl, "XERO_CONNECTIONS_URL", sandboxUrl + "/connections");
    }

    String databaseUrl() {
        return databaseUrl;
    }

    String brokers() {
        return brokers;
    }

    String topic() {
        return topic;
    }

    int port() {
        return port;
    }

    ApiClient api() {
        return new ApiClient("http://localhost:" + port, TOKEN);
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(databaseUrl, "postgres", "");
    }

    /** Starts run {@code run} of the service (its log in target/) and waits until it is ready. */
    Process start(int run) throws IOException {
        Process process = startNoWait(run);
        ApiClient api = api();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> api.anonymous("/actuator/health/readiness").status() == 200);
        return process;
    }

    Process startNoWait(int run) throws IOException {
        String jar = System.getProperty("ledgerbridge.it.jar");
        assertThat(jar).as("the packaged jar (failsafe sets ledgerbridge.it.jar)").isNotNull();
        assertThat(new File(jar)).exists();
        Path log = Path.of("target", name + "-service-" + run + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar,
                "--server.port=" + port,
                "--ledgerbridge.kafka.topics.order-events=" + topic)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "prod");
        env.put("DATABASE_URL", databaseUrl);
        env.put("DATABASE_USERNAME", "postgres");
        env.put("DATABASE_PASSWORD", "");
        env.put("KAFKA_BROKERS", brokers);
        env.put("KAFKA_GROUP_ID", name);
        env.put("LEDGERBRIDGE_API_TOKENS", TOKEN);
        env.put("XERO_CLIENT_ID", name);
        env.put("XERO_CLIENT_SECRET", name + "-secret");
        env.put("LEDGERBRIDGE_TOKEN_KEY", LocalStackMain.LOCAL_TOKEN_KEY);
        env.put("OPS_USERNAME", "ops");
        env.put("OPS_PASSWORD", "child-ops-password");
        env.putAll(extra);
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
