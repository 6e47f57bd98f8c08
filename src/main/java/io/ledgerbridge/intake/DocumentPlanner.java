package io.ledgerbridge.intake;

import io.ledgerbridge.intake.DesiredDocument.XeroType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides which documents an order event asks for: the supplier's side becomes a sales invoice (or
 * customer credit note) in the supplier's Xero, the buyer's side a bill (or supplier credit note) in
 * the venue's Xero. Only workspaces LedgerBridge knows get a document; an event that names none of
 * them cannot go anywhere and is rejected with the names it carried.
 */
public final class DocumentPlanner {

    private DocumentPlanner() {
    }

    public static List<DesiredDocument> plan(OrderEvent event, String payloadJson, Predicate<String> knownWorkspace) {
        OrderEvent.Snapshot data = event.data();
        boolean credit = event.isCreditNote();
        String sourceKey = credit ? data.orderId() + "/" + data.creditNoteNumber() : data.orderId();
        String number = credit ? data.creditNoteNumber() : data.invoiceNumber();

        Set<String> named = new LinkedHashSet<>();
        List<DesiredDocument> documents = new ArrayList<>(2);
        String supplier = workspaceOf(data.supplier());
        String buyer = workspaceOf(data.buyer());
        if (supplier != null) {
            named.add(supplier);
            if (knownWorkspace.test(supplier)) {
                documents.add(document(event, payloadJson, supplier, sourceKey, number,
                        credit ? XeroType.ACCRECCREDIT : XeroType.ACCREC));
            }
        }
        if (buyer != null) {
            named.add(buyer);
            if (knownWorkspace.test(buyer)) {
                documents.add(document(event, payloadJson, buyer, sourceKey, number,
                        credit ? XeroType.ACCPAYCREDIT : XeroType.ACCPAY));
            }
        }
        if (documents.isEmpty()) {
            throw new UnknownWorkspaceException(event.id(), data.orderId(), named);
        }
        return documents;
    }

    private static String workspaceOf(OrderEvent.Party party) {
        return party == null || party.workspaceId() == null || party.workspaceId().isBlank() ? null : party.workspaceId();
    }

    private static DesiredDocument document(OrderEvent event, String payloadJson, String workspaceId, String sourceKey,
                                            String number, XeroType type) {
        OrderEvent.Snapshot data = event.data();
        return new DesiredDocument(workspaceId, sourceKey, data.orderId(), type, data.version(), event.id(),
                event.source() == null ? "" : event.source(), event.type(), number, data.currency(), data.totals().total(), payloadJson);
    }
}
