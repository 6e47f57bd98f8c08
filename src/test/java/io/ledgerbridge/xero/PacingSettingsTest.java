package io.ledgerbridge.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacingSettingsTest {

    @Test
    void theDefaultsAreXerosLimits() {
        PacingSettings xero = PacingSettings.defaults();
        assertThat(xero.perMinute()).isEqualTo(60);
        assertThat(xero.window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(xero.concurrent()).isEqualTo(5);
        assertThat(xero.perDay()).isEqualTo(5_000);
        assertThat(xero.appPerMinute()).isEqualTo(10_000);
        assertThat(xero.replicas()).isEqualTo(1);
        assertThat(xero.safetyMargin()).isEqualByComparingTo("0.02");
        assertThat(xero.pullReserveFraction()).isEqualByComparingTo("0.10");
    }

    @Test
    void aTenantsStretchIsTheWindowPlusTheMarginAndTheReplicasStartsAreSpacedOverIt() {
        PacingSettings xero = PacingSettings.defaults();
        assertThat(xero.paddedWindow()).isEqualTo(Duration.ofMillis(61_200));
        assertThat(xero.appSpacing()).isEqualTo(Duration.ofNanos(6_120_000));
        assertThat(xero.withReplicas(2).appSpacing()).isEqualTo(Duration.ofNanos(12_240_000));
    }

    @Test
    void stretchAndSpacingAreRoundedUpToTheNanosecondSoRoundingNeverAddsAStart() {
        PacingSettings odd = new PacingSettings(7, Duration.ofNanos(1_000_000_001), 5, 100, 7, 1,
                new BigDecimal("0.02"), new BigDecimal("0.10"));
        // 1,000,000,001 ns × 1.02 = 1,020,000,001.02 ns; divided by 7 = 145,714,285.86 ns
        assertThat(odd.paddedWindow()).isEqualTo(Duration.ofNanos(1_020_000_002));
        assertThat(odd.appSpacing()).isEqualTo(Duration.ofNanos(145_714_286));
    }

    @Test
    void replicasShareTheAppLimitEvenlyRoundedDown() {
        assertThat(PacingSettings.defaults().appPerMinutePerReplica()).isEqualTo(10_000);
        assertThat(PacingSettings.defaults().withReplicas(3).appPerMinutePerReplica()).isEqualTo(3_333);
    }

    @Test
    void pullsKeepTenPercentOfTheDayForPushes() {
        assertThat(PacingSettings.defaults().pullReserve()).isEqualTo(500);
        assertThat(PacingSettings.defaults().withPerDay(1_000).pullReserve()).isEqualTo(100);
        assertThat(PacingSettings.defaults().withPerDay(1_005).pullReserve()).isEqualTo(101);
    }

    @Test
    void nonsenseIsRefused() {
        PacingSettings xero = PacingSettings.defaults();
        assertThatThrownBy(() -> xero.withPerDay(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> xero.withReplicas(10_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10001 replicas");
        assertThatThrownBy(() -> new PacingSettings(60, Duration.ZERO, 5, 5_000, 10_000, 1, BigDecimal.ZERO,
                BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacingSettings(60, Duration.ofSeconds(60), 5, 5_000, 10_000, 1,
                new BigDecimal("-0.01"), BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacingSettings(60, Duration.ofSeconds(60), 5, 5_000, 10_000, 1,
                BigDecimal.ZERO, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    }
}
