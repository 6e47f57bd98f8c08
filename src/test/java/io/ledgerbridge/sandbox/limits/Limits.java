package io.ledgerbridge.sandbox.limits;

/**
 * Xero's rate limits (FACTS §2), settable so tests can run them fast: per tenant {@code perMinute} calls
 * per window of {@code windowSeconds}, {@code concurrent} calls in flight and {@code perDay} calls per UTC
 * day; per app {@code appPerMinute} calls per window.
 */
public record Limits(int perMinute, int windowSeconds, int concurrent, int perDay, int appPerMinute) {

    public static final Limits XERO = new Limits(60, 60, 5, 5000, 10_000);

    public Limits {
        if (perMinute < 1 || windowSeconds < 1 || concurrent < 1 || perDay < 1 || appPerMinute < 1) {
            throw new IllegalArgumentException("Every limit must be at least 1");
        }
    }

    /** These limits with the values that {@code update} sets (null keeps the current value). */
    public Limits with(Integer perMinute, Integer windowSeconds, Integer concurrent, Integer perDay, Integer appPerMinute) {
        return new Limits(perMinute != null ? perMinute : this.perMinute,
                windowSeconds != null ? windowSeconds : this.windowSeconds,
                concurrent != null ? concurrent : this.concurrent,
                perDay != null ? perDay : this.perDay,
                appPerMinute != null ? appPerMinute : this.appPerMinute);
    }
}
