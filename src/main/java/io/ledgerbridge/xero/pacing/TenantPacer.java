package io.ledgerbridge.xero.pacing;

import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.PacingSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides when this replica may start a call to Xero for one tenant (organisation): at most
 * {@code perMinute} starts in any of Xero's minute windows, {@code concurrent} calls in flight, the day
 * budget, and this replica's share of the app limit ({@link AppPacer}). No HTTP here: the delivery lanes ask
 * for a {@link Permit}, make the call, and report what Xero answered.
 *
 * <h2>Why a sliding log of starts</h2>
 * Xero counts calls in fixed windows of {@code window} (60 s) whose alignment the client is not told
 * (shared/xero/FACTS.md §2). Counting our own calls in our own windows is not enough: 60 calls at the end of
 * our minute and 60 at the start of the next can fall into one of Xero's windows. What is safe whatever the
 * alignment is a rule about every stretch of time, so a call may start only while fewer than {@code perMinute}
 * calls started in the last {@code window × (1 + safetyMargin)} (61.2 s, {@link PacingSettings#paddedWindow()}).
 * The pacer keeps the last {@code perMinute} start times; once it has that many, the next start may be at
 * the oldest + 61.2 s.
 * <ul>
 *   <li>Without jitter: any {@code perMinute + 1} starts span at least 61.2 s, so no half-open window of
 *       {@code window} holds more than {@code perMinute}.</li>
 *   <li>With jitter: Xero sees a call when it arrives, not when we start it. If every call takes between d and
 *       d + J to arrive, the first and last of any {@code perMinute + 1} calls arrive at least 61.2 s − J apart,
 *       which is still at least {@code window} as long as {@code J ≤ window × safetyMargin}. With the default
 *       2 % that tolerates 1.2 s of jitter.</li>
 *   <li>Cost: 60 starts per 61.2 s, ≈ 58.8 calls a minute (≈ 2,940 documents at 50 a call, above the 2,850
 *       aimed at), the same as a start every 1.02 s would give; memory: {@code perMinute} longs per tenant.</li>
 *   <li>Gain: a tenant idle for 61.2 s may start its next calls at once, up to {@code concurrent} in flight
 *       (one app gap of 6.12 ms apart, see {@link AppPacer}). A cold tenant's first delivery pass needs 6–9
 *       calls (organisation reads, contact look-up or create, the invoice batch): ≈ 1 s instead of ≈ 9 s at
 *       one start per 1.02 s, which the fairness target (p99 ≤ 5 s from event to Xero, for every tenant)
 *       needs. The price: a busy tenant's starts come in bursts, 60 and then a wait until the oldest is 61.2 s
 *       old, so {@code X-MinLimit-Remaining} reaching 0 is normal and no reason to pause by itself (below).</li>
 * </ul>
 *
 * <h2>Adapting to Xero's answers</h2>
 * <ul>
 *   <li>A 429 pauses the tenant until now + {@code Retry-After}, or one whole {@code window} (60 s) when it is
 *       absent; a {@code day} 429 stops the day budget until {@code Retry-After} instead, and an
 *       {@code appminute} one pauses every tenant of the replica ({@link AppPacer}).</li>
 *   <li>{@code X-MinLimit-Remaining} is checked against the log: Xero's window held
 *       {@code perMinute − remaining} calls when this call arrived, and only our starts of the 61.2 s before
 *       this one can be among them. If the log holds fewer, someone else is using this tenant's minute too and
 *       the lower figure wins: at most {@code remaining} more starts, less our other calls in flight (Xero may
 *       not have counted them yet), until a window after the answer, when the window that counted the call has
 *       ended wherever it is aligned (none left: a pause, for {@code Retry-After} if given). Otherwise the log
 *       already keeps to the figure (our own burst of 60 drives it to 0). Another client's calls can hide
 *       behind ours that Xero counted in its previous window; a 429 that follows pauses as above.</li>
 *   <li>{@code X-DayLimit-Remaining} replaces the local day count (see {@code DayBudget}); when it is 0
 *       pushes stop too, until Xero's next day.</li>
 *   <li>Bulk pulls ({@link Priority#PULL}) stop when the day budget is down to
 *       {@link PacingSettings#pullReserve()}, and never take the last free in-flight slot, so a push can
 *       always start next (PRODUCT.md F45).</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * Thread-safe; every method takes the time, so tests use a fake clock. {@link #tryAcquire} checks the tenant's
 * limits first and takes the app's slot last, while holding the tenant's lock: when the app refuses, nothing
 * of the tenant's has been taken, and when it grants, nothing can refuse afterwards, so no slot leaks.
 */
public final class TenantPacer {

    private final String tenantId;
    private final AppPacer app;
    private final Duration window;
    private final Duration paddedWindow;
    private final int perMinute;
    private final int concurrent;
    /** How soon to look again when every slot is busy: a completion cannot be predicted. */
    private final Duration busyRecheck;

    private final Object lock = new Object();
    /** The last {@code perMinute} starts, and pauses. */
    private final StartLog minute;
    private final DayBudget day;
    private final Set<Long> inFlight = new HashSet<>();
    private long nextPermitId = 1;
    private Integer minuteRemaining;
    private long callsStarted;
    private long throttledCount;

    /** Normally made by {@link PacerRegistry}, which shares one {@link AppPacer} between all tenants. */
    public TenantPacer(String tenantId, PacingSettings settings, AppPacer app) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.app = Objects.requireNonNull(app, "app");
        this.window = settings.window();
        this.paddedWindow = settings.paddedWindow();
        this.perMinute = settings.perMinute();
        this.concurrent = settings.concurrent();
        this.minute = new StartLog(perMinute, paddedWindow);
        this.busyRecheck = max(paddedWindow.dividedBy(10L * perMinute), Duration.ofMillis(1));
        this.day = new DayBudget(settings.perDay(), settings.pullReserve(), window);
    }

    public String tenantId() {
        return tenantId;
    }

    /** Leave to start one call at {@code now}, or empty; then ask {@link #nextPermitAt} when to try again. */
    public Optional<Permit> tryAcquire(Priority priority, Instant now) {
        synchronized (lock) {
            if (tenantNextPermitAt(priority, now).isAfter(now) || !app.tryStart(now)) {
                return Optional.empty();
            }
            minute.started(now);
            day.started(now);
            callsStarted++;
            Permit permit = new Permit(tenantId, nextPermitId++, priority, now);
            inFlight.add(permit.id());
            return Optional.of(permit);
        }
    }

    /**
     * When {@link #tryAcquire} may succeed: {@code now} if it may already, otherwise always later than
     * {@code now}, so a scheduler that sleeps until then never spins. While every in-flight slot is busy the
     * answer is a short re-check (a tenth of the mean gap between starts at full speed, 102 ms with Xero's
     * limits), since the pacer cannot know when a call will end; a lane that has just completed a call may
     * simply ask again at once.
     * Another tenant may take the app's slot first, so this is a hint: {@link #tryAcquire} decides.
     */
    public Instant nextPermitAt(Priority priority, Instant now) {
        synchronized (lock) {
            return StartLog.later(tenantNextPermitAt(priority, now), app.nextStartAt(now));
        }
    }

    /** Xero answered the call (any status); frees its slot and learns from the headers. */
    public void completed(Permit permit, Instant now, RateLimitHeaders headers) {
        synchronized (lock) {
            release(permit);
            Duration retryAfter = headers.retryAfter();
            if (headers.minuteRemaining() != null) {
                minuteRemaining = headers.minuteRemaining();
                heedMinuteRemaining(minuteRemaining, retryAfter, permit.startedAt(), now);
            }
            if (headers.dayRemaining() != null) {
                day.observed(headers.dayRemaining(), inFlight.size(), permit.startedAt(), now);
            }
            app.answered(headers, now);
            if (headers.throttled()) {
                throttledCount++;
                RateLimitProblem problem = headers.throttledBy();
                if (problem == RateLimitProblem.DAY) {
                    day.exhausted(retryAfter, permit.startedAt(), now);
                } else if (problem != RateLimitProblem.APP_MINUTE) {
                    // minute, concurrent, or not said: this tenant waits
                    minute.pauseUntil(now.plus(retryAfter != null ? retryAfter : window));
                }
            }
        }
    }

    /**
     * No answer (timeout, broken connection): frees the slot. The start still counts against the minute and
     * the day, since Xero may well have received the call.
     */
    public void failedWithoutAnswer(Permit permit, Instant now) {
        synchronized (lock) {
            release(permit);
        }
    }

    public Snapshot snapshot(Instant now) {
        synchronized (lock) {
            Instant pausedUntil = latest(latest(minute.pausedUntil(now), day.blockedUntil(now)),
                    app.snapshot(now).pausedUntil());
            return new Snapshot(tenantId, inFlight.size(), pausedUntil, day.remaining(now), minuteRemaining,
                    throttledCount, callsStarted);
        }
    }

    /**
     * A read-only view for metrics and the API.
     *
     * @param inFlight        calls started and not yet answered or failed
     * @param pausedUntil     when pushes may start again after a 429, a spent minute or day, or an app pause;
     *                        null when not paused (waiting for the oldest of the last {@code perMinute} starts
     *                        to age is not a pause)
     * @param dayRemaining    calls left today as far as this replica knows
     * @param minuteRemaining the last {@code X-MinLimit-Remaining} seen, or null
     * @param throttledCount  429s seen for this tenant
     * @param callsStarted    permits granted
     */
    public record Snapshot(String tenantId, int inFlight, Instant pausedUntil, long dayRemaining,
                           Integer minuteRemaining, long throttledCount, long callsStarted) {
    }

    private Instant tenantNextPermitAt(Priority priority, Instant now) {
        Instant next = StartLog.later(minute.nextStartAt(now), day.nextAllowedAt(priority, now));
        if (inFlight.size() >= slots(priority)) {
            next = StartLog.later(next, now.plus(busyRecheck));
        }
        return next;
    }

    /**
     * {@code X-MinLimit-Remaining} of the answer to a call started at {@code callStart}: honoured when it is
     * lower than our own calls can explain (see the class comment), and otherwise left to the log.
     */
    private void heedMinuteRemaining(int remaining, Duration retryAfter, Instant callStart, Instant now) {
        int countedByXero = perMinute - remaining;
        if (countedByXero <= minute.startsAfter(callStart.minus(paddedWindow))) {
            return;
        }
        int more = Math.max(0, remaining - inFlight.size());
        if (more == 0) {
            minute.pauseUntil(now.plus(retryAfter != null ? retryAfter : window));
        } else {
            minute.atMost(more, now.plus(window));
        }
    }

    /** Pulls leave one slot free for pushes (when there is more than one). */
    private int slots(Priority priority) {
        return priority == Priority.PULL ? Math.max(1, concurrent - 1) : concurrent;
    }

    private void release(Permit permit) {
        if (!tenantId.equals(permit.tenantId()) || !inFlight.remove(permit.id())) {
            throw new IllegalStateException("Permit " + permit.id() + " of tenant " + permit.tenantId()
                    + " is not in flight at tenant " + tenantId + "'s pacer (handed back twice?)");
        }
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : StartLog.later(a, b);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
