package io.ledgerbridge.xero.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Xero's per-tenant minute limit as Xero counts it: fixed windows starting at {@code alignment} (which the
 * pacer is not told), answering with X-MinLimit-Remaining / X-DayLimit-Remaining, or a 429 naming
 * {@code minute} with Retry-After up to the window's end once a window is full.
 */
final class FakeXero {

    private final Duration window;
    private final int perWindow;
    private final Instant alignment;
    private final Map<Long, Integer> counts = new HashMap<>();
    private int dayRemaining;
    private int throttled;

    FakeXero(Duration window, int perWindow, Instant alignment, int perDay) {
        this.window = window;
        this.perWindow = perWindow;
        this.alignment = alignment;
        this.dayRemaining = perDay;
    }

    /** A call arriving at {@code arrival}: what Xero answers. */
    RateLimitHeaders call(Instant arrival) {
        long index = Math.floorDiv(Duration.between(alignment, arrival).toNanos(), window.toNanos());
        int used = counts.getOrDefault(index, 0);
        if (used >= perWindow) {
            throttled++;
            Instant windowEnd = alignment.plus(window.multipliedBy(index + 1));
            long seconds = Math.max(1, (Duration.between(arrival, windowEnd).toMillis() + 999) / 1000);
            return new RateLimitHeaders(429, 0, dayRemaining, 9_000, Duration.ofSeconds(seconds),
                    RateLimitProblem.MINUTE);
        }
        counts.put(index, used + 1);
        dayRemaining--;
        return new RateLimitHeaders(200, perWindow - used - 1, dayRemaining, 9_000, null, null);
    }

    int throttled() {
        return throttled;
    }
}
