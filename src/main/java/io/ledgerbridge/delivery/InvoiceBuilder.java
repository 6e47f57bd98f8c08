package io.ledgerbridge.delivery;

import io.ledgerbridge.coding.CodingResult;
import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.workspace.WorkspaceSettings.InvoiceStatus;
import io.ledgerbridge.xero.XeroContact;
import io.ledgerbridge.xero.XeroInvoice;
import java.util.UUID;

/**
 * Turns a coded platform document into the invoice or bill Xero is sent (create, or update when Xero
 * already holds it). The status follows the workspace: its default status for sales invoices; for bills,
 * AUTHORISED when auto-approve is on and every line has an account, else the default. A document that
 * still needs a GL account, or has no due date, goes as a DRAFT: Xero only approves coded documents
 * with a due date.
 */
final class InvoiceBuilder {

    private InvoiceBuilder() {
    }

    public static XeroInvoice build(DueDocument due, OrderDocument document, CodingResult coding, UUID contactId,
                                    WorkspaceSettings settings, String documentUrl) {
        boolean sales = "ACCREC".equals(due.xeroType());
        return XeroInvoice.outgoing(
                due.xeroId(),
                due.xeroType(),
                XeroContact.reference(contactId),
                document.issueDate() == null ? null : document.issueDate().toString(),
                document.dueDate() == null ? null : document.dueDate().toString(),
                coding.lineAmountTypes(),
                document.invoiceNumber(),
                sales ? reference(document) : null,
                documentUrl,
                document.currency(),
                status(due, document, coding, settings),
                coding.lineItems());
    }

    /** The status to send, or null to leave Xero's as it is (it never goes back from AUTHORISED to DRAFT). */
    static String status(DueDocument due, OrderDocument document, CodingResult coding, WorkspaceSettings settings) {
        String wanted;
        if (coding.glAccountRequired() || document.dueDate() == null) {
            wanted = InvoiceStatus.DRAFT.name();
        } else if ("ACCPAY".equals(due.xeroType()) && settings.autoApproveBills()) {
            wanted = InvoiceStatus.AUTHORISED.name();
        } else {
            wanted = settings.invoiceDefaultStatus().name();
        }
        return forward(wanted, due.xeroStatus());
    }

    /** {@code wanted} when it is further than Xero's {@code current} status (or Xero has none yet), else null. */
    static String forward(String wanted, String current) {
        return current == null || rank(wanted) > rank(current) ? wanted : null;
    }

    private static int rank(String status) {
        return switch (status) {
            case "DRAFT" -> 0;
            case "SUBMITTED" -> 1;
            default -> 2;
        };
    }

    /** What the supplier's invoice shows as reference: the buyer's purchase order, else the order number. */
    private static String reference(OrderDocument document) {
        if (document.purchaseOrderNumber() != null && !document.purchaseOrderNumber().isBlank()) {
            return document.purchaseOrderNumber();
        }
        return document.orderNumber();
    }
}
