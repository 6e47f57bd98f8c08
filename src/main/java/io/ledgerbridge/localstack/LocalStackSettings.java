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
        String inboxPassword) {

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
                orDefault(get.apply("inbox-password"), "invoices"));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + postgresPort + "/" + postgresDatabase;
    }

    public String kafkaBootstrap() {
        return host + ":" + kafkaPort;
    }

    /** The properties that point the service at this stack, as the production profile would name them. */
    public Map<String, Object> serviceProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "camel.component.kafka.brokers", kafkaBootstrap(),
                "ledgerbridge.mail.imap-host", host,
                "ledgerbridge.mail.imap-port", imapPort,
                "ledgerbridge.mail.smtp-host", host,
                "ledgerbridge.mail.smtp-port", smtpPort,
                "ledgerbridge.mail.username", inboxUser,
                "ledgerbridge.mail.password", inboxPassword);
    }

    /** The same, as environment variables for a service started with the production profile. */
    public Map<String, String> serviceEnvironment() {
        return Map.of(
                "DATABASE_URL", jdbcUrl(),
                "DATABASE_USERNAME", "postgres",
                "DATABASE_PASSWORD", "",
                "KAFKA_BROKERS", kafkaBootstrap(),
                "IMAP_HOST", host,
                "IMAP_PORT", String.valueOf(imapPort),
                "SMTP_HOST", host,
                "SMTP_PORT", String.valueOf(smtpPort),
                "MAIL_USERNAME", inboxUser,
                "MAIL_PASSWORD", inboxPassword);
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
