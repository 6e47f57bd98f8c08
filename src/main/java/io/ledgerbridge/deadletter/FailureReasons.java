package io.ledgerbridge.deadletter;

import io.ledgerbridge.support.PermanentFailureException;

/** Turns a failure into the sentence a person reads in the dead letter: what is wrong and what to do. */
public final class FailureReasons {

    private FailureReasons() {
    }

    public static String describe(Throwable failure, int attempts) {
        if (failure == null) {
            return "The message failed without an error being recorded (after " + attempts + " attempt(s)).";
        }
        PermanentFailureException permanent = find(failure, PermanentFailureException.class);
        if (permanent != null) {
            return permanent.getMessage();
        }
        return "Could not be processed after " + attempts + " attempt(s): " + failure.getClass().getSimpleName()
                + ": " + failure.getMessage();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
