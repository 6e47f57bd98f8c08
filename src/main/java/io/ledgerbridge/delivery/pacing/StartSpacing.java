package io.ledgerbridge.delivery.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * The earliest instant the next call may start: at least {@code spacing} after the previous start, and not
 * before a pause ends. Pauses only ever grow: a shorter one never cuts a longer one short.
 * Not thread-safe; its owner guards it.
 */
final class StartSpacing {

    private final Duration spacing;
    private Instant lastStart;
    private Instant pausedUntil;

    StartSpacing(Duration spacing) {
        this.spacing = spacing;
    }

    Instant nextStartAt(Instant now) {
        Instant next = now;
        if (lastStart != null) {
            next = later(next, lastStart.plus(spacing));
        }
        return pausedUntil == null ? next : later(next, pausedUntil);
    }

    void started(Instant now) {
        lastStart = lastStart == null ? now : later(lastStart, now);
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
}
