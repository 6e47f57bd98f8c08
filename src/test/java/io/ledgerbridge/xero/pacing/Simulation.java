package io.ledgerbridge.xero.pacing;

import io.ledgerbridge.xero.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * A greedy delivery lane on a fake clock: every {@code tick} it finishes the calls that are due, then takes
 * every permit it is given. Each call reaches "Xero" when it starts (give {@code xero} a later instant to model
 * network delay) and is answered {@code callTakes} later.
 */
final class Simulation {

    record Result(List<Instant> starts, int maxInFlight, int answers429) {
    }

    private record Call(Permit permit, Instant due, RateLimitHeaders answer) {
    }

    private Simulation() {
    }

    static Result greedy(TenantPacer pacer, Priority priority, Instant from, Duration length, Duration tick,
                         Duration callTakes, Function<Instant, RateLimitHeaders> xero) {
        return greedy(pacer, priority, from, length, tick, callTakes, xero, Integer.MAX_VALUE);
    }

    /** The same lane with only {@code calls} calls to make. */
    static Result greedy(TenantPacer pacer, Priority priority, Instant from, Duration length, Duration tick,
                         Duration callTakes, Function<Instant, RateLimitHeaders> xero, int calls) {
        List<Instant> starts = new ArrayList<>();
        PriorityQueue<Call> inFlight = new PriorityQueue<>(Comparator.comparing(Call::due));
        int maxInFlight = 0;
        int answers429 = 0;
        Instant end = from.plus(length);
        for (Instant now = from; now.isBefore(end); now = now.plus(tick)) {
            while (!inFlight.isEmpty() && !inFlight.peek().due().isAfter(now)) {
                Call call = inFlight.poll();
                answers429 += call.answer().throttled() ? 1 : 0;
                pacer.completed(call.permit(), now, call.answer());
            }
            while (starts.size() < calls) {
                var permit = pacer.tryAcquire(priority, now);
                if (permit.isEmpty()) {
                    break;
                }
                starts.add(now);
                inFlight.add(new Call(permit.get(), now.plus(callTakes), xero.apply(now)));
                maxInFlight = Math.max(maxInFlight, inFlight.size());
                if (callTakes.isZero()) {
                    Call call = inFlight.poll();
                    answers429 += call.answer().throttled() ? 1 : 0;
                    pacer.completed(call.permit(), now, call.answer());
                }
            }
        }
        return new Result(starts, maxInFlight, answers429);
    }
}
