package io.ledgerbridge.sandbox.accounting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.sandbox.http.Response;
import io.ledgerbridge.sandbox.http.XeroErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the element results of one PUT/POST into Xero's answer (FACTS §3). Summarised (the default):
 * any failed element makes the call a 400 ValidationException listing the failed elements, while the
 * valid ones stay saved. With {@code summarizeErrors=false}: always 200, every element in order with
 * its own StatusAttributeString (OK, WARNING, ERROR), ValidationErrors and Warnings.
 */
final class Batch {

    private Batch() {
    }

    /**
     * @param errorFlag the element's "has errors" property: HasErrors on documents,
     *                  HasValidationErrors on contacts and payments, null where the schema has none
     */
    static Response respond(String collection, List<ElementResult> results, boolean summarize, String errorFlag,
                            Instant now) {
        if (summarize) {
            List<ObjectNode> failed = new ArrayList<>();
            for (ElementResult r : results) {
                if (r.failed()) {
                    failed.add(annotate(r, errorFlag, false));
                }
            }
            if (!failed.isEmpty()) {
                return XeroErrors.validation(failed);
            }
            List<ObjectNode> saved = results.stream().map(r -> withWarnings(r)).toList();
            return Response.json(200, Render.envelope(collection, saved, null, now));
        }
        List<ObjectNode> all = results.stream().map(r -> annotate(r, errorFlag, true)).toList();
        return Response.json(200, Render.envelope(collection, all, null, now));
    }

    private static ObjectNode withWarnings(ElementResult r) {
        ObjectNode n = r.record();
        if (!r.warnings().isEmpty()) {
            n.set("Warnings", XeroErrors.messages(r.warnings()));
        }
        return n;
    }

    private static ObjectNode annotate(ElementResult r, String errorFlag, boolean withStatus) {
        ObjectNode n = r.record();
        if (errorFlag != null) {
            n.put(errorFlag, r.failed());
        }
        if (withStatus) {
            n.put("StatusAttributeString", r.failed() ? "ERROR" : r.warnings().isEmpty() ? "OK" : "WARNING");
        }
        if (r.failed() || withStatus) {
            n.set("ValidationErrors", XeroErrors.messages(r.errors()));
        }
        if (!r.warnings().isEmpty()) {
            n.set("Warnings", XeroErrors.messages(r.warnings()));
        }
        return n;
    }
}
