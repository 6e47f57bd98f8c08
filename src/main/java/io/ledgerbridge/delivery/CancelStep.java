package io.ledgerbridge.delivery;

import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import io.ledgerbridge.xero.PacedXero;
import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.XeroCreditNote;
import io.ledgerbridge.xero.XeroDocument;
import io.ledgerbridge.xero.XeroInvoice;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroReply;
import io.ledgerbridge.xero.XeroRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A cancel voids an approved document and deletes a draft (FACTS.md §5), by the status Xero holds now, not the one
 * LedgerBridge saw last: one read per collection for every document to cancel, then the cancel is built for sending,
 * or the document is settled (already voided, paid, gone).
 */
@Component
class CancelStep {

    private final PacedXero xero;
    private final XeroJson xeroJson;

    CancelStep(PacedXero xero, XeroJson xeroJson) {
        this.xero = xero;
        this.xeroJson = xeroJson;
    }

    void run(Pass pass) {
        for (XeroEndpoint endpoint : XeroEndpoint.values()) {
            List<PassItem> cancelling = pass.items.stream()
                    .filter(item -> item.due.cancelled() && item.due.xeroId() != null && item.endpoint() == endpoint)
                    .toList();
            if (cancelling.isEmpty() || pass.stopped) {
                continue;
            }
            Map<UUID, String> current = statuses(pass, endpoint, cancelling);
            if (current == null) {
                continue;
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (PassItem item : cancelling) {
                DeliveryDecisions.Cancel cancel = DeliveryDecisions.cancel(item.due,
                        current.getOrDefault(item.due.xeroId(), item.due.xeroStatus()));
                if (cancel instanceof DeliveryDecisions.Cancel.Send send) {
                    item.element = endpoint == XeroEndpoint.INVOICES ? cancellation(item.due, send.status())
                            : creditNoteCancellation(item.due, send.status());
                } else {
                    outcomes.add(new Outcome(item.due, ((DeliveryDecisions.Cancel.Done) cancel).outcome(), "CANCEL", null,
                            null, "Status in Xero: " + current.get(item.due.xeroId())));
                    pass.items.remove(item);
                }
            }
            pass.apply(outcomes);
        }
    }

    /**
     * The status Xero holds for these documents now, by id; null when it could not be read (the documents then go
     * back for later, and are removed from the pass).
     */
    private Map<UUID, String> statuses(Pass pass, XeroEndpoint endpoint, List<PassItem> reading) {
        XeroReply reply = xero.reply(pass.connection, XeroRequest.get(pass.workspaceId(), endpoint.path(),
                endpoint.statusQuery(reading.stream().map(item -> item.due.xeroId()).toList())), Priority.PUSH);
        if (!(reply instanceof XeroReply.Ok ok)) {
            pass.items.removeAll(reading);
            pass.apply(reading.stream().map(item -> Outcome.of(item.due, DeliveryDecisions.notNow(item.due, reply,
                    pass.timing, DeliveryMessages.statusNotRead("")))).toList());
            return null;
        }
        Map<UUID, String> statuses = new HashMap<>();
        endpoint.answers(xeroJson, ok.response().body()).forEach(document -> statuses.put(document.xeroId(), document.status()));
        return statuses;
    }

    private static XeroInvoice cancellation(DueDocument due, String status) {
        return XeroInvoice.outgoing(due.xeroId(), due.xeroType(), null, null, null, null, null, null, null, null,
                status, null);
    }

    private static XeroDocument creditNoteCancellation(DueDocument due, String status) {
        return XeroCreditNote.outgoing(due.xeroId(), due.xeroType(), null, null, null, null, null, null, status, null);
    }
}
