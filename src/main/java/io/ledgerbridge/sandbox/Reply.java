package io.ledgerbridge.sandbox;

import io.ledgerbridge.sandbox.http.Response;

/** A response and how long to hold it back before sending (a simulated timeout). */
record Reply(Response response, long holdMs) {

    static Reply now(Response response) {
        return new Reply(response, 0);
    }
}
