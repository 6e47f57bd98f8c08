package io.ledgerbridge.xero;

import java.time.Duration;
import java.util.List;

/**
 * How a failed call to Xero is handled, decided once from the response (or its absence):
 * <ul>
 *   <li>{@link Kind#THROTTLED}: a 429; wait {@code retryAfter} (null: Xero did not say; wait a window),
 *       nothing about the documents changes;</li>
 *   <li>{@link Kind#TOKEN_EXPIRED}: 401 TokenExpired; refresh the token once and retry;</li>
 *   <li>{@link Kind#NEEDS_RECONNECT}: the grant is gone (invalid_grant, 401/403 after a refresh); park the tenant;</li>
 *   <li>{@link Kind#TEMPORARY}: 5xx, timeouts, connection errors; retry with backoff — if the request may have
 *       reached Xero ({@code outcomeUnknown}), look the documents up before sending again;</li>
 *   <li>{@link Kind#REJECTED}: a 400 for the whole request; the documents fail with Xero's messages.</li>
 * </ul>
 */
public record XeroFailure(Kind kind, int status, String detail, Duration retryAfter, boolean outcomeUnknown,
                          List<String> messages) {

    public enum Kind { THROTTLED, TOKEN_EXPIRED, NEEDS_RECONNECT, TEMPORARY, REJECTED }

    public boolean isTemporary() {
        return kind == Kind.THROTTLED || kind == Kind.TEMPORARY || kind == Kind.TOKEN_EXPIRED;
    }
}
