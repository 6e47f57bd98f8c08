package io.ledgerbridge.xero.pacing;

import io.ledgerbridge.xero.Priority;
import java.time.Duration;
import java.time.Instant;

/**
 * One tenant's calls left today, as well as this replica can know it.
 *
 * <p>{@code X-DayLimit-Remaining} is the authority; between answers every start counts one call locally.
 * When an answer arrives, the other calls still in flight are subtracted from Xero's figure as well: Xero may
 * not have counted them yet, and overestimating is what would cost a 429.
 * Answers can arrive out of order, so an answer to a call that started before the one that set the current
 * figure is ignored (it describes an older state).
 *
 * <p>Xero's day windows are fixed and reset at a tenant-specific time the client is not told, except in the
 * {@code Retry-After} of a {@code day} 429. So:
 * <ul>
 *   <li>after a {@code day} 429 with {@code Retry-After}: nothing until then, then the full {@code perDay};</li>
 *   <li>when the budget reaches 0 any other way (a header saying 0, local counting, a {@code day} 429 without
 *       {@code Retry-After}): one push is let through a {@code probeInterval} later, and then at most one per
 *       {@code probeInterval}. Its answer either shows a new day's budget or is a {@code day} 429 whose
 *       {@code Retry-After} says exactly how long to wait. Waiting a whole 24 h instead could idle a tenant
 *       for most of a day after its quota had already been reset;</li>
 *   <li>with no answer for 24 h, Xero's day has certainly turned over since the last figure, so the budget
 *       goes back to {@code perDay} less the calls started since that figure (which may all fall in the new
 *       day). This keeps pulls from waiting on their reserve forever when no push brings a fresh header.</li>
 * </ul>
 * Not thread-safe: its {@link TenantPacer} guards it.
 */
final class DayBudget {

    static final Duration DAY = Duration.ofDays(1);

    private final long perDay;
    private final long pullReserve;
    private final Duration probeInterval;

    /** Calls left at {@code baseAt} (null until first used). */
    private long base;
    private Instant baseAt;
    /** The start of the call whose answer gave {@code base}, to ignore older answers. */
    private Instant baseCallStart;
    private long startedSinceBase;
    /** When Xero's next day starts, if a day 429 said so. */
    private Instant resetAt;
    /** With nothing left and no known reset: when one push may probe. */
    private Instant probeAt;

    /** Starts full: the first answer tells the truth, and the first use tells the time. */
    DayBudget(long perDay, long pullReserve, Duration probeInterval) {
        this.perDay = perDay;
        this.pullReserve = pullReserve;
        this.probeInterval = probeInterval;
        this.base = perDay;
    }

    long remaining(Instant now) {
        roll(now);
        return Math.max(0, base - startedSinceBase);
    }

    /** The earliest instant a call of this priority is within the budget; {@code now} if it is already. */
    Instant nextAllowedAt(Priority priority, Instant now) {
        long left = remaining(now);
        if (priority == Priority.PULL) {
            if (left > pullReserve) {
                return now;
            }
            // Only an answer (to a push) or the next day lifts the reserve; look again a window later.
            return resetAt != null ? resetAt : now.plus(probeInterval);
        }
        if (left > 0) {
            return now;
        }
        if (resetAt != null) {
            return resetAt;
        }
        // every way to 0 sets probeAt; should one be missed, a probe a window after the last figure is still safe
        return StartLog.later(now, probeAt != null ? probeAt : baseAt.plus(probeInterval));
    }

    void started(Instant now) {
        boolean lastOrProbe = remaining(now) <= 1;
        startedSinceBase++;
        if (lastOrProbe) {
            probeAt = now.plus(probeInterval);
        }
    }

    /** {@code X-DayLimit-Remaining} of an answer to a call started at {@code callStart}. */
    void observed(long headerRemaining, int othersInFlight, Instant callStart, Instant now) {
        if (baseCallStart != null && callStart.isBefore(baseCallStart)) {
            return;
        }
        rebase(Math.max(0, headerRemaining - othersInFlight), now);
        baseCallStart = callStart;
    }

    /** A {@code day} 429; {@code retryAfter} may be null. */
    void exhausted(Duration retryAfter, Instant callStart, Instant now) {
        rebase(0, now);
        if (baseCallStart == null || callStart.isAfter(baseCallStart)) {
            baseCallStart = callStart;
        }
        if (retryAfter != null) {
            resetAt = now.plus(retryAfter);
        }
    }

    /** When pushes may go again if the budget is spent at {@code now}; null while there is budget left. */
    Instant blockedUntil(Instant now) {
        Instant next = nextAllowedAt(Priority.PUSH, now);
        return next.isAfter(now) ? next : null;
    }

    private void roll(Instant now) {
        if (baseAt == null) {
            baseAt = now;
        } else if (resetAt != null) {
            if (!now.isBefore(resetAt)) {
                rebase(perDay, resetAt);
            }
        } else if (!now.isBefore(baseAt.plus(DAY))) {
            rebase(Math.max(0, perDay - startedSinceBase), now);
        }
    }

    private void rebase(long remaining, Instant at) {
        base = remaining;
        baseAt = at;
        startedSinceBase = 0;
        resetAt = null;
        probeAt = remaining == 0 ? at.plus(probeInterval) : null;
    }
}
