package io.ledgerbridge.xero;

import io.ledgerbridge.xero.pacing.PacerRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pacers that apply Xero's limits as this replica does ({@link PacingSettings}, ledgerbridge.xero.limits.*). */
@Configuration
class XeroPacingConfiguration {

    @Bean
    PacerRegistry pacerRegistry(PacingSettings settings) {
        return new PacerRegistry(settings);
    }
}
