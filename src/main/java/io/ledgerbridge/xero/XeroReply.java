package io.ledgerbridge.xero;

import java.time.Instant;

/**
 * What became of one call to Xero, as a value the decisions read: an answer, or why there is none. A call that never
 * left (the pacer, a token that could not be refreshed) is told apart from one that may have reached Xero.
 */
public sealed interface XeroReply {

    /** Xero answered 2xx. */
    record Ok(XeroResponse response) implements XeroReply {
    }

    /** Xero answered with an error; {@link XeroFailure#kind()} says which. */
    record Refused(XeroFailure failure) implements XeroReply {
    }

    /** The tenant's pacer did not let the call go before {@code notBefore}: nothing reached Xero. */
    record NotSent(Instant notBefore) implements XeroReply {
    }

    /** No answer (timeout, broken connection): for a write, Xero may have done it. */
    record NoAnswer(String error, boolean mayHaveReachedXero) implements XeroReply {
    }

    /** The grant is gone (invalid_grant on refresh): the workspace has to connect again. Nothing reached Xero. */
    record Reconnect(String reason) implements XeroReply {
    }

    /** The call could not be made for a temporary reason of ours (e.g. the token endpoint failed). Nothing was sent. */
    record Unavailable(String error) implements XeroReply {
    }
}
