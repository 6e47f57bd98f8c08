package io.ledgerbridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredSettingsTest {

    @Test
    void everyMissingOrBlankSettingIsNamedWithItsEnvironmentVariable() {
        Map<String, String> set = Map.of("spring.datasource.url", "jdbc:postgresql://db/ledgerbridge",
                "spring.datasource.username", "  ", "ledgerbridge.xero.client-id", "app");
        var missing = RequiredSettings.missing(set::get);
        assertThat(missing).containsExactly("spring.datasource.username", "camel.component.kafka.brokers",
                "ledgerbridge.api.tokens", "ledgerbridge.xero.client-secret", "ledgerbridge.xero.token-key");
        var failure = new RequiredSettings.MissingSettingsException(missing);
        assertThat(failure.getMessage()).contains("DATABASE_USERNAME, KAFKA_BROKERS, LEDGERBRIDGE_API_TOKENS");
        assertThat(failure.lines()).first().asString().isEqualTo("DATABASE_USERNAME (spring.datasource.username): the database user");
    }
}
