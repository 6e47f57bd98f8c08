package io.ledgerbridge.delivery;

import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import io.ledgerbridge.xero.PacedXero;
import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.XeroDocument;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroReply;
import io.ledgerbridge.xero.XeroRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Before anything is sent for a document whose earlier write got no answer: is it in Xero already? One look-up per
 * collection (and per 40 contacts), by what LedgerBridge always puts on a document (its contact, its Url, its number),
 * covering every document of those contacts changed since the write; each outcome stored at once. A found document is
 * then updated, an absent one created; one the look-up could not settle is not sent in this pass.
 */
@Component
class LookupStep {

    private static final Logger log = LoggerFactory.getLogger(LookupStep.class);
    /** Pages of one look-up at most; a look-up that needs more is not complete, and proves nothing absent. */
    private static final int MAX_PAGES = 10;

    private final PacedXero xero;
    private final XeroJson xeroJson;
    private final DocumentLinks links;

    LookupStep(PacedXero xero, XeroJson xeroJson, DocumentLinks links) {
        this.xero = xero;
        this.xeroJson = xeroJson;
        this.links = links;
    }

    void run(Pass pass) {
        for (XeroEndpoint endpoint : XeroEndpoint.values()) {
            List<PassItem> unknown = pass.items.stream()
                    .filter(item -> item.due.outcomeUnknown() && item.endpoint() == endpoint && item.contactId != null)
                    .toList();
            for (int from = 0; from < unknown.size() && !pass.stopped; from += XeroEndpoint.LOOKUP_CHUNK) {
                lookUp(pass, endpoint, unknown.subList(from, Math.min(unknown.size(), from + XeroEndpoint.LOOKUP_CHUNK)));
            }
        }
    }

    private void lookUp(Pass pass, XeroEndpoint endpoint, List<PassItem> unknown) {
        Instant since = earliestWrite(unknown);
        List<XeroDocument> candidates = new ArrayList<>();
        int status = 0;
        boolean complete = false;
        for (int page = 1; page <= MAX_PAGES; page++) {
            XeroRequest request = XeroRequest.get(pass.workspaceId(), endpoint.path(), endpoint.lookupQuery(
                    unknown.stream().map(item -> item.contactId).toList(),
                    unknown.stream().map(item -> endpoint.number(item.document)).toList(), page));
            // a minute before the write, for clocks that differ: Xero compares If-Modified-Since to the second
            XeroReply reply = xero.reply(pass.connection, since == null ? request
                    : request.ifModifiedSince(since.minus(Duration.ofMinutes(1))), Priority.PUSH);
            if (!(reply instanceof XeroReply.Ok ok)) {
                List<Outcome> outcomes = unknown.stream()
                        .map(item -> outcome(item.due, DeliveryDecisions.lookupFailed(item.due, reply, pass.timing),
                                Pass.status(reply))).toList();
                pass.items.removeAll(unknown);
                pass.apply(outcomes);
                return;
            }
            status = ok.response().status();
            List<? extends XeroDocument> read = endpoint.answers(xeroJson, ok.response().body());
            candidates.addAll(read);
            if (read.size() < XeroEndpoint.PAGE_SIZE) {
                complete = true;
                break;
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (PassItem item : unknown) {
            Transition transition = complete
                    ? DeliveryDecisions.afterLookup(endpoint.identity(item.due, item.document, item.contactId,
                            links.url(item.due)), candidates)
                    : new Transition.RetryLater(pass.timing.backoff(item.due.failures()), DeliveryMessages.lookupIncomplete());
            outcomes.add(outcome(item.due, transition, status));
            if (transition instanceof Transition.Found found) {
                log.info("Document {} was already in Xero as {} after an unanswered write", item.due.documentId(), found.xeroId());
                item.due = item.due.foundInXero(found.xeroId(), found.xeroStatus());
            } else if (transition instanceof Transition.Absent) {
                item.due = item.due.absentFromXero();
            } else {
                pass.items.remove(item);
            }
        }
        pass.apply(outcomes);
    }

    /** When the earliest of these unanswered writes went; null when one of them is not known (then no bound). */
    private static Instant earliestWrite(List<PassItem> unknown) {
        Instant earliest = null;
        for (PassItem item : unknown) {
            if (item.due.unknownSince() == null) {
                return null;
            }
            Instant at = item.due.unknownSince().toInstant();
            earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
        }
        return earliest;
    }

    private static Outcome outcome(DueDocument due, Transition transition, Integer status) {
        String message = transition instanceof Transition.Found found ? "Already in Xero as " + found.xeroId() : null;
        return new Outcome(due, transition, "LOOKUP", null, status, message);
    }
}
