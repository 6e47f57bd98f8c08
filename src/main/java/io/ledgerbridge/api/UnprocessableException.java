package io.ledgerbridge.api;

import java.util.Map;

/**
 * A request that is well formed but names something the target does not accept (an account code that is not in the
 * organisation's chart): answered 422 with this title, the message as the detail, and the properties as extra members
 * of the problem, for a client to act on without parsing the detail. Features throw it rather than this package knowing
 * about them.
 */
public class UnprocessableException extends RuntimeException {

    private final String title;
    private final transient Map<String, Object> properties;

    public UnprocessableException(String title, String message, Map<String, Object> properties) {
        super(message);
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
