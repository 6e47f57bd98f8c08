package io.ledgerbridge.sandbox.limits;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts calls in fixed windows, per tenant and per app (FACTS §2). A tenant's counters are guarded
 * by that tenant's own monitor; the app-wide counter is lock-free. Rejected calls are not counted.
 */
public final class RateLimiter {

    /** The verdict on one call, with the remaining counts for Xero's headers. */
    public record Decision(boolean allowed, String problem, Long retryAfterSeconds, int minuteRemaining,
                           int dayRemaining, int appMinuteRemaining) {
    }

    private record Window(long index, int count) {
    }

    private static final class TenantCounters {
        long minuteWindow = -1;
        int minuteCount;
        long day = -1;
        int dayCount;
        int inFlight;
    }

    private final Clock clock;
    private volatile Limits limits = Limits.XERO;
    private final Map<UUID, TenantCounters> tenants = new ConcurrentHashMap<>();
    private final AtomicReference<Window> app = new AtomicReference<>(new Window(-1, 0));

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    public Limits limits() {
        return limits;
    }

    public void setLimits(Limits limits) {
        this.limits = limits;
    }

    /** Back to Xero's limits with every counter at zero. */
    public void reset() {
        limits = Limits.XERO;
        tenants.clear();
        app.set(new Window(-1, 0));
    }

    /** Counts one call for the tenant, or says which limit it breaks. An allowed call must be {@link #release}d. */
    public Decision acquire(UUID tenantId) {
        Limits l = limits;
        long nowMs = clock.millis();
        long windowMs = l.windowSeconds() * 1000L;
        long minuteWindow = nowMs / windowMs;
        long retryMinute = Math.max(1, ((minuteWindow + 1) * windowMs - nowMs + 999) / 1000);
        long day = nowMs / 86_400_000L;
        long retryDay = Math.max(1, ((day + 1) * 86_400_000L - nowMs + 999) / 1000);
        TenantCounters t = tenants.computeIfAbsent(tenantId, id -> new TenantCounters());
        synchronized (t) {
            if (t.minuteWindow != minuteWindow) {
                t.minuteWindow = minuteWindow;
                t.minuteCount = 0;
            }
            if (t.day != day) {
                t.day = day;
                t.dayCount = 0;
            }
            int appUsed = appCount(minuteWindow);
            int minuteLeft = l.perMinute() - t.minuteCount;
            int dayLeft = l.perDay() - t.dayCount;
            int appLeft = l.appPerMinute() - appUsed;
            if (dayLeft <= 0) {
                return reject("day", retryDay, minuteLeft, 0, appLeft);
            }
            if (minuteLeft <= 0) {
                return reject("minute", retryMinute, 0, dayLeft, appLeft);
            }
            if (t.inFlight >= l.concurrent()) {
                return reject("concurrent", null, minuteLeft, dayLeft, appLeft);
            }
            Integer appAfter = tryCountApp(minuteWindow, l.appPerMinute());
            if (appAfter == null) {
                return reject("appminute", retryMinute, minuteLeft, dayLeft, 0);
            }
            t.minuteCount++;
            t.dayCount++;
            t.inFlight++;
            return new Decision(true, null, null, minuteLeft - 1, dayLeft - 1, l.appPerMinute() - appAfter);
        }
    }

    public void release(UUID tenantId) {
        TenantCounters t = tenants.get(tenantId);
        if (t != null) {
            synchronized (t) {
                t.inFlight = Math.max(0, t.inFlight - 1);
            }
        }
    }

    private static Decision reject(String problem, Long retryAfter, int minuteLeft, int dayLeft, int appLeft) {
        return new Decision(false, problem, retryAfter, Math.max(0, minuteLeft), Math.max(0, dayLeft), Math.max(0, appLeft));
    }

    private int appCount(long window) {
        Window w = app.get();
        return w.index == window ? w.count : 0;
    }

    /** The app's count after this call, or null when the app limit is reached. */
    private Integer tryCountApp(long window, int limit) {
        while (true) {
            Window w = app.get();
            int count = w.index == window ? w.count : 0;
            if (count >= limit) {
                return null;
            }
            if (app.compareAndSet(w, new Window(window, count + 1))) {
                return count + 1;
            }
        }
    }
}
