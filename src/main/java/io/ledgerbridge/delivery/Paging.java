package io.ledgerbridge.delivery;

/** The {@code limit} and {@code offset} of the API's lists (documents, payouts), checked the same way for each. */
final class Paging {

    private Paging() {
    }

    /** @throws IllegalArgumentException (a 400) outside 1..1000, or a negative offset */
    static void check(int limit, int offset) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new IllegalArgumentException("limit must be between 1 and 1000 and offset at least 0.");
        }
    }
}
