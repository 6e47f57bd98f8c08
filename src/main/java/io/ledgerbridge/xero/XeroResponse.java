package io.ledgerbridge.xero;

/**
 * What Xero answered: status, body and the rate-limit headers every answer carries (FACTS.md §2).
 * A remaining-count Xero did not send is -1.
 */
public record XeroResponse(int status, String body, int minuteRemaining, int dayRemaining, int appMinuteRemaining,
                           String retryAfter, String rateLimitProblem) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The failure this answer stands for; only for answers that are not {@link #ok()}. */
    public XeroFailure failure() {
        return XeroErrorClassifier.classify(status, retryAfter, rateLimitProblem, body);
    }
}
