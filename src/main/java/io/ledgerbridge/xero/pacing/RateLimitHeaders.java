package io.ledgerbridge.xero.pacing;

import java.time.Duration;
import java.util.function.Function;

/**
 * What one Xero answer said about the limits (shared/xero/FACTS.md §2). Every field but the status may be
 * null: the header was absent or unreadable.
 *
 * @param status             the HTTP status
 * @param minuteRemaining    {@code X-MinLimit-Remaining}: calls left in this tenant's current minute window
 * @param dayRemaining       {@code X-DayLimit-Remaining}: calls left in this tenant's day
 * @param appMinuteRemaining {@code X-AppMinLimit-Remaining}: calls left to the whole app this minute
 * @param retryAfter         {@code Retry-After}, in whole seconds as Xero sends it
 * @param problem            {@code X-Rate-Limit-Problem}
 */
public record RateLimitHeaders(int status, Integer minuteRemaining, Integer dayRemaining, Integer appMinuteRemaining,
                               Duration retryAfter, RateLimitProblem problem) {

    public static final String MIN_LIMIT_REMAINING = "X-MinLimit-Remaining";
    public static final String DAY_LIMIT_REMAINING = "X-DayLimit-Remaining";
    public static final String APP_MIN_LIMIT_REMAINING = "X-AppMinLimit-Remaining";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String RATE_LIMIT_PROBLEM = "X-Rate-Limit-Problem";

    private static final int TOO_MANY_REQUESTS = 429;

    /** An answer without any rate-limit header. */
    public static RateLimitHeaders status(int status) {
        return new RateLimitHeaders(status, null, null, null, null, null);
    }

    /**
     * Reads the headers through {@code header}, which returns a header's first value or null and should
     * ignore case as HTTP does (Camel's headers and {@code java.net.http.HttpHeaders} both do).
     * A {@code Retry-After} that is not a non-negative number of seconds (an HTTP date, say) counts as absent,
     * so the pacer falls back to its conservative default.
     */
    public static RateLimitHeaders parse(int status, Function<String, String> header) {
        Long retryAfterSeconds = number(header.apply(RETRY_AFTER));
        return new RateLimitHeaders(status,
                count(header.apply(MIN_LIMIT_REMAINING)),
                count(header.apply(DAY_LIMIT_REMAINING)),
                count(header.apply(APP_MIN_LIMIT_REMAINING)),
                retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds),
                RateLimitProblem.parse(header.apply(RATE_LIMIT_PROBLEM)));
    }

    public boolean throttled() {
        return status == TOO_MANY_REQUESTS;
    }

    /**
     * For a 429, the limit that was hit: what Xero named, or else (the header is documented but not always
     * sent) the limit whose {@code *-Remaining} header is 0, as Xero's Java SDK decides; null when unknown or
     * when this answer is not a 429.
     */
    public RateLimitProblem throttledBy() {
        if (!throttled()) {
            return null;
        }
        if (problem != null) {
            return problem;
        }
        if (isZero(dayRemaining)) {
            return RateLimitProblem.DAY;
        }
        if (isZero(appMinuteRemaining)) {
            return RateLimitProblem.APP_MINUTE;
        }
        if (isZero(minuteRemaining)) {
            return RateLimitProblem.MINUTE;
        }
        return null;
    }

    private static boolean isZero(Integer remaining) {
        return remaining != null && remaining == 0;
    }

    /** A remaining count; a negative one is read as 0 (nothing left). */
    private static Integer count(String value) {
        Long number = number(value);
        if (number == null && value != null && value.trim().matches("-\\d+")) {
            return 0;
        }
        return number == null ? null : (int) Math.min(Integer.MAX_VALUE, number);
    }

    private static Long number(String value) {
        if (value == null || !value.trim().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(value.trim());
    }
}
