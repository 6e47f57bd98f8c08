package io.ledgerbridge.delivery;

import io.ledgerbridge.coding.CodingResult;
import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.xero.XeroDocument;
import java.util.UUID;

/** A document on its way through a pass: what each step found out about it so far. */
final class PassItem {

    DueDocument due;
    /** The stored snapshot, read; null until the pass has read it. */
    final OrderDocument document;
    CodingResult coding;
    UUID contactId;
    /** What is to be sent for it; null when nothing is (yet). */
    XeroDocument element;

    PassItem(DueDocument due, OrderDocument document) {
        this.due = due;
        this.document = document;
    }

    XeroEndpoint endpoint() {
        return XeroEndpoint.of(due);
    }

    /** The party whose Xero contact the document goes to: the buyer of a sale, the supplier of a purchase. */
    OrderDocument.Party party() {
        return due.sales() ? document.buyer() : document.supplier();
    }
}
