package io.ledgerbridge.sandbox;

import io.ledgerbridge.sandbox.http.Response;

/**
 * A response, how long to hold it back before sending (a simulated timeout), and for the call log: the
 * fault that shaped it ({@code error}, {@code errorAfterWork}, {@code timeout}, or null) and whether it is
 * an Idempotency-Key replay of an earlier answer.
 */
record Reply(Response response, long holdMs, String fault, boolean replay) {

    static final String ERROR = "error";
    static final String ERROR_AFTER_WORK = "errorAfterWork";
    static final String TIMEOUT = "timeout";

    static Reply now(Response response) {
        return new Reply(response, 0, null, false);
    }
}
