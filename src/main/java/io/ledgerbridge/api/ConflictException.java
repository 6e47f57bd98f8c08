package io.ledgerbridge.api;

/**
 * A request that cannot be done in the resource's present state: answered 409 with this title and the message, which
 * says what to do first. Features extend it rather than this package knowing about them.
 */
public class ConflictException extends RuntimeException {

    private final String title;

    public ConflictException(String title, String message) {
        super(message);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
