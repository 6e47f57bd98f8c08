package io.ledgerbridge.xero.pacing;

import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.PacingSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Threads hammering pacers on the real clock, with Xero's limits scaled down to a 100 ms window:
 * 10 starts per window per tenant, 5 in flight. Each thread holds every permit it gets for 0–100 ms
 * (busy-waiting, the clock decides) and hands it back, alternately as answered and as failed.
 */
class PacingConcurrencyTest {

    private static final Duration WINDOW = Duration.ofMillis(100);
    /** A tenant starts at most 10 calls in any 102 ms. */
    private static final Duration PADDED = Duration.ofMillis(102);
    private static final Duration RUN = Duration.ofMillis(1_200);
    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void eightThreadsOnOneTenantNeverOvershootAWindowOrTheSlots() throws Exception {
        // the app's share (a start every 102 ns) never gets in the way here
        PacerRegistry registry = new PacerRegistry(scaled(1_000_000));
        TenantPacer pacer = registry.forTenant("tenant-a");
        Load load = new Load();

        run(List.of(pacer), 8, load);

        List<Instant> starts = load.starts.get(0);
        assertThat(Windows.maxInAnyWindow(starts, WINDOW)).isLessThanOrEqualTo(10);
        assertThat(Windows.maxInAnyWindow(starts, PADDED)).isLessThanOrEqualTo(10);
        assertThat(load.maxInFlight.get()).isBetween(1, 5);
        assertThat(load.negativeInFlight.get()).isZero();
        // at most 10 starts per 102 ms is 120 in 1.2 s; the slots and a busy machine leave fewer
        assertThat(starts.size()).isBetween(20, 120);
        Instant end = CLOCK.instant();
        assertThat(pacer.snapshot(end).inFlight()).isZero();
        assertThat(pacer.snapshot(end).callsStarted()).isEqualTo(starts.size());
        assertThat(registry.app().snapshot(end).callsStarted()).isEqualTo(starts.size());
        System.out.printf("one tenant: %d starts in %d ms, at most %d in a %d ms window, at most %d in flight%n",
                starts.size(), RUN.toMillis(), Windows.maxInAnyWindow(starts, WINDOW), WINDOW.toMillis(),
                load.maxInFlight.get());
    }

    @Test
    void fourTenantsOnTwoThreadsEachStayWithinTheirShareOfTheAppLimit() throws Exception {
        // the app may start 15 per window here, far less than the tenants' 4 × 10
        PacerRegistry registry = new PacerRegistry(scaled(15));
        List<TenantPacer> tenants = List.of(registry.forTenant("tenant-a"), registry.forTenant("tenant-b"),
                registry.forTenant("tenant-c"), registry.forTenant("tenant-d"));
        Load load = new Load();

        run(tenants, 2, load);

        List<Instant> all = new ArrayList<>();
        load.starts.forEach(all::addAll);
        assertThat(Windows.maxInAnyWindow(all, WINDOW)).isLessThanOrEqualTo(15);
        assertThat(all.size()).isBetween(20, 177); // 1.2 s at one start per 6.8 ms
        assertThat(load.negativeInFlight.get()).isZero();
        Instant end = CLOCK.instant();
        assertThat(registry.app().snapshot(end).callsStarted()).isEqualTo(all.size());
        for (int i = 0; i < tenants.size(); i++) {
            assertThat(Windows.maxInAnyWindow(load.starts.get(i), PADDED)).isLessThanOrEqualTo(10);
            assertThat(tenants.get(i).snapshot(end).callsStarted()).isEqualTo(load.starts.get(i).size());
            assertThat(tenants.get(i).snapshot(end).inFlight()).isZero();
        }
        System.out.printf("four tenants: %s starts in %d ms, at most %d in a %d ms window together%n",
                load.starts.stream().map(List::size).toList(), RUN.toMillis(), Windows.maxInAnyWindow(all, WINDOW),
                WINDOW.toMillis());
    }

    private static PacingSettings scaled(int appPerWindow) {
        return new PacingSettings(10, WINDOW, 5, 1_000_000, appPerWindow, 1, new BigDecimal("0.02"),
                new BigDecimal("0.10"));
    }

    /** What the threads saw, per tenant in the order given. */
    private static final class Load {
        final List<List<Instant>> starts = new ArrayList<>();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger negativeInFlight = new AtomicInteger();
    }

    private record Held(Permit permit, Instant until) {
    }

    private static void run(List<TenantPacer> tenants, int threadsPerTenant, Load load) throws Exception {
        List<Queue<Instant>> starts = new ArrayList<>();
        List<AtomicInteger> inFlight = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            starts.add(new ConcurrentLinkedQueue<>());
            inFlight.add(new AtomicInteger());
        }
        ExecutorService threads = Executors.newFixedThreadPool(tenants.size() * threadsPerTenant);
        try {
            Instant deadline = CLOCK.instant().plus(RUN);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < tenants.size(); t++) {
                for (int i = 0; i < threadsPerTenant; i++) {
                    int tenant = t;
                    workers.add(threads.submit(() -> hammer(tenants.get(tenant), deadline, starts.get(tenant),
                            inFlight.get(tenant), load)));
                }
            }
            for (Future<?> worker : workers) {
                worker.get(10, TimeUnit.SECONDS); // rethrows what a thread threw
            }
        } finally {
            threads.shutdownNow();
        }
        for (Queue<Instant> tenantStarts : starts) {
            load.starts.add(new ArrayList<>(tenantStarts));
        }
    }

    private static void hammer(TenantPacer pacer, Instant deadline, Queue<Instant> starts, AtomicInteger inFlight,
                               Load load) {
        List<Held> held = new ArrayList<>();
        long handedBack = 0;
        for (Instant now = CLOCK.instant(); now.isBefore(deadline); now = CLOCK.instant()) {
            for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
                Held call = it.next();
                if (!call.until().isAfter(now)) {
                    it.remove();
                    handBack(pacer, call.permit(), now, handedBack++, inFlight, load);
                }
            }
            var permit = pacer.tryAcquire(Priority.PUSH, now);
            if (permit.isPresent()) {
                load.maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                starts.add(now);
                held.add(new Held(permit.get(), now.plusMillis(ThreadLocalRandom.current().nextInt(101))));
            } else {
                Thread.onSpinWait();
            }
        }
        for (Held call : held) {
            handBack(pacer, call.permit(), CLOCK.instant(), handedBack++, inFlight, load);
        }
    }

    /** The test's own count goes down before the pacer's, so it never exceeds the pacer's. */
    private static void handBack(TenantPacer pacer, Permit permit, Instant now, long nth, AtomicInteger inFlight,
                                 Load load) {
        if (inFlight.decrementAndGet() < 0) {
            load.negativeInFlight.incrementAndGet();
        }
        if (nth % 2 == 0) {
            pacer.completed(permit, now, new RateLimitHeaders(200, 5, 900_000, 10_000, null, null));
        } else {
            pacer.failedWithoutAnswer(permit, now);
        }
    }
}
