package io.ledgerbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CooldownTest {

    private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");

    @Test
    void nothingAskedForYetHasNoCooldown() {
        assertThat(Cooldown.remaining(null, Duration.ofSeconds(60), NOW)).isZero();
    }

    @Test
    void whatIsLeftOfTheCooldownSinceTheLastRequest() {
        assertThat(Cooldown.remaining(NOW.minusSeconds(20), Duration.ofSeconds(60), NOW)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void overAtItsEndAndAfter() {
        assertThat(Cooldown.remaining(NOW.minusSeconds(5), Duration.ofSeconds(5), NOW)).isZero();
        assertThat(Cooldown.remaining(NOW.minusSeconds(50), Duration.ofSeconds(5), NOW)).isZero();
    }

    @Test
    void secondsAreRoundedUpSoAClientThatWaitsThemIsNotRefusedAgain() {
        assertThat(Cooldown.seconds(Duration.ofMillis(4001))).isEqualTo(5);
        assertThat(Cooldown.seconds(Duration.ofSeconds(4))).isEqualTo(4);
        assertThat(Cooldown.seconds(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(Cooldown.seconds(Duration.ZERO)).isZero();
    }

    @Test
    void theScopesAndTheirCooldownsAreTheIssuesAndTheirPathsTheApis() {
        assertThat(SyncScope.ofPath("contacts")).contains(SyncScope.CONTACTS);
        assertThat(SyncScope.ofPath("Tax-Rates")).contains(SyncScope.TAX_RATES);
        assertThat(SyncScope.ofPath("invoices")).isEmpty();
        assertThat(SyncScope.ofPath(null)).isEmpty();
        assertThat(SyncScope.CONTACTS.cooldown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(SyncScope.ITEMS.cooldown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(SyncScope.TAX_RATES.cooldown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(SyncScope.INVOICE_PUSH.cooldown()).isEqualTo(Duration.ofSeconds(5));
        assertThat(SyncScope.INVOICE_PULL.cooldown()).isEqualTo(Duration.ofSeconds(10));
    }
}
