package io.ledgerbridge.xero.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The last {@code limit} call starts and the rule they make: a call may start when fewer than {@code limit}
 * starts happened in the last {@code span}, so once the log is full, at the oldest start + {@code span}; and not
 * before a pause ends. With a limit of 1 that is a minimum gap of {@code span} between two starts.
 * Pauses only ever grow: a shorter one never cuts a longer one short.
 *
 * <p>The log is a ring of {@code limit} longs, nanoseconds since the first start, read oldest first from
 * {@code oldest}; a slot not used yet holds {@link #NEVER}. A start given earlier than the newest one (threads
 * read the clock before they take their pacer's lock) is logged as the newest, so the ring stays sorted.
 * Not thread-safe; its owner guards it.
 */
final class StartLog {

    private static final long NEVER = Long.MIN_VALUE;

    private final long span;
    private final long[] starts;
    /** The slot of the oldest start, which the next start overwrites. */
    private int oldest;
    private Instant origin;
    private Instant pausedUntil;

    StartLog(int limit, Duration span) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.span = span.toNanos();
        this.starts = new long[limit];
        Arrays.fill(starts, NEVER);
    }

    Instant nextStartAt(Instant now) {
        Instant next = now;
        if (starts[oldest] != NEVER) {
            next = later(next, instant(starts[oldest] + span));
        }
        return pausedUntil == null ? next : later(next, pausedUntil);
    }

    void started(Instant now) {
        long newest = starts[slot(starts.length - 1)];
        starts[oldest] = Math.max(nanos(now), newest);
        oldest = slot(1);
    }

    /** How many of the logged starts (the last {@code limit}) are later than {@code after}. */
    int startsAfter(Instant after) {
        if (origin == null) {
            return 0;
        }
        long from = nanos(after);
        int count = 0;
        for (long start : starts) {
            if (start != NEVER && start > from) {
                count++;
            }
        }
        return count;
    }

    /**
     * Lets at most {@code more} further calls start before {@code until} (at most a span from now), on top of
     * the log's own rule: the newest {@code limit − more} entries, logged starts or empty slots, are moved
     * forward to no earlier than {@code until − span}, so they hold their places until {@code until}.
     * Moving the newest entries to a common floor keeps the ring sorted.
     */
    void atMost(int more, Instant until) {
        long floor = nanos(until) - span;
        for (int i = Math.max(0, more); i < starts.length; i++) {
            int slot = slot(i);
            starts[slot] = Math.max(starts[slot], floor);
        }
    }

    void pauseUntil(Instant until) {
        pausedUntil = pausedUntil == null ? until : later(pausedUntil, until);
    }

    /** The end of the current pause, or null when not paused at {@code now}. */
    Instant pausedUntil(Instant now) {
        return pausedUntil != null && pausedUntil.isAfter(now) ? pausedUntil : null;
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The slot of the i-th entry, counting from the oldest. */
    private int slot(int i) {
        return (oldest + i) % starts.length;
    }

    private long nanos(Instant instant) {
        if (origin == null) {
            origin = instant;
        }
        return Duration.between(origin, instant).toNanos();
    }

    private Instant instant(long nanos) {
        return origin.plusNanos(nanos);
    }
}
