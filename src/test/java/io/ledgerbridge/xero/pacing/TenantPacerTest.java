package io.ledgerbridge.xero.pacing;

import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.PacingSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class TenantPacerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private static final Duration TICK = Duration.ofMillis(10);
    private static final PacingSettings XERO = PacingSettings.defaults();
    /** 61.2 s: a tenant starts at most 60 calls in any stretch this long. */
    private static final Duration PADDED = XERO.paddedWindow();
    private static final PacingSettings NO_MARGIN = new PacingSettings(60, MINUTE, 5, 5_000, 10_000, 1,
            BigDecimal.ZERO, new BigDecimal("0.10"));
    /** Where Xero's windows start, relative to the first call. */
    private static final long[] ALIGNMENTS = {0, 1, 510, 1_019, 30_000, 59_999};

    // --- the minute limit: at most 60 starts in any 61.2 s -------------------------------------------------

    @Test
    void aGreedyLaneStartsSixtyAtOnceAndThenOneAsEachOfThemTurnsSixtyOnePointTwoSecondsOld() {
        FakeXero xero = new FakeXero(MINUTE, 60, T0.plusMillis(23_456), 5_000);
        TenantPacer pacer = pacer(XERO);

        Simulation.Result run = Simulation.greedy(pacer, Priority.PUSH, T0, Duration.ofMinutes(3), TICK,
                Duration.ZERO, xero::call);

        // bursts of 60 at 0, 61.2 and 122.4 s, one per 10 ms tick (the app's share allows one per 6.12 ms)
        List<Instant> expected = new ArrayList<>();
        for (int k = 0; k < 180; k++) {
            expected.add(T0.plus(PADDED.multipliedBy(k / 60)).plus(TICK.multipliedBy(k % 60)));
        }
        assertThat(run.starts()).isEqualTo(expected);
        assertThat(perMinute(run.starts())).containsExactly(60, 60, 60);
        assertThat(Windows.maxOnGrid(run.starts(), T0.minus(MINUTE), T0.plus(Duration.ofMinutes(3)),
                Duration.ofMillis(100), MINUTE)).isEqualTo(60);
        assertThat(Windows.maxInAnyWindow(run.starts(), MINUTE)).isEqualTo(60);
        assertThat(Windows.maxInAnyWindow(run.starts(), PADDED)).isEqualTo(60);
        assertThat(run.answers429()).isZero();
        assertThat(xero.throttled()).isZero();
        // each burst filled one of Xero's windows, so the last answer said 0 left: no pause, the log governs
        assertThat(pacer.snapshot(T0.plus(Duration.ofMinutes(3)))).isEqualTo(
                new TenantPacer.Snapshot("tenant-a", 0, null, 5_000 - 180, 0, 0, 180));
        assertThat(pacer.nextPermitAt(Priority.PUSH, T0.plus(Duration.ofMinutes(3))))
                .isEqualTo(T0.plus(PADDED.multipliedBy(3)));
    }

    @Test
    void xeroNeverThrottlesThePacedLaneWhereverItsWindowsAreAligned() {
        for (long alignmentMillis : ALIGNMENTS) {
            for (Duration callTakes : List.of(Duration.ZERO, Duration.ofMillis(300), Duration.ofSeconds(1))) {
                FakeXero xero = new FakeXero(MINUTE, 60, T0.plusMillis(alignmentMillis), 5_000);
                Simulation.Result run = Simulation.greedy(pacer(XERO), Priority.PUSH, T0, Duration.ofMinutes(3),
                        TICK, callTakes, xero::call);
                String what = "windows starting at +" + alignmentMillis + " ms, calls of " + callTakes;
                assertThat(run.starts()).as(what).hasSize(180);
                assertThat(Windows.maxInAnyWindow(run.starts(), PADDED)).as(what).isEqualTo(60);
                assertThat(xero.throttled()).as("429s with " + what).isZero();
            }
        }
    }

    @Test
    void afterABurstOfSixtyTheSixtyFirstWaitsUntilTheFirstIsSixtyOnePointTwoSecondsOld() {
        // 1 s calls, 5 in flight: 60 starts in 11.04 s, all in one of Xero's windows, the last answered at
        // 12.04 s with X-MinLimit-Remaining: 0. Our own calls explain that, so it is no reason to pause.
        FakeXero xero = new FakeXero(MINUTE, 60, T0.minusSeconds(1), 5_000);
        TenantPacer pacer = pacer(XERO);
        Simulation.Result burst = Simulation.greedy(pacer, Priority.PUSH, T0, PADDED, TICK, Duration.ofSeconds(1),
                xero::call);
        assertThat(burst.starts()).hasSize(60).startsWith(T0, T0.plusMillis(10), T0.plusMillis(20),
                T0.plusMillis(30), T0.plusMillis(40), T0.plusSeconds(1)).endsWith(T0.plusMillis(11_040));
        assertThat(burst.maxInFlight()).isEqualTo(5);

        Instant waiting = T0.plusSeconds(30);
        assertThat(pacer.snapshot(waiting)).isEqualTo(
                new TenantPacer.Snapshot("tenant-a", 0, null, 4_940, 0, 0, 60));
        assertThat(pacer.nextPermitAt(Priority.PUSH, waiting)).isEqualTo(T0.plus(PADDED));
        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plus(PADDED).minusNanos(1))).isEmpty();
        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plus(PADDED))).isPresent();
        // the 62nd waits for the second start to age, and so on
        assertThat(pacer.nextPermitAt(Priority.PUSH, T0.plus(PADDED))).isEqualTo(T0.plus(PADDED).plusMillis(10));
        assertThat(xero.throttled()).isZero();
    }

    @Test
    void anIdleTenantStartsAsManyCallsAsItMayHaveInFlightAtOnce() {
        AppPacer app = new AppPacer(XERO);
        TenantPacer pacer = new TenantPacer("tenant-a", XERO, app);
        Instant now = T0;
        for (int i = 0; i < XERO.concurrent(); i++) {
            // the tenant adds no wait of its own: only the replica's share of the app limit spaces them
            Instant next = pacer.nextPermitAt(Priority.PUSH, now);
            assertThat(next).isEqualTo(app.nextStartAt(now));
            now = next;
            assertThat(pacer.tryAcquire(Priority.PUSH, now)).isPresent();
        }
        assertThat(now).isEqualTo(T0.plus(XERO.appSpacing().multipliedBy(4))); // 24.48 ms
        // the sixth waits for a slot, not for the minute
        Instant later = now.plusSeconds(1);
        assertThat(pacer.tryAcquire(Priority.PUSH, later)).isEmpty();
        assertThat(pacer.nextPermitAt(Priority.PUSH, later)).isEqualTo(later.plusMillis(102));
        assertThat(pacer.snapshot(later).pausedUntil()).isNull();
    }

    @Test
    void aColdTenantsFirstPassOfNineCallsReachesXeroWithinASecond() {
        // four organisation reads, a contact look-up and create, the invoice batch and two more: 300 ms each
        FakeXero xero = new FakeXero(MINUTE, 60, T0.plusMillis(23_456), 5_000);
        Simulation.Result pass = Simulation.greedy(pacer(XERO), Priority.PUSH, T0, Duration.ofSeconds(10), TICK,
                Duration.ofMillis(300), xero::call, 9);
        // five at once, four more as the first ones end; one start per 1.02 s would start the ninth at 8.16 s
        assertThat(pass.starts()).containsExactly(T0, T0.plusMillis(10), T0.plusMillis(20), T0.plusMillis(30),
                T0.plusMillis(40), T0.plusMillis(300), T0.plusMillis(310), T0.plusMillis(320), T0.plusMillis(330));
        assertThat(pass.maxInFlight()).isEqualTo(5);
    }

    @Test
    void aSustainedLoadStillGetsFiftyEightToFiftyNineCallsAMinute() {
        for (Duration callTakes : List.of(Duration.ZERO, Duration.ofSeconds(1))) {
            FakeXero xero = new FakeXero(MINUTE, 60, T0.plusMillis(23_456), 5_000_000);
            Simulation.Result hour = Simulation.greedy(pacer(XERO.withPerDay(5_000_000)), Priority.PUSH, T0,
                    Duration.ofHours(1), TICK, callTakes, xero::call);
            List<Instant> starts = hour.starts();

            // the first 3 minutes: the idle tenant's first 60 and two refills, never more than 60 in a minute
            List<Instant> firstThreeMinutes = starts.stream()
                    .filter(start -> start.isBefore(T0.plus(Duration.ofMinutes(3)))).toList();
            assertThat(firstThreeMinutes).as("calls of %s", callTakes).hasSize(180);
            assertThat(perMinute(firstThreeMinutes)).containsExactly(60, 60, 60);
            // from then on 60 per 61.2 s, 58.8 a minute: the m-th block of 60 starts exactly m × 61.2 s in
            for (int m = 0; m < starts.size() / 60; m++) {
                assertThat(starts.get(60 * m)).isEqualTo(T0.plus(PADDED.multipliedBy(m)));
            }
            // an hour holds 59 blocks (the last from 3,549.6 s): 3,540 calls, 59.0 a minute
            assertThat(starts).hasSize(3_540);
            assertThat(Windows.maxInAnyWindow(starts, MINUTE)).isEqualTo(60);
            assertThat(Windows.maxInAnyWindow(starts, PADDED)).isEqualTo(60);
            assertThat(xero.throttled()).isZero();
        }
    }

    @Test
    void theTwoPercentMarginAbsorbsUpToOnePointTwoSecondsOfNetworkJitter() {
        List<Instant> starts = Simulation.greedy(pacer(XERO), Priority.PUSH, T0, Duration.ofMinutes(3), TICK,
                Duration.ZERO, now -> RateLimitHeaders.status(200)).starts();
        // worst case: one burst of 60 calls arrives 1.2 s late, the next on time, and so on
        assertThat(Windows.maxInAnyWindow(arrivals(starts, TenantPacerTest::worstCaseJitter), MINUTE)).isEqualTo(60);
        Random random = new Random(45);
        assertThat(Windows.maxInAnyWindow(arrivals(starts, i -> random.nextInt(1_201)), MINUTE)).isLessThanOrEqualTo(60);

        // without the margin the late burst and the next one, 60 s after it started, share one of Xero's windows
        List<Instant> unpaddedStarts = Simulation.greedy(pacer(NO_MARGIN), Priority.PUSH, T0, Duration.ofMinutes(3),
                TICK, Duration.ZERO, now -> RateLimitHeaders.status(200)).starts();
        assertThat(unpaddedStarts).hasSize(180);
        assertThat(Windows.maxInAnyWindow(unpaddedStarts, MINUTE)).isEqualTo(60);
        assertThat(Windows.maxInAnyWindow(arrivals(unpaddedStarts, TenantPacerTest::worstCaseJitter), MINUTE))
                .isEqualTo(120);
    }

    @Test
    void jitterWithinTheMarginNeverMakesXeroThrottleWhereverItsWindowsAreAligned() {
        for (long alignmentMillis : ALIGNMENTS) {
            for (boolean worstCase : new boolean[] {true, false}) {
                Random random = new Random(alignmentMillis);
                IntToLongFunction jitter = worstCase ? TenantPacerTest::worstCaseJitter : i -> random.nextInt(1_201);
                FakeXero xero = new FakeXero(MINUTE, 60, T0.plusMillis(alignmentMillis), 5_000);
                Simulation.Result run = Simulation.greedy(pacer(XERO), Priority.PUSH, T0, Duration.ofMinutes(3),
                        TICK, Duration.ofMillis(300), arriving(xero, jitter));
                String what = (worstCase ? "worst-case" : "random") + " jitter, windows from +" + alignmentMillis
                        + " ms";
                assertThat(run.starts()).as(what).hasSize(180);
                assertThat(xero.throttled()).as("429s with " + what).isZero();
            }
        }
        // the same worst case without the margin: Xero throttles where one of its windows catches a late burst
        // and the start of the next (here with windows from +1, +510 and +1,019 ms)
        int throttledWithoutMargin = 0;
        for (long alignmentMillis : ALIGNMENTS) {
            FakeXero xero = new FakeXero(MINUTE, 60, T0.plusMillis(alignmentMillis), 5_000);
            Simulation.greedy(pacer(NO_MARGIN), Priority.PUSH, T0, Duration.ofMinutes(3), TICK,
                    Duration.ofMillis(300), arriving(xero, TenantPacerTest::worstCaseJitter));
            throttledWithoutMargin += xero.throttled();
        }
        assertThat(throttledWithoutMargin).isPositive();
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
        // three bursts of 60, one app gap (6.12 ms) apart
        assertThat(starts).hasSize(180);
        assertThat(starts.get(59)).isEqualTo(T0.plus(XERO.appSpacing().multipliedBy(59)));
        assertThat(starts.get(60)).isEqualTo(T0.plus(PADDED));
        assertThat(starts.get(179)).isEqualTo(T0.plus(PADDED.multipliedBy(2)).plus(XERO.appSpacing().multipliedBy(59)));
        assertThat(wakeUpsInVain).isZero();
    }

    // --- calls in flight ----------------------------------------------------------------------------------

    @Test
    void slowCallsNeverHaveMoreThanFiveInFlight() {
        // 8 s calls: five at once, then five more as they end, every 8 s; the minute never gets in the way
        TenantPacer pacer = pacer(XERO);
        Simulation.Result slow = Simulation.greedy(pacer, Priority.PUSH, T0, Duration.ofMinutes(3), TICK,
                Duration.ofSeconds(8), now -> RateLimitHeaders.status(200));
        assertThat(slow.maxInFlight()).isEqualTo(5);
        assertThat(slow.starts()).hasSize(115)
                .containsSubsequence(T0.plusMillis(40), T0.plusMillis(8_000), T0.plusMillis(8_010));
        // at the end: the five started from 176 s
        assertThat(pacer.snapshot(T0.plus(Duration.ofMinutes(3))).inFlight()).isEqualTo(5);

        // 3 s calls: five at a time would make 100 a minute, so the minute stops them after 60 (at 33.04 s)
        Simulation.Result threeSeconds = Simulation.greedy(pacer(XERO), Priority.PUSH, T0, Duration.ofMinutes(3),
                TICK, Duration.ofSeconds(3), now -> RateLimitHeaders.status(200));
        assertThat(threeSeconds.maxInFlight()).isEqualTo(5);
        assertThat(threeSeconds.starts()).hasSize(180);
        assertThat(threeSeconds.starts().get(59)).isEqualTo(T0.plusMillis(33_040));
        assertThat(threeSeconds.starts().get(60)).isEqualTo(T0.plus(PADDED));
    }

    @Test
    void aSlotIsFreedByCompletedOrFailedWithoutAnswerAndByNothingElse() {
        TenantPacer pacer = pacer(XERO);
        List<Permit> permits = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 5; i++, now = now.plusSeconds(1)) {
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
    void whenXeroCountsMoreThanOurCallsExplainItsLowerFigureWins() {
        TenantPacer pacer = pacer(XERO);
        Permit first = pacer.tryAcquire(Priority.PUSH, T0).orElseThrow();
        Permit second = pacer.tryAcquire(Priority.PUSH, T0.plusSeconds(1)).orElseThrow();
        // Xero's window holds 50 calls and only our two can be among them: someone else is using the minute.
        // 10 are left, less the second call, which Xero may not have counted yet.
        pacer.completed(first, T0.plusSeconds(2), new RateLimitHeaders(200, 10, 4_000, 9_000, null, null));
        Instant now = T0.plusSeconds(3);
        for (int i = 0; i < 9; i++, now = now.plusSeconds(1)) {
            pacer.completed(pacer.tryAcquire(Priority.PUSH, now).orElseThrow(), now, RateLimitHeaders.status(200));
        }
        // then nothing until a window after the answer, when the window that counted the call has ended
        assertThat(pacer.tryAcquire(Priority.PUSH, now)).isEmpty();
        assertThat(pacer.nextPermitAt(Priority.PUSH, now)).isEqualTo(T0.plusSeconds(62));
        assertThat(pacer.snapshot(now).pausedUntil()).isNull();
        assertThat(pacer.tryAcquire(Priority.PUSH, T0.plusSeconds(62))).isPresent();
        pacer.completed(second, T0.plusSeconds(62), RateLimitHeaders.status(200));

        // a figure our own calls explain changes nothing: 58 left after our two
        TenantPacer alone = pacer(XERO);
        Permit one = alone.tryAcquire(Priority.PUSH, T0).orElseThrow();
        alone.tryAcquire(Priority.PUSH, T0.plusSeconds(1)).orElseThrow();
        alone.completed(one, T0.plusSeconds(2), new RateLimitHeaders(200, 58, 4_000, 9_000, null, null));
        Instant at = T0.plusSeconds(2);
        for (int i = 0; i < 58; i++, at = at.plus(XERO.appSpacing())) {
            alone.failedWithoutAnswer(alone.tryAcquire(Priority.PUSH, at).orElseThrow(), at);
        }
        assertThat(alone.nextPermitAt(Priority.PUSH, at)).isEqualTo(T0.plus(PADDED));
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
        int pulls = 0;
        while (pacer.tryAcquire(Priority.PULL, now).isPresent()) {
            pulls++;
            now = now.plusSeconds(1);
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
        for (int i = 0; i < 4; i++, now = now.plus(XERO.appSpacing())) {
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

    /** Whole bursts of 60 alternately 1.2 s late and on time. */
    private static long worstCaseJitter(int call) {
        return (call / 60) % 2 == 0 ? 1_200 : 0;
    }

    /** Xero as a lane sees it when the n-th call arrives {@code jitterMillis.applyAsLong(n)} after its start. */
    private static Function<Instant, RateLimitHeaders> arriving(FakeXero xero, IntToLongFunction jitterMillis) {
        int[] calls = {0};
        return start -> xero.call(start.plusMillis(jitterMillis.applyAsLong(calls[0]++)));
    }

    private static List<Instant> arrivals(List<Instant> starts, IntToLongFunction jitterMillis) {
        List<Instant> arrivals = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            arrivals.add(starts.get(i).plusMillis(jitterMillis.applyAsLong(i)));
        }
        return arrivals;
    }
}
