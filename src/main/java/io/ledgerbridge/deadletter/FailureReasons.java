package io.ledgerbridge.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.networknt.schema.ValidationMessage;
import io.ledgerbridge.support.PermanentFailureException;
import java.util.stream.Collectors;
import org.apache.camel.component.jsonvalidator.JsonValidationException;

/** Turns a failure into the sentence a person reads in the dead letter: what is wrong and what to do. */
public final class FailureReasons {

    static final String SCHEMA = "config/schemas/order-event.schema.json";

    private FailureReasons() {
    }

    public static String describe(Throwable failure, int attempts) {
        if (failure == null) {
            return "The message failed without an error being recorded (after " + attempts + " attempt(s)).";
        }
        JsonProcessingException notJson = find(failure, JsonProcessingException.class);
        JsonValidationException invalid = find(failure, JsonValidationException.class);
        if (invalid != null && invalid.getNumberOfErrors() > 0) {
            String errors = invalid.getErrors().stream()
                    .map(ValidationMessage::getMessage)
                    .sorted()
                    .collect(Collectors.joining("; "));
            return "The event breaks the order event contract (" + SCHEMA + "): " + errors
                    + ". Fix the event at its producer and send it again.";
        }
        if (notJson != null) {
            return "The message is not JSON (" + notJson.getOriginalMessage() + "). orders.events takes CloudEvents 1.0"
                    + " in structured JSON mode; see " + SCHEMA + ".";
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
