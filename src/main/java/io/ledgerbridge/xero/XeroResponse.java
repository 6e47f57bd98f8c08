package io.ledgerbridge.xero;

import io.ledgerbridge.xero.pacing.RateLimitHeaders;

/**
 * What Xero answered: status, body and what its rate-limit headers said (FACTS.md §2), plus the raw
 * {@code Retry-After} and {@code X-Rate-Limit-Problem} for the classifier.
 */
public record XeroResponse(int status, String body, RateLimitHeaders limits, String retryAfter,
                           String rateLimitProblem) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The failure this answer stands for; only for answers that are not {@link #ok()}. */
    public XeroFailure failure() {
        return XeroErrorClassifier.classify(status, retryAfter, rateLimitProblem, body);
    }
}
