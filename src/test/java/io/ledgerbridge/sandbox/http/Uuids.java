package io.ledgerbridge.sandbox.http;

import java.util.UUID;

/** Reads ids from requests without exceptions. */
public final class Uuids {

    private Uuids() {
    }

    /** The UUID in {@code text}, or null when it is absent or not a UUID. */
    public static UUID parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            return t.length() == 36 ? UUID.fromString(t) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
