package io.ledgerbridge.xero.pacing;

import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.PacingSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppPacerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);
    /** An app limit of 200 a minute split between two replicas: 100 for this one, a start every 612 ms. */
    private static final PacingSettings SMALL_APP = new PacingSettings(60, MINUTE, 5, 5_000, 200, 2,
            new java.math.BigDecimal("0.02"), new java.math.BigDecimal("0.10"));

    private final AppPacer app = new AppPacer(SMALL_APP);
    private final TenantPacer a = new TenantPacer("tenant-a", SMALL_APP, app);
    private final TenantPacer b = new TenantPacer("tenant-b", SMALL_APP, app);

    @Test
    void twoGreedyTenantsTogetherStayWithinTheReplicasShare() {
        assertThat(SMALL_APP.appSpacing()).isEqualTo(Duration.ofMillis(612));
        List<Instant> startsA = new ArrayList<>();
        List<Instant> startsB = new ArrayList<>();
        Instant end = T0.plus(Duration.ofMinutes(3));
        boolean aFirst = true;
        for (Instant now = T0; now.isBefore(end); now = now.plusMillis(10), aFirst = !aFirst) {
            greedy(aFirst ? a : b, aFirst ? startsA : startsB, now);
            greedy(aFirst ? b : a, aFirst ? startsB : startsA, now);
        }
        List<Instant> all = new ArrayList<>(startsA);
        all.addAll(startsB);

        // 612 ms apart, on a 10 ms clock 620 ms: 97 in any minute, 291 in 3 minutes
        assertThat(all).hasSize(291);
        assertThat(Windows.maxInAnyWindow(all, MINUTE)).isEqualTo(97);
        assertThat(Windows.maxOnGrid(all, T0.minus(MINUTE), end, Duration.ofMillis(100), MINUTE)).isEqualTo(97);
        // Neither tenant goes past its own 60 in 61.2 s, even with the app's slots free to it. The slots go
        // first come: they fall every 62nd tick, where a always asks first, so a takes 60 per 61.2 s and b
        // the rest. (With a start per 1.02 s per tenant they used to alternate.)
        assertThat(Windows.maxInAnyWindow(startsA, SMALL_APP.paddedWindow())).isEqualTo(60);
        assertThat(Windows.maxInAnyWindow(startsB, SMALL_APP.paddedWindow())).isLessThanOrEqualTo(60);
        assertThat(startsA).hasSize(180);
        assertThat(startsB).hasSize(111);
        assertThat(app.snapshot(end).callsStarted()).isEqualTo(291);
        assertThat(a.snapshot(end).callsStarted() + b.snapshot(end).callsStarted()).isEqualTo(291);
    }

    @Test
    void nextPermitAtWaitsForTheAppsSlotToo() {
        a.tryAcquire(Priority.PUSH, T0).orElseThrow();
        assertThat(b.tryAcquire(Priority.PUSH, T0.plusMillis(611))).isEmpty();
        assertThat(b.nextPermitAt(Priority.PUSH, T0)).isEqualTo(T0.plusMillis(612));
        assertThat(b.tryAcquire(Priority.PUSH, T0.plusMillis(612))).isPresent();
    }

    @Test
    void anAppMinute429PausesEveryTenantOfTheReplica() {
        Permit permit = a.tryAcquire(Priority.PUSH, T0).orElseThrow();
        a.completed(permit, T0.plusSeconds(1), new RateLimitHeaders(429, 58, 4_000, 0, Duration.ofSeconds(9),
                RateLimitProblem.APP_MINUTE));

        Instant until = T0.plusSeconds(10);
        for (TenantPacer tenant : List.of(a, b)) {
            assertThat(tenant.tryAcquire(Priority.PUSH, until.minusMillis(1))).isEmpty();
            assertThat(tenant.nextPermitAt(Priority.PUSH, T0.plusSeconds(1))).isEqualTo(until);
            assertThat(tenant.snapshot(T0.plusSeconds(1)).pausedUntil()).isEqualTo(until);
        }
        assertThat(app.snapshot(T0.plusSeconds(1))).isEqualTo(new AppPacer.Snapshot(100, until, 0, 1, 1));
        assertThat(a.snapshot(T0.plusSeconds(1)).throttledCount()).isEqualTo(1);
        assertThat(b.tryAcquire(Priority.PUSH, until)).isPresent();
        assertThat(a.tryAcquire(Priority.PUSH, until.plusMillis(612))).isPresent();
    }

    @Test
    void noAppMinuteLeftPausesEveryTenantForAWindow() {
        a.completed(a.tryAcquire(Priority.PUSH, T0).orElseThrow(), T0.plusSeconds(1),
                new RateLimitHeaders(200, 59, 4_000, 0, null, null));
        assertThat(b.nextPermitAt(Priority.PUSH, T0.plusSeconds(1))).isEqualTo(T0.plusSeconds(61));
        assertThat(app.snapshot(T0.plusSeconds(1)).throttledCount()).isZero();
    }

    @Test
    void whenTheAppRefusesTheTenantKeepsEverything() {
        a.completed(a.tryAcquire(Priority.PUSH, T0).orElseThrow(), T0,
                new RateLimitHeaders(429, 59, 4_000, 0, Duration.ofSeconds(5), RateLimitProblem.APP_MINUTE));
        assertThat(b.tryAcquire(Priority.PUSH, T0.plusSeconds(1))).isEmpty();
        assertThat(b.snapshot(T0.plusSeconds(1))).isEqualTo(
                new TenantPacer.Snapshot("tenant-b", 0, T0.plusSeconds(5), 5_000, null, 0, 0));
        // b's log was not charged for the refused attempt: it starts the moment the app lets it
        assertThat(b.tryAcquire(Priority.PUSH, T0.plusSeconds(5))).isPresent();
        assertThat(app.snapshot(T0.plusSeconds(5)).callsStarted()).isEqualTo(2);
    }

    @Test
    void whenTheTenantRefusesTheAppSlotIsNotTaken() {
        for (int i = 0; i < 5; i++) {
            a.tryAcquire(Priority.PUSH, T0.plusMillis(612L * i)).orElseThrow();
        }
        Instant free = T0.plusMillis(612 * 5);
        for (int i = 0; i < 5; i++) {
            assertThat(a.tryAcquire(Priority.PUSH, free.plusMillis(i))).isEmpty(); // a's five slots are busy
        }
        assertThat(app.snapshot(free).callsStarted()).isEqualTo(5);
        assertThat(b.tryAcquire(Priority.PUSH, free)).isPresent();
    }

    private static void greedy(TenantPacer pacer, List<Instant> starts, Instant now) {
        for (var permit = pacer.tryAcquire(Priority.PUSH, now); permit.isPresent();
                permit = pacer.tryAcquire(Priority.PUSH, now)) {
            starts.add(now);
            pacer.completed(permit.get(), now, RateLimitHeaders.status(200));
        }
    }
}
