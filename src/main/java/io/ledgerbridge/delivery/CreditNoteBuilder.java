package io.ledgerbridge.delivery;

import io.ledgerbridge.coding.CodingResult;
import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.workspace.WorkspaceSettings.InvoiceStatus;
import io.ledgerbridge.xero.XeroContact;
import io.ledgerbridge.xero.XeroCreditNote;
import io.ledgerbridge.xero.XeroLineItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

/**
 * Turns a coded platform credit note (F20) into the credit note Xero is sent, to create it or, when Xero
 * already holds it, to update it: {@code ACCRECCREDIT} in the supplier's organisation (contact: the
 * buyer), {@code ACCPAYCREDIT} in the venue's (contact: the supplier). It is coded like an invoice; what
 * differs is Xero's CreditNote schema: a {@code CreditNoteNumber}, no {@code Url}, no due date (a credit is
 * not due), a {@code Reference} on the supplier's side only (the invoice it credits), and no discounts —
 * Xero takes those on sales invoices only, so a discounted line goes as its discounted line amount.
 * <p>
 * The status follows the workspace as for invoices: DRAFT while a line still needs a GL account; a
 * supplier's credit note in the venue's Xero AUTHORISED when auto-approve for bills is on; else the
 * workspace's default status; never back from AUTHORISED to DRAFT.
 */
public final class CreditNoteBuilder {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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
                lineItems(coding));
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
        if (due.xeroStatus() == null || InvoiceBuilder.rank(wanted) > InvoiceBuilder.rank(due.xeroStatus())) {
            return wanted;
        }
        return null;
    }

    /** The coded lines, each discounted line as its line amount: Xero refuses DiscountRate on credit notes. */
    static List<XeroLineItem> lineItems(CodingResult coding) {
        return coding.lineItems().stream().map(CreditNoteBuilder::withoutDiscount).toList();
    }

    private static XeroLineItem withoutDiscount(XeroLineItem line) {
        if (line.discountRate() == null) {
            return line;
        }
        BigDecimal lineAmount = line.quantity().multiply(line.unitAmount())
                .multiply(HUNDRED.subtract(line.discountRate())).divide(HUNDRED)
                .setScale(2, RoundingMode.HALF_UP);
        return new XeroLineItem(line.description(), line.quantity(), null, line.itemCode(), line.accountCode(),
                line.taxType(), null, line.tracking(), lineAmount, line.taxAmount());
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
