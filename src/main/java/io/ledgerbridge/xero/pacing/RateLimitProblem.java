package io.ledgerbridge.xero.pacing;

import java.util.Locale;

/** The limit a 429 names in {@code X-Rate-Limit-Problem} (shared/xero/FACTS.md §2). */
enum RateLimitProblem {
    MINUTE, DAY, APP_MINUTE, CONCURRENT;

    /**
     * Xero's header value, case-insensitively: {@code minute}, {@code day} (older documentation says
     * {@code Daily}), {@code appminute}, {@code concurrent}. Null for an absent or unknown value.
     */
    public static RateLimitProblem parse(String header) {
        if (header == null) {
            return null;
        }
        return switch (header.trim().toLowerCase(Locale.ROOT)) {
            case "minute" -> MINUTE;
            case "day", "daily" -> DAY;
            case "appminute" -> APP_MINUTE;
            case "concurrent" -> CONCURRENT;
            default -> null;
        };
    }
}
