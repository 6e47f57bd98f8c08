package io.ledgerbridge.connection;

/** Xero's token endpoint could not refresh the token for a reason that may pass (not invalid_grant): nothing was sent. */
public class TokenUnavailableException extends RuntimeException {

    public TokenUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
