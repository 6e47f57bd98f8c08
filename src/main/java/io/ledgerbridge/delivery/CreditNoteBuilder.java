package io.ledgerbridge.delivery;

import io.ledgerbridge.coding.CodingResult;
import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.workspace.WorkspaceSettings.InvoiceStatus;
import io.ledgerbridge.xero.XeroContact;
import io.ledgerbridge.xero.XeroCreditNote;
import java.util.UUID;

/**
 * Turns a coded platform credit note (F20) into the credit note Xero is sent, to create it or, when Xero
 * already holds it, to update it: {@code ACCRECCREDIT} in the supplier's organisation (contact: the
 * buyer), {@code ACCPAYCREDIT} in the venue's (contact: the supplier). It is coded like an invoice; what
 * differs is Xero's CreditNote schema: a {@code CreditNoteNumber}, no {@code Url}, no due date (a credit is
 * not due), and a {@code Reference} on the supplier's side only (the invoice it credits). The lines come
 * from the coder as they are; it was told that Xero takes no DiscountRate on a credit note.
 * <p>
 * The status follows the workspace as for invoices: DRAFT while a line still needs a GL account; a
 * supplier's credit note in the venue's Xero AUTHORISED when auto-approve for bills is on; else the
 * workspace's default status; never back from AUTHORISED to DRAFT.
 */
final class CreditNoteBuilder {

    private CreditNoteBuilder() {
    }

    public static XeroCreditNote build(DueDocument due, OrderDocument document, CodingResult coding, UUID contactId,
                                       WorkspaceSettings settings) {
        return XeroCreditNote.outgoing(
                due.xeroId(),
                due.xeroType(),
                XeroContact.reference(contactId),
                document.issueDate() == null ? null : document.issueDate().toString(),
                coding.lineAmountTypes(),
                document.creditNoteNumber(),
                due.sales() ? reference(document) : null,
                document.currency(),
                status(due, coding, settings),
                coding.lineItems());
    }

    /** The status to send, or null to leave Xero's as it is. */
    static String status(DueDocument due, CodingResult coding, WorkspaceSettings settings) {
        String wanted;
        if (coding.glAccountRequired()) {
            wanted = InvoiceStatus.DRAFT.name();
        } else if (!due.sales() && settings.autoApproveBills()) {
            wanted = InvoiceStatus.AUTHORISED.name();
        } else {
            wanted = settings.invoiceDefaultStatus().name();
        }
        return InvoiceBuilder.forward(wanted, due.xeroStatus());
    }

    /** What the supplier's credit note shows as reference: the invoice it credits, else the buyer's PO, else the order. */
    static String reference(OrderDocument document) {
        for (String candidate : new String[] {document.invoiceNumber(), document.purchaseOrderNumber(),
                document.orderNumber()}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
