package io.ledgerbridge.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where and how the embedded stack runs. Read from the Spring environment (local profile) or from
 * system properties and environment variables ({@link LocalStackMain}), with the same keys.
 */
public record LocalStackSettings(
        Path dataDirectory,
        boolean wipe,
        String host,
        int postgresPort,
        String postgresDatabase,
        int kafkaPort,
        int kafkaControllerPort,
        int kafkaPartitions,
        List<String> topics,
        int smtpPort,
        int imapPort,
        String inboxUser,
        String inboxPassword,
        boolean xeroSandbox,
        int xeroSandboxPort,
        int xeroSandboxWindowSeconds) {

    public static final String PREFIX = "ledgerbridge.local-stack.";

    /** The topics of CONTRACTS.md; created on start when missing. */
    public static final List<String> DEFAULT_TOPICS =
            List.of("orders.events", "xero.sync.status", "xero.products", "xero.contacts", "xero.sync.dlq");

    /** Reads every setting through {@code lookup} (a key under {@link #PREFIX} to its value, or null). */
    public static LocalStackSettings from(Function<String, String> lookup) {
        Function<String, String> get = key -> lookup.apply(PREFIX + key);
        return new LocalStackSettings(
                Path.of(orDefault(get.apply("data-directory"), "./data")).toAbsolutePath().normalize(),
                Boolean.parseBoolean(orDefault(get.apply("wipe"), "false")),
                orDefault(get.apply("host"), "localhost"),
                port(get.apply("postgres-port"), 15432),
                orDefault(get.apply("postgres-database"), "ledgerbridge"),
                port(get.apply("kafka-port"), 9092),
                port(get.apply("kafka-controller-port"), 9093),
                Integer.parseInt(orDefault(get.apply("kafka-partitions"), "3")),
                DEFAULT_TOPICS,
                port(get.apply("smtp-port"), 3025),
                port(get.apply("imap-port"), 3143),
                orDefault(get.apply("inbox-user"), "invoices@ledgerbridge.local"),
                orDefault(get.apply("inbox-password"), "invoices"),
                Boolean.parseBoolean(orDefault(get.apply("xero-sandbox"), "true")),
                port(get.apply("xero-sandbox-port"), 8089),
                // Tests scale Xero's minute down (with ledgerbridge.xero.limits.window-seconds to match).
                Integer.parseInt(orDefault(get.apply("xero-sandbox-window-seconds"), "60")));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + postgresPort + "/" + postgresDatabase;
    }

    public String kafkaBootstrap() {
        return host + ":" + kafkaPort;
    }

    /** The sandbox's base URL, e.g. {@code http://localhost:8089}. */
    public String xeroSandboxUrl() {
        return "http://" + host + ":" + xeroSandboxPort;
    }

    /** The properties that point the service at this stack, as the production profile would name them. */
    public Map<String, Object> serviceProperties() {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        serviceEnvironment().forEach((variable, value) -> properties.put(PROPERTY_OF.get(variable), value));
        return properties;
    }

    /** Each environment variable of {@link #serviceEnvironment()} and the property it sets. */
    private static final Map<String, String> PROPERTY_OF = Map.ofEntries(
            Map.entry("DATABASE_URL", "spring.datasource.url"),
            Map.entry("DATABASE_USERNAME", "spring.datasource.username"),
            Map.entry("DATABASE_PASSWORD", "spring.datasource.password"),
            Map.entry("KAFKA_BROKERS", "camel.component.kafka.brokers"),
            Map.entry("IMAP_HOST", "ledgerbridge.mail.imap-host"),
            Map.entry("IMAP_PORT", "ledgerbridge.mail.imap-port"),
            Map.entry("SMTP_HOST", "ledgerbridge.mail.smtp-host"),
            Map.entry("SMTP_PORT", "ledgerbridge.mail.smtp-port"),
            Map.entry("MAIL_USERNAME", "ledgerbridge.mail.username"),
            Map.entry("MAIL_PASSWORD", "ledgerbridge.mail.password"),
            Map.entry("XERO_API_URL", "ledgerbridge.xero.api-url"),
            Map.entry("XERO_IDENTITY_URL", "ledgerbridge.xero.identity-url"),
            Map.entry("XERO_LOGIN_URL", "ledgerbridge.xero.login-url"),
            Map.entry("XERO_CONNECTIONS_URL", "ledgerbridge.xero.connections-url"),
            Map.entry("LEDGERBRIDGE_DEMO_CONNECTIONS_FROM", "ledgerbridge.demo-connections-from"));

    /** The environment a service started with the production profile needs to run against this stack. */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        environment.put("DATABASE_URL", jdbcUrl());
        environment.put("DATABASE_USERNAME", "postgres");
        environment.put("DATABASE_PASSWORD", "");
        environment.put("KAFKA_BROKERS", kafkaBootstrap());
        environment.put("IMAP_HOST", host);
        environment.put("IMAP_PORT", String.valueOf(imapPort));
        environment.put("SMTP_HOST", host);
        environment.put("SMTP_PORT", String.valueOf(smtpPort));
        environment.put("MAIL_USERNAME", inboxUser);
        environment.put("MAIL_PASSWORD", inboxPassword);
        if (xeroSandbox) {
            environment.put("XERO_API_URL", xeroSandboxUrl() + "/api.xro/2.0");
            environment.put("XERO_IDENTITY_URL", xeroSandboxUrl() + "/identity");
            environment.put("XERO_LOGIN_URL", xeroSandboxUrl());
            environment.put("XERO_CONNECTIONS_URL", xeroSandboxUrl() + "/connections");
            environment.put("LEDGERBRIDGE_DEMO_CONNECTIONS_FROM", xeroSandboxUrl());
        }
        return environment;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Port 0 means "any free port", which the tests use to run beside a developer's stack. */
    private static int port(String value, int fallback) {
        int port = Integer.parseInt(orDefault(value, String.valueOf(fallback)));
        return port == 0 ? FreePorts.next() : port;
    }
}
