package io.ledgerbridge.delivery.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TenantPacerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private static final Duration TICK = Duration.ofMillis(10);
    private static final PacingSettings XERO = PacingSettings.defaults();

    // --- the minute limit ---------------------------------------------------------------------------------

    @Test
    void aGreedyLaneGetsFiftyNineCallsAMinuteAndNoWindowEverHoldsMoreThanSixty() {
        FakeXero xero = new FakeXero(MINUTE, 60, T0.plusMillis(23_456), 5_000);
        TenantPacer pacer = pacer(XERO);

        Simulation.Result run = Simulation.greedy(pacer, Priority.PUSH, T0, Duration.ofMinutes(3), TICK,
                Duration.ZERO, xero::call);

        // a start every 1.02 s: 0, 1.02, …, 179.52 s
        assertThat(run.starts()).hasSize(177).startsWith(T0, T0.plusMillis(1_020), T0.plusMillis(2_040));
        assertThat(perMinute(run.starts())).containsExactly(59, 59, 59); // × 50 documents = 2,950 a minute
        assertThat(Windows.maxOnGrid(run.starts(), T0.minus(MINUTE), T0.plus(Duration.ofMinutes(3)),
                Duration.ofMillis(100), MINUTE)).isEqualTo(59);
        assertThat(Windows.maxInAnyWindow(run.starts(), MINUTE)).isEqualTo(59);
        assertThat(run.answers429()).isZero();
        assertThat(xero.throttled()).isZero();
        // Xero's last window (from 143.456 s) has counted 36 calls when the run ends
        assertThat(pacer.snapshot(T0.plus(Duration.ofMinutes(3)))).isEqualTo(
                new TenantPacer.Snapshot("tenant-a", 0, null, 5_000 - 177, 24, 0, 177));
    }

    @Test
    void xeroNeverThrottlesThePacedLaneWhereverItsWindowsAreAligned() {
        for (long alignmentMillis : new long[] {0, 1, 510, 1_019, 30_000, 59_999}) {
            FakeXero xero = new FakeXero(MINUTE, 60, T0.plusMillis(alignmentMillis), 5_000);
            Simulation.Result run = Simulation.greedy(pacer(XERO), Priority.PUSH, T0, Duration.ofMinutes(3), TICK,
                    Duration.ZERO, xero::call);
            assertThat(run.starts()).hasSize(177);
            assertThat(xero.throttled()).as("429s with windows starting at +%d ms", alignmentMillis).isZero();
        }
    }

    @Test
    void theTwoPercentMarginAbsorbsUpToOnePointTwoSecondsOfNetworkJitter() {
        List<Instant> starts = Simulation.greedy(pacer(XERO), Priority.PUSH, T0, Duration.ofMinutes(3), TICK,
                Duration.ZERO, now -> RateLimitHeaders.status(200)).starts();
        // worst case: one block of 60 calls arrives 1.2 s late, the next on time, and so on
        assertThat(Windows.maxInAnyWindow(arrivals(starts, this::worstCaseJitter), MINUTE)).isEqualTo(60);
        Random random = new Random(45);
        assertThat(Windows.maxInAnyWindow(arrivals(starts, i -> random.nextInt(1_201)), MINUTE)).isLessThanOrEqualTo(60);

        // without the margin the same jitter puts 62 calls into one of Xero's windows (a late block of 60
        // followed by two calls on time)
        PacingSettings noMargin = new PacingSettings(60, MINUTE, 5, 5_000, 10_000, 1,
                java.math.BigDecimal.ZERO, new java.math.BigDecimal("0.10"));
        List<Instant> unpaddedStarts = Simulation.greedy(pacer(noMargin), Priority.PUSH, T0, Duration.ofMinutes(3),
                TICK, Duration.ZERO, now -> RateLimitHeaders.status(200)).starts();
        assertThat(unpaddedStarts).hasSize(180);
        assertThat(Windows.maxInAnyWindow(unpaddedStarts, MINUTE)).isEqualTo(60);
        assertThat(Windows.maxInAnyWindow(arrivals(unpaddedStarts, this::worstCaseJitter), MINUTE)).isEqualTo(62);
    }

    @Test
    void aLaneThatSleepsUntilNextPermitAtNeverWakesInVainAndNeverSpins() {
        TenantPacer pacer = pacer(XERO);
        List<Instant> starts = new ArrayList<>();
        int wakeUpsInVain = 0;
        Instant now = T0;
        while (now.isBefore(T0.plus(Duration.ofMinutes(3)))) {
            var permit = pacer.tryAcquire(Priority.PUSH, now);
            if (permit.isPresent()) {
                starts.add(now);
                pacer.completed(permit.get(), now, RateLimitHeaders.status(200));
                continue;
            }
            if (!starts.isEmpty() && !starts.get(starts.size() - 1).equals(now)) {
                wakeUpsInVain++;
            }
            Instant next = pacer.nextPermitAt(Priority.PUSH, now);
            assertThat(next).isAfter(now);
            now = next;
        }
        assertThat(starts).hasSize(177);
        assertThat(starts.get(176)).isEqualTo(T0.plusMillis(176 * 1_020));
        assertThat(wakeUpsInVain).isZero();
    }

    // --- calls in flight ----------------------------------------------------------------------------------

    @Test
    void slowCallsNeverHaveMoreThanFiveInFlight() {
        // 8 s calls: five are in flight after 4.08 s; from then on a call starts as one ends (5 per 8 s)
        TenantPacer pacer = pacer(XERO);
        Simulation.Result slow = Simulation.greedy(pacer, Priority.PUSH, T0, Duration.ofMinutes(3), TICK,
                Duration.ofSeconds(8), now -> RateLimitHeaders.status(200));
        assertThat(slow.maxInFlight()).isEqualTo(5);
        assertThat(slow.starts()).hasSize(114)
                .containsSubsequence(T0.plusMillis(4_080), T0.plusMillis(8_000), T0.plusMillis(9_020));
        // at the end: the call started at 172.08 s and the four started from 176 s
        assertThat(pacer.snapshot(T0.plus(Duration.ofMinutes(3))).inFlight()).isEqualTo(5);

        // 3 s calls: the spacing already keeps it to three at once
        Simulation.Result threeSeconds = Simulation.greedy(pacer(XERO), Priority.PUSH, T0, Duration.ofMinutes(3),
                TICK, Duration.ofSeconds(3), now -> RateLimitHeaders.status(200));
        assertThat(threeSeconds.maxInFlight()).isEqualTo(3);
        assertThat(threeSeconds.starts()).hasSize(177);
    }

    @Test
    void aSlotIsFreedByCompletedOrFailedWithoutAnswerAndByNothingElse() {
        TenantPacer pacer = pacer(XERO);
        List<Permit> permits = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 5; i++, now = now.plus(XERO.tenantSpacing())) {
            permits.add(pacer.tryAcquire(Priority.PUSH, now).orElseThrow());
        }
        Instant later = now.plusSeconds(30);
        assertThat(pacer.tryAcquire(Priority.PUSH, later)).isEmpty();
        assertThat(pacer.nextPermitAt(Priority.PUSH, later)).isEqualTo(later.plusMillis(102));
        assertThat(pacer.snapshot(later).inFlight()).isEqualTo(5);

        pacer.failedWithoutAnswer(permits.get(0), later);
        Permit sixth = pacer.tryAcquire(Priority.PUSH, later).orElseThrow();
        assertThat(sixth.id()).isEqualTo(6);
        assertThat(pacer.tryAcquire(Priority.PUSH, later.plusSeconds(30))).isEmpty();
        pacer.completed(permits.get(1), later.plusSeconds(30), RateLimitHeaders.status(200));
        assertThat(pacer.tryAcquire(Priority.PUSH, later.plusSeconds(30))).isPresent();
        assertThat(pacer.snapshot(later.plusSeconds(30))).extracting(TenantPacer.Snapshot::inFlight,
                TenantPacer.Snapshot::callsStarted).containsExactly(5, 7L);

        assertThatThrownBy(() -> pacer.completed(permits.get(1), later.plusSeconds(31), RateLimitHeaders.status(200)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("handed back twice");
        assertThatThrownBy(() -> pacer.failedWithoutAnswer(permits.get(0), later.plusSeconds(31)))
                .isInstanceOf(IllegalStateException.class);
        Permit foreign = new Permit("tenant-b", permits.get(2).id(), Priority.PUSH, T0);
        assertThatThrownBy(() -> pacer.completed(foreign, later.plusSeconds(31), RateLimitHeaders.status(200)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(pacer.snapshot(later.plusSeconds(31)).inFlight()).isEqualTo(5);
    }

    // --- 429s and the minute header -----------------------------------------------------------------------

    @Test
    void a429PausesForRetryAfter() {
        TenantPacer pacer = pacer(XERO);
        Permit permit = pacer.tryAcquire(Priority.PUSH, T0).orElseThrow();
        Instant answered = T0.plusMillis(400);
        pacer.completed(permit, answered, new RateLimitHeaders(429, 0, 4_000, 9_000, Duration.ofSeconds(7),
                RateLimitProblem.MINUTE));

        assertThat(pacer.tryAcquire(Priority.PUSH, answered.plusMillis(6_999))).isEmpty();
        assertThat(pacer.nextPermitAt(Priority.PUSH, answered)).isEqualTo(answered.plusSeconds(7));
        assertThat(pacer.snapshot(answered)).isEqualTo(
                new TenantPacer.Snapshot("tenant-a", 0, answered.plusSeconds(7), 4_000, 0, 1, 1));
        assertThat(pacer.tryAcquire(Priority.PUSH, answered.plusSeconds(7))).isPresent();
        assertThat(pacer.snapshot(answered.plusSeconds(7)).pausedUntil()).isNull();
    }

    @Test
    void a429WithoutRetryAfterPausesAWholeMinute() {
        TenantPacer pacer = pacer(XERO);
        pacer.completed(pacer.tryAcquire(Priority.PUSH, T0).orElseThrow(), T0, RateLimitHeaders.status(429));
        assertThat(pacer.nextPermitAt(Priority.PUSH, T0)).isEqualTo(T0.plusSeconds(60));
        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plusMillis(59_999))).isEmpty();
        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plusSeconds(60))).isPresent();
    }

    @Test
    void aConcurrentLimit429PausesTheTenantLikeAMinuteOne() {
        TenantPacer pacer = pacer(XERO);
        pacer.completed(pacer.tryAcquire(Priority.PUSH, T0).orElseThrow(), T0,
                new RateLimitHeaders(429, 55, 4_000, 9_000, Duration.ofSeconds(2), RateLimitProblem.CONCURRENT));
        assertThat(pacer.nextPermitAt(Priority.PUSH, T0)).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void noMinuteLeftPausesForAWindowOrForRetryAfter() {
        TenantPacer pacer = pacer(XERO);
        pacer.completed(pacer.tryAcquire(Priority.PUSH, T0).orElseThrow(), T0.plusMillis(300),
                new RateLimitHeaders(200, 0, 4_000, 9_000, null, null));
        assertThat(pacer.nextPermitAt(Priority.PUSH, T0)).isEqualTo(T0.plusMillis(60_300));
        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plusMillis(60_299))).isEmpty();
        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plusMillis(60_300))).isPresent();
        assertThat(pacer.snapshot(T0.plusMillis(60_300)).throttledCount()).isZero();

        TenantPacer told = pacer(XERO);
        told.completed(told.tryAcquire(Priority.PUSH, T0).orElseThrow(), T0,
                new RateLimitHeaders(200, 0, 4_000, 9_000, Duration.ofSeconds(12), null));
        assertThat(told.nextPermitAt(Priority.PUSH, T0)).isEqualTo(T0.plusSeconds(12));
    }

    @Test
    void aShorterPauseNeverCutsALongerOneShort() {
        TenantPacer pacer = pacer(XERO);
        Permit first = pacer.tryAcquire(Priority.PUSH, T0).orElseThrow();
        Permit second = pacer.tryAcquire(Priority.PUSH, T0.plusMillis(1_020)).orElseThrow();
        pacer.completed(first, T0.plusSeconds(2), new RateLimitHeaders(429, 0, null, null, Duration.ofSeconds(30),
                RateLimitProblem.MINUTE));
        pacer.completed(second, T0.plusSeconds(3), new RateLimitHeaders(429, 0, null, null, Duration.ofSeconds(5),
                RateLimitProblem.MINUTE));
        assertThat(pacer.nextPermitAt(Priority.PUSH, T0.plusSeconds(3))).isEqualTo(T0.plusSeconds(32));
        assertThat(pacer.snapshot(T0.plusSeconds(3)).throttledCount()).isEqualTo(2);
    }

    // --- the day ------------------------------------------------------------------------------------------

    @Test
    void theDayIsCountedLocallyBetweenAnswersAndXerosFigureWins() {
        TenantPacer pacer = pacer(XERO);
        Permit a = pacer.tryAcquire(Priority.PUSH, T0).orElseThrow();
        Permit b = pacer.tryAcquire(Priority.PUSH, T0.plusMillis(1_020)).orElseThrow();
        Permit c = pacer.tryAcquire(Priority.PUSH, T0.plusMillis(2_040)).orElseThrow();
        assertThat(pacer.snapshot(T0.plusMillis(2_040)).dayRemaining()).isEqualTo(4_997);

        // Xero says 100 after b; a and c are still in flight and may not be counted yet
        pacer.completed(b, T0.plusSeconds(3), new RateLimitHeaders(200, 50, 100, 9_000, null, null));
        assertThat(pacer.snapshot(T0.plusSeconds(3)).dayRemaining()).isEqualTo(98);
        // a started before b, so its (older) figure is ignored; c's is the newest
        pacer.completed(a, T0.plusSeconds(4), new RateLimitHeaders(200, 51, 101, 9_000, null, null));
        assertThat(pacer.snapshot(T0.plusSeconds(4)).dayRemaining()).isEqualTo(98);
        pacer.completed(c, T0.plusSeconds(5), new RateLimitHeaders(200, 49, 99, 9_000, null, null));
        assertThat(pacer.snapshot(T0.plusSeconds(5)).dayRemaining()).isEqualTo(99);
    }

    @Test
    void noDayLeftStopsPushesUntilAProbeAndThenUntilXerosRetryAfter() {
        TenantPacer pacer = pacer(XERO);
        Permit last = pacer.tryAcquire(Priority.PUSH, T0).orElseThrow();
        pacer.completed(last, T0.plusSeconds(1), new RateLimitHeaders(200, 59, 0, 9_000, null, null));

        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plusSeconds(2))).isEmpty();
        assertThat(pacer.tryAcquire(Priority.PULL, T0.plusSeconds(2))).isEmpty();
        assertThat(pacer.nextPermitAt(Priority.PUSH, T0.plusSeconds(2))).isEqualTo(T0.plusSeconds(61));
        assertThat(pacer.snapshot(T0.plusSeconds(2))).isEqualTo(
                new TenantPacer.Snapshot("tenant-a", 0, T0.plusSeconds(61), 0, 59, 0, 1));
        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plusMillis(60_999))).isEmpty();

        // one push probes a minute later; Xero's day 429 says when its next day starts
        Permit probe = pacer.tryAcquire(Priority.PUSH, T0.plusSeconds(61)).orElseThrow();
        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plusSeconds(63))).isEmpty();
        pacer.completed(probe, T0.plusSeconds(62), new RateLimitHeaders(429, 60, 0, 9_000,
                Duration.ofSeconds(3_600), RateLimitProblem.DAY));
        Instant nextDay = T0.plusSeconds(3_662);
        assertThat(pacer.nextPermitAt(Priority.PUSH, T0.plusSeconds(62))).isEqualTo(nextDay);
        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plusSeconds(200))).isEmpty();
        assertThat(pacer.tryAcquire(Priority.PUSH, nextDay.minusMillis(1))).isEmpty();
        assertThat(pacer.snapshot(T0.plusSeconds(62))).isEqualTo(
                new TenantPacer.Snapshot("tenant-a", 0, nextDay, 0, 60, 1, 2));

        assertThat(pacer.tryAcquire(Priority.PULL, nextDay)).isPresent();
        assertThat(pacer.snapshot(nextDay).dayRemaining()).isEqualTo(4_999);
    }

    @Test
    void aDay429WithoutRetryAfterProbesAgainAWindowLater() {
        TenantPacer pacer = pacer(XERO);
        pacer.completed(pacer.tryAcquire(Priority.PUSH, T0).orElseThrow(), T0,
                new RateLimitHeaders(429, null, null, null, null, RateLimitProblem.DAY));
        assertThat(pacer.nextPermitAt(Priority.PUSH, T0)).isEqualTo(T0.plusSeconds(60));
        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plusSeconds(60))).isPresent();
        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plusSeconds(61))).isEmpty();
        assertThat(pacer.nextPermitAt(Priority.PUSH, T0.plusSeconds(61))).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void spendingTheLastCallLocallyStopsPushesWithoutAnyHeader() {
        TenantPacer pacer = pacer(XERO.withPerDay(3));
        for (int i = 0; i < 3; i++) {
            Instant at = T0.plusMillis(1_020L * i);
            pacer.failedWithoutAnswer(pacer.tryAcquire(Priority.PUSH, at).orElseThrow(), at);
        }
        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plusSeconds(10))).isEmpty();
        assertThat(pacer.nextPermitAt(Priority.PUSH, T0.plusSeconds(10))).isEqualTo(T0.plusMillis(62_040));
    }

    @Test
    void pullsStopAtTheReserveWhilePushesGoOn() {
        TenantPacer pacer = pacer(XERO);
        pacer.completed(pacer.tryAcquire(Priority.PUSH, T0).orElseThrow(), T0,
                new RateLimitHeaders(200, 59, 502, 9_000, null, null));
        Instant now = T0.plusSeconds(2);
        Duration spacing = XERO.tenantSpacing();
        int pulls = 0;
        while (pacer.tryAcquire(Priority.PULL, now).isPresent()) {
            pulls++;
            now = now.plus(spacing);
        }
        assertThat(pulls).isEqualTo(2);
        assertThat(pacer.snapshot(now).dayRemaining()).isEqualTo(500);
        assertThat(pacer.nextPermitAt(Priority.PULL, now)).isEqualTo(now.plusSeconds(60));
        assertThat(pacer.nextPermitAt(Priority.PUSH, now)).isEqualTo(now);
        assertThat(pacer.tryAcquire(Priority.PUSH, now)).isPresent();
        assertThat(pacer.snapshot(now).dayRemaining()).isEqualTo(499);
    }

    @Test
    void pullsLeaveTheLastSlotForAPush() {
        TenantPacer pacer = pacer(XERO);
        Instant now = T0;
        for (int i = 0; i < 4; i++, now = now.plus(XERO.tenantSpacing())) {
            assertThat(pacer.tryAcquire(Priority.PULL, now)).isPresent();
        }
        assertThat(pacer.tryAcquire(Priority.PULL, now)).isEmpty();
        assertThat(pacer.tryAcquire(Priority.PUSH, now)).isPresent();
        assertThat(pacer.snapshot(now).inFlight()).isEqualTo(5);
    }

    @Test
    void aDayWithoutAnyAnswerRestoresTheBudgetLessWhatWasStartedSince() {
        TenantPacer pacer = pacer(XERO);
        pacer.completed(pacer.tryAcquire(Priority.PUSH, T0).orElseThrow(), T0,
                new RateLimitHeaders(200, 59, 400, 9_000, null, null));
        pacer.failedWithoutAnswer(pacer.tryAcquire(Priority.PUSH, T0.plusSeconds(5)).orElseThrow(), T0.plusSeconds(6));
        assertThat(pacer.tryAcquire(Priority.PULL, T0.plus(Duration.ofHours(23)))).isEmpty();
        assertThat(pacer.snapshot(T0.plus(Duration.ofHours(23))).dayRemaining()).isEqualTo(399);

        Instant dayLater = T0.plus(Duration.ofDays(1));
        assertThat(pacer.snapshot(dayLater).dayRemaining()).isEqualTo(4_999);
        assertThat(pacer.tryAcquire(Priority.PULL, dayLater)).isPresent();
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static TenantPacer pacer(PacingSettings settings) {
        return new TenantPacer("tenant-a", settings, new AppPacer(settings));
    }

    private static List<Integer> perMinute(List<Instant> starts) {
        List<Integer> counts = new ArrayList<>();
        for (int minute = 0; minute < 3; minute++) {
            counts.add(Windows.count(starts, T0.plus(MINUTE.multipliedBy(minute)), T0.plus(MINUTE.multipliedBy(minute + 1))));
        }
        return counts;
    }

    private long worstCaseJitter(int call) {
        return (call / 60) % 2 == 0 ? 1_200 : 0;
    }

    private static List<Instant> arrivals(List<Instant> starts, java.util.function.IntToLongFunction jitterMillis) {
        List<Instant> arrivals = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            arrivals.add(starts.get(i).plusMillis(jitterMillis.applyAsLong(i)));
        }
        return arrivals;
    }
}
