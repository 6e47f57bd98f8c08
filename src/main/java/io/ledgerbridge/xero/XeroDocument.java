package io.ledgerbridge.xero;

import java.util.List;
import java.util.UUID;

/**
 * What the delivery lane reads of any document element Xero answers with, an invoice or bill
 * ({@link XeroInvoice}) or a credit note ({@link XeroCreditNote}): its id, type, status and, when it
 * was refused, Xero's messages.
 */
public interface XeroDocument {

    /** InvoiceID or CreditNoteID; all zeros or null when Xero did not save the element. */
    UUID xeroId();

    String type();

    String status();

    /** OK, WARNING or ERROR on each element of a summarizeErrors=false answer. */
    String statusAttributeString();

    Boolean hasErrors();

    List<XeroMessage> validationErrors();

    /** True when Xero refused the element (summarizeErrors=false answers every element, saved or not). */
    default boolean failed() {
        return "ERROR".equals(statusAttributeString()) || Boolean.TRUE.equals(hasErrors());
    }
}
