package io.ledgerbridge.support;

/**
 * A failure that no retry can fix: the message goes straight to the dead letter with this message as
 * the reason, so it must say in plain words what is wrong and what to do.
 */
public class PermanentFailureException extends RuntimeException {

    public PermanentFailureException(String message) {
        super(message);
    }

    public PermanentFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
