package io.ledgerbridge.xero;

import io.ledgerbridge.xero.pacing.TenantPacer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.convert.DurationUnit;

/**
 * Xero's rate limits as this replica applies them (shared/xero/FACTS.md §2, PRODUCT.md F45).
 * <p>
 * Bound from {@code ledgerbridge.xero.limits.*} (config/application.yaml holds the values and says why): each key is
 * its component's name, but for {@code window-seconds} (the window, a plain number in seconds) and
 * {@code pull-reserve} (the fraction; {@link #pullReserve()} is the number of calls it keeps). The checks below run
 * as it is bound, so a bad value stops the start with their message, under {@code ledgerbridge.xero.limits}.
 *
 * @param perMinute           calls one tenant may start in one of Xero's fixed windows (60)
 * @param window              the length of those windows (60 s); Xero does not tell where they start
 * @param concurrent          calls one tenant may have in flight (5)
 * @param perDay              calls one tenant may make a day (5,000; 1,000 on Xero's Starter tier)
 * @param appPerMinute        calls the whole app may start per window across every tenant (10,000)
 * @param replicas            how many replicas share {@code appPerMinute}; each takes an even share,
 *                            {@code appPerMinute / replicas} rounded down, so together they never exceed it
 *                            (ARCHITECTURE.md "Scale past one machine" allows this instead of a shared counter)
 * @param safetyMargin        how much longer than {@code window} the stretch is in which one tenant starts at
 *                            most {@code perMinute} calls (and this replica its share of {@code appPerMinute}),
 *                            as a ratio (0.02 = 2 %: 61.2 s); it absorbs network jitter, see {@link TenantPacer}
 * @param pullReserveFraction the share of {@code perDay} kept for pushes: bulk pulls stop when no more than
 *                            this is left (0.10 = the last 500 of 5,000 calls are for documents only)
 */
@ConfigurationProperties("ledgerbridge.xero.limits")
public record PacingSettings(int perMinute,
                             @Name("window-seconds") @DurationUnit(ChronoUnit.SECONDS) Duration window,
                             int concurrent, int perDay, int appPerMinute, int replicas, BigDecimal safetyMargin,
                             @Name("pull-reserve") BigDecimal pullReserveFraction) {

    /** Far above Xero's 60; enough to take the limit out of the way (benchmarks) without a huge log per tenant. */
    public static final int MAX_PER_MINUTE = 100_000;

    public PacingSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(safetyMargin, "safetyMargin");
        Objects.requireNonNull(pullReserveFraction, "pullReserveFraction");
        requirePositive(perMinute, "perMinute");
        if (perMinute > MAX_PER_MINUTE) {
            // each tenant keeps a log of its last perMinute starts; Xero's limit is 60
            throw new IllegalArgumentException("perMinute must be at most " + MAX_PER_MINUTE + ", was " + perMinute);
        }
        requirePositive(concurrent, "concurrent");
        requirePositive(perDay, "perDay");
        requirePositive(replicas, "replicas");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        if (appPerMinute < replicas) {
            throw new IllegalArgumentException("appPerMinute (" + appPerMinute + ") must give each of the "
                    + replicas + " replicas at least one call per window");
        }
        if (safetyMargin.signum() < 0 || safetyMargin.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("safetyMargin must be in [0, 1), was " + safetyMargin);
        }
        if (pullReserveFraction.signum() < 0 || pullReserveFraction.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("pullReserveFraction must be in [0, 1), was " + pullReserveFraction);
        }
    }

    /** Xero's published limits for one replica: 60 a minute, 5 at once, 5,000 a day, 10,000 a minute per app. */
    public static PacingSettings defaults() {
        return new PacingSettings(60, Duration.ofSeconds(60), 5, 5_000, 10_000, 1,
                new BigDecimal("0.02"), new BigDecimal("0.10"));
    }

    /** The same limits with another day quota, for example 1,000 on Xero's Starter tier. */
    public PacingSettings withPerDay(int newPerDay) {
        return new PacingSettings(perMinute, window, concurrent, newPerDay, appPerMinute, replicas, safetyMargin,
                pullReserveFraction);
    }

    /** The same limits shared by another number of replicas. */
    public PacingSettings withReplicas(int newReplicas) {
        return new PacingSettings(perMinute, window, concurrent, perDay, appPerMinute, newReplicas, safetyMargin,
                pullReserveFraction);
    }

    /**
     * {@code window × (1 + safetyMargin)}, 61.2 s with Xero's limits: one tenant starts at most {@code perMinute}
     * calls in any stretch of this length (see {@link TenantPacer}). Rounded up to the nanosecond.
     */
    public Duration paddedWindow() {
        return paddedWindowOver(1);
    }

    /** This replica's even share of the app-wide limit, rounded down. */
    public int appPerMinutePerReplica() {
        return appPerMinute / replicas;
    }

    /**
     * The smallest gap between two call starts of this replica, over all tenants:
     * {@code paddedWindow / appPerMinutePerReplica}, rounded up to the nanosecond.
     */
    public Duration appSpacing() {
        return paddedWindowOver(appPerMinutePerReplica());
    }

    /** Calls a day kept for pushes: a bulk pull gets a permit only while more than this is left (rounded up). */
    public long pullReserve() {
        return BigDecimal.valueOf(perDay).multiply(pullReserveFraction).setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }

    /** {@code window × (1 + safetyMargin) / parts}, rounded up so that rounding never lets one more start in. */
    private Duration paddedWindowOver(int parts) {
        BigDecimal nanos = BigDecimal.valueOf(window.toNanos())
                .multiply(BigDecimal.ONE.add(safetyMargin))
                .divide(BigDecimal.valueOf(parts), 0, RoundingMode.CEILING);
        return Duration.ofNanos(nanos.longValueExact());
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
