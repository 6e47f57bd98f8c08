package io.ledgerbridge.xero.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Counting call starts (or arrivals) in windows of Xero's kind, [t, t + window). */
final class Windows {

    private Windows() {
    }

    /**
     * The most instants any half-open window of this length holds, wherever it starts: the busiest window
     * can always be moved to start at one of the instants, so trying each of them covers every alignment.
     */
    static int maxInAnyWindow(List<Instant> instants, Duration window) {
        List<Instant> sorted = new ArrayList<>(instants);
        sorted.sort(null);
        int max = 0;
        int end = 0;
        for (int start = 0; start < sorted.size(); start++) {
            Instant limit = sorted.get(start).plus(window);
            while (end < sorted.size() && sorted.get(end).isBefore(limit)) {
                end++;
            }
            max = Math.max(max, end - start);
        }
        return max;
    }

    /** The most instants in a window [t, t + window) for t = from, from + step, … while t is before {@code to}. */
    static int maxOnGrid(List<Instant> instants, Instant from, Instant to, Duration step, Duration window) {
        int max = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
            max = Math.max(max, count(instants, t, t.plus(window)));
        }
        return max;
    }

    /** Instants in [from, to). */
    static int count(List<Instant> instants, Instant from, Instant to) {
        int count = 0;
        for (Instant instant : instants) {
            if (!instant.isBefore(from) && instant.isBefore(to)) {
                count++;
            }
        }
        return count;
    }
}
