package io.ledgerbridge.sandbox.accounting;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Id helpers: parsing without exceptions, and stable ids for seeded data. */
final class Ids {

    static final UUID ZERO = new UUID(0, 0);

    private Ids() {
    }

    static UUID parse(String text) {
        return io.ledgerbridge.sandbox.http.Uuids.parse(text);
    }

    /** The same id for the same seeded record on every start, so demos and tests can name it. */
    static UUID stable(UUID tenantId, String kind, String key) {
        return UUID.nameUUIDFromBytes((tenantId + "/" + kind + "/" + key).getBytes(StandardCharsets.UTF_8));
    }
}
