package io.ledgerbridge.sandbox.accounting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What became of one element of a PUT/POST: the record as rendered, its errors and warnings. */
record ElementResult(ObjectNode record, List<String> errors, List<String> warnings) {

    boolean failed() {
        return !errors.isEmpty();
    }
}
