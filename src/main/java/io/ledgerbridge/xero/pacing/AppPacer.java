package io.ledgerbridge.xero.pacing;

import io.ledgerbridge.xero.PacingSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * The app-wide limit (10,000 calls a minute across every tenant, shared/xero/FACTS.md §2) as this replica's
 * share of it: {@link PacingSettings#appPerMinutePerReplica()}. Starts are evenly spaced,
 * {@link PacingSettings#appSpacing()} apart (6.12 ms with Xero's limits), so any share + 1 of them span at
 * least {@code window × (1 + safetyMargin)}, and {@link TenantPacer}'s argument shows that no window of
 * Xero's, wherever it falls, sees more than the share start here. Unlike a tenant's, these starts are not
 * allowed to bunch: this needs no history of 10,000 starts, and on an idle replica a tenant's five calls
 * still start within 25 ms.
 * Each of N replicas takes an even share, so together they stay within the app limit without talking to
 * each other; the price is that a replica cannot borrow an idle replica's share.
 *
 * <p>When Xero says the app is out of calls ({@code X-AppMinLimit-Remaining: 0}, or a 429 naming
 * {@code appminute}) every tenant of this replica pauses: for {@code Retry-After}, else one whole window.
 *
 * <p>There is nothing to hand back: the app limit counts starts, not calls in flight. One instance is shared
 * by every {@link TenantPacer} of the replica (see {@link PacerRegistry}). Thread-safe. A tenant pacer calls
 * in while holding its own lock; this class never calls a tenant pacer, so the locks cannot deadlock.
 */
final class AppPacer {

    private final Duration window;
    private final int perWindow;
    private final StartLog spacing;
    private Integer appMinuteRemaining;
    private long callsStarted;
    private long throttledCount;

    public AppPacer(PacingSettings settings) {
        this.window = settings.window();
        this.perWindow = settings.appPerMinutePerReplica();
        this.spacing = new StartLog(1, settings.appSpacing());
    }

    /**
     * Takes the app-wide slot for a call starting at {@code now}, or answers false and changes nothing.
     * Only {@link TenantPacer} calls this, after its own checks passed and while it holds its lock.
     */
    synchronized boolean tryStart(Instant now) {
        if (spacing.nextStartAt(now).isAfter(now)) {
            return false;
        }
        spacing.started(now);
        callsStarted++;
        return true;
    }

    /** The earliest instant the app limit lets another call start; {@code now} if it does already. */
    public synchronized Instant nextStartAt(Instant now) {
        return spacing.nextStartAt(now);
    }

    /** Learns from any answer of Xero's, for any tenant of this replica. */
    synchronized void answered(RateLimitHeaders headers, Instant now) {
        Duration retryAfter = headers.retryAfter();
        if (headers.appMinuteRemaining() != null) {
            appMinuteRemaining = headers.appMinuteRemaining();
            if (appMinuteRemaining == 0) {
                spacing.pauseUntil(now.plus(retryAfter != null ? retryAfter : window));
            }
        }
        if (headers.throttledBy() == RateLimitProblem.APP_MINUTE) {
            throttledCount++;
            spacing.pauseUntil(now.plus(retryAfter != null ? retryAfter : window));
        }
    }

    public synchronized Snapshot snapshot(Instant now) {
        return new Snapshot(perWindow, spacing.pausedUntil(now), appMinuteRemaining, callsStarted, throttledCount);
    }

    /**
     * @param perMinute          this replica's share of the app limit
     * @param pausedUntil        when every tenant of this replica may start calls again, or null if not paused
     * @param appMinuteRemaining the last {@code X-AppMinLimit-Remaining} seen, or null
     * @param callsStarted       calls started by this replica, over all tenants
     * @param throttledCount     429s naming the app limit
     */
    public record Snapshot(int perMinute, Instant pausedUntil, Integer appMinuteRemaining, long callsStarted,
                           long throttledCount) {
    }
}
