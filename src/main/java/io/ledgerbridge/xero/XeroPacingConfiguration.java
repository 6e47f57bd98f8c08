package io.ledgerbridge.xero;

import io.ledgerbridge.xero.pacing.PacerRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Xero's limits as this replica applies them (ledgerbridge.xero.limits.*), and the pacers that apply them. */
@Configuration
class XeroPacingConfiguration {

    @Bean
    PacingSettings pacingSettings(
            @Value("${ledgerbridge.xero.limits.per-minute}") int perMinute,
            @Value("${ledgerbridge.xero.limits.window-seconds}") long windowSeconds,
            @Value("${ledgerbridge.xero.limits.concurrent}") int concurrent,
            @Value("${ledgerbridge.xero.limits.per-day}") int perDay,
            @Value("${ledgerbridge.xero.limits.app-per-minute}") int appPerMinute,
            @Value("${ledgerbridge.xero.limits.replicas}") int replicas,
            @Value("${ledgerbridge.xero.limits.safety-margin}") BigDecimal safetyMargin,
            @Value("${ledgerbridge.xero.limits.pull-reserve}") BigDecimal pullReserve) {
        return new PacingSettings(perMinute, Duration.ofSeconds(windowSeconds), concurrent, perDay, appPerMinute,
                replicas, safetyMargin, pullReserve);
    }

    @Bean
    PacerRegistry pacerRegistry(PacingSettings settings) {
        return new PacerRegistry(settings);
    }
}
