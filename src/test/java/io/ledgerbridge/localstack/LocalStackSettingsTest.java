package io.ledgerbridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

    @Test
    void defaultsAreTheLocalPortsOfTheContract() {
        LocalStackSettings settings = LocalStackSettings.from(key -> null);

        assertThat(settings.kafkaBootstrap()).isEqualTo("localhost:9092");
        assertThat(settings.smtpPort()).isEqualTo(3025);
        assertThat(settings.imapPort()).isEqualTo(3143);
        assertThat(settings.inboxUser()).isEqualTo("invoices@ledgerbridge.local");
        assertThat(settings.dataDirectory().isAbsolute()).isTrue();
        assertThat(settings.dataDirectory().getFileName()).hasToString("data");
        assertThat(settings.topics()).containsExactly("orders.events", "xero.sync.status", "xero.products",
                "xero.contacts", "xero.sync.dlq");
    }

    @Test
    void portZeroPicksAFreePort() {
        LocalStackSettings settings = LocalStackSettings.from(Map.of("ledgerbridge.local-stack.kafka-port", "0")::get);

        assertThat(settings.kafkaPort()).isPositive().isNotEqualTo(9092);
    }

    @Test
    void theServiceEnvironmentNamesWhatTheProductionProfileReads() {
        LocalStackSettings settings = LocalStackSettings.from(Map.of(
                "ledgerbridge.local-stack.postgres-port", "5999",
                "ledgerbridge.local-stack.postgres-database", "lb")::get);

        assertThat(settings.serviceEnvironment())
                .containsEntry("DATABASE_URL", "jdbc:postgresql://localhost:5999/lb")
                .containsEntry("KAFKA_BROKERS", "localhost:9092")
                .containsEntry("IMAP_PORT", "3143");
    }

    @Test
    void environmentVariablesUseSpringBootsNames() {
        assertThat(LocalStackMain.lookup("ledgerbridge.local-stack.no-such-key-for-this-test")).isNull();
    }
}
