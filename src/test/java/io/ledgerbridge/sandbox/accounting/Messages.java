package io.ledgerbridge.sandbox.accounting;

/**
 * Every validation message the sandbox answers with. Those marked FACTS are Xero's words as
 * {@code shared/xero/FACTS.md} gives them; the others are the sandbox's own wording for rules whose
 * exact message FACTS does not give (listed in docs/xero-sandbox.md, "Doubtful or unconfirmed").
 */
final class Messages {

    private Messages() {
    }

    // FACTS §5, §13
    static final String NOT_VALID_STATUS = "Invoice not of valid status for modification";
    // FACTS §5, §13
    static final String ALLOCATED = "This document cannot be edited as it has a payment or credit note allocated to it.";
    // FACTS §5 (OAS example)
    static final String INVOICE_NUMBER_UNIQUE = "Invoice # must be unique.";
    // FACTS §5
    static final String CONTACT_IDENTIFIER =
            "The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber";
    // FACTS §13
    static final String CONTACT_NAME_EMPTY = "Contact Name cannot be empty.";
    // FACTS §13
    static final String EMAIL_INVALID = "Email address must be valid.";
    // FACTS §7 (OAS example)
    static final String PAYMENT_EXCEEDS = "Payment amount exceeds the amount outstanding on this document";
    // FACTS §5 (D-rr), a WARNING
    static final String SENT_TO_CONTACT = "Only AUTHORISED invoices may have SentToContact updated.";
    // FACTS §6
    static final String ALLOCATION_PAID_OFF = "The invoice you are trying to allocate to has already been paid off";
    static final String ALLOCATION_TOO_MUCH = "Credit Note cannot be allocated as amount is greater than amount outstanding";
    static final String ALLOCATION_WRONG_TYPE = "Credit Note cannot be allocated to an incorrect invoice type";
    // FACTS §9, §6
    static final String ACCOUNT_NOT_FOR_DOCUMENT = "Account code '%s' is not a valid code for this document";
    static final String TAX_TYPE_FOR_TRANSACTION = "The TaxType code %s does not exist or cannot be used for this type of transaction.";
    static final String TAX_TYPE_FOR_ACCOUNT = "The TaxType code '%s' cannot be used with account code '%s'.";
    static final String ACCOUNT_MUST_BE_VALID = "Account must be valid.";
    // FACTS §13 (OAS example), a WARNING; the code is dropped from the line
    static final String ACCOUNT_REMOVED = "Account code '%s' has been removed as it does not match a recognised account.";
    // FACTS §10 (OAS example, quotes un-doubled)
    static final String ITEM_CODE_EXISTS = "Price List Item with Code '%s' already exists";
    // FACTS §10 (OAS example)
    static final String CONTACT_NAME_TAKEN =
            "The contact name %s is already assigned to another contact. The contact name must be unique across all active contacts.";
    // FACTS §6 (OAS example)
    static final String CREDIT_NOTE_NOT_FOUND = "An existing Credit Note with the specified CreditNoteID could not be found";

    // Xero's words reported in SDK issues, not in FACTS
    static final String DUE_DATE_REQUIRED = "The document DueDate field must be specified.";
    static final String DESCRIPTION_REQUIRED = "The description field is mandatory for each line item.";
    static final String DISCOUNT_ON_ACCPAY = "Discounts may not be applied to ACCPAY invoices.";
    static final String LINE_TOTAL_MISMATCH = "The line total %s does not match the expected line total %s";
    static final String ACCOUNT_NOT_FOUND = "Account could not be found";

    // The sandbox's own wording
    static final String ACCOUNT_ARCHIVED =
            "The account code '%s' has been archived, or deleted. Each line item must use a valid account code.";
    static final String TRACKING_CATEGORY_MISSING = "The tracking category '%s' does not exist or is not active.";
    static final String TRACKING_OPTION_MISSING = "The tracking option '%s' does not exist in tracking category '%s'.";
    static final String TRACKING_TOO_MANY = "A line item can have at most 2 tracking categories.";
    static final String TYPE_REQUIRED = "The document Type must be one of %s.";
    static final String LINE_ITEMS_REQUIRED = "At least one line item must be specified.";
    static final String INVOICE_NOT_FOUND = "An existing Invoice with the specified InvoiceID could not be found";
    static final String CONTACT_NOT_FOUND = "An existing Contact with the specified ContactID could not be found";
    static final String CONTACT_NUMBER_TAKEN = "The contact number %s is already assigned to another contact.";
    static final String ITEM_CODE_INVALID = "Item code '%s' is not valid.";
    static final String ITEM_CODE_REQUIRED = "Item Code cannot be empty.";
    static final String DATE_INVALID = "The %s '%s' is not a valid date.";
    static final String LINE_AMOUNT_TYPES_INVALID = "LineAmountTypes '%s' is not valid. Use Exclusive, Inclusive or NoTax.";
    static final String CURRENCY_NOT_ENABLED = "The currency %s is not enabled for this organisation.";
    static final String STATUS_INVALID = "Status '%s' is not valid for this document.";
    static final String CREDIT_NOTE_NOT_VALID_STATUS = "Credit Note not of valid status for modification";
    static final String PAYMENT_DOCUMENT_MISSING = "A payment must reference an Invoice or a CreditNote.";
    static final String PAYMENT_INVOICE_NOT_FOUND = "Invoice could not be found";
    static final String PAYMENT_NOT_AUTHORISED = "Payments can only be made against AUTHORISED documents.";
    static final String PAYMENT_ACCOUNT_TYPE = "Account type is invalid for making a payment to/from";
    static final String PAYMENT_AMOUNT_POSITIVE = "Payment amount must be greater than zero.";
    static final String PAYMENT_IN_BATCH = "This payment is part of a batch payment; delete the batch payment instead.";
    static final String BATCH_MIXED = "A batch payment must be all receivable or all payable documents.";
    static final String BATCH_EMPTY = "A batch payment must contain at least one payment.";
    static final String BATCH_NOT_FOUND = "Batch payment could not be found";
    static final String ALLOCATION_NOT_AUTHORISED = "Only AUTHORISED credit notes can be allocated.";
    static final String ALLOCATION_INVOICE_NOT_AUTHORISED = "Credit notes can only be allocated to AUTHORISED invoices.";
    static final String ALLOCATION_ID_INVALID = "The AllocationID is not a valid id.";
    static final String ALLOCATION_AMOUNT_POSITIVE = "Allocation amount must be greater than zero.";
    static final String ATTACHMENT_LIMIT = "The maximum number of attachments (10) has been reached for this document.";
    static final String ATTACHMENT_TOO_LARGE = "The attachment exceeds the maximum size of 10 MB.";
    static final String ATTACHMENT_NAME_INVALID = "The file name '%s' contains characters that are not allowed.";
    static final String ATTACHMENT_EMPTY = "The attachment is empty.";
}
