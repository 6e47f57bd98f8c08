package io.ledgerbridge.deadletter;

import io.ledgerbridge.support.PermanentFailureException;

/** Turns a failure into the sentence a person reads in the dead letter: what is wrong and what to do. */
final class FailureReasons {

    /**
     * The longest reason stored or published: enough for twenty schema problems, and a dead letter's size no
     * longer depends on what the failed message made its failure say.
     */
    public static final int MAX_LENGTH = 2_000;
    private static final int ROOM_FOR_THE_CUT = 48;

    private FailureReasons() {
    }

    /** @return at most {@link #MAX_LENGTH} characters */
    public static String describe(Throwable failure, int attempts) {
        if (failure == null) {
            return "The message failed without an error being recorded (after " + attempts + " attempt(s)).";
        }
        PermanentFailureException permanent = find(failure, PermanentFailureException.class);
        if (permanent != null) {
            return bounded(permanent.getMessage());
        }
        return bounded("Could not be processed after " + attempts + " attempt(s): " + failure.getClass().getSimpleName()
                + ": " + failure.getMessage());
    }

    /** The text itself when it fits in {@link #MAX_LENGTH} characters, else its start and how much was cut. */
    static String bounded(String reason) {
        if (reason == null || reason.length() <= MAX_LENGTH) {
            return reason;
        }
        int keep = MAX_LENGTH - ROOM_FOR_THE_CUT;
        if (Character.isHighSurrogate(reason.charAt(keep - 1))) {
            keep--;
        }
        return reason.substring(0, keep) + "… (" + String.format("%,d", reason.length() - keep) + " characters more)";
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
