package io.ledgerbridge.sync;

import java.time.Duration;
import java.time.Instant;

/** Pure: how long a scope's cooldown still runs, and that as the whole seconds a client waits (Retry-After). */
final class Cooldown {

    private Cooldown() {
    }

    /** Zero when {@code lastRequested} is null or the cooldown is over. */
    static Duration remaining(Instant lastRequested, Duration cooldown, Instant now) {
        if (lastRequested == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, lastRequested.plus(cooldown));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Rounded up: a client that waits this many seconds is never refused again for the same cooldown. */
    static long seconds(Duration remaining) {
        long seconds = remaining.getSeconds();
        return remaining.getNano() > 0 ? seconds + 1 : seconds;
    }
}
