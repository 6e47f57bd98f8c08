package io.ledgerbridge.delivery;

import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.xero.XeroCreditNote;
import io.ledgerbridge.xero.XeroDocument;
import io.ledgerbridge.xero.XeroInvoice;
import io.ledgerbridge.xero.XeroJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The two collections a lane writes documents to, and what differs between them: invoices and bills
 * ({@code /Invoices}) and credit notes ({@code /CreditNotes}). A pass sends one call per collection.
 * <p>
 * After a write that got no answer, both are looked up by number and contact in one call, but Xero offers
 * different ways: {@code GET /Invoices} filters by {@code InvoiceNumbers} and {@code ContactIDs}, and an
 * invoice is confirmed by the {@code Url} LedgerBridge puts on it; {@code GET /CreditNotes} only has
 * {@code where}, and a credit note, which has no Url, is confirmed by its type, number and contact.
 */
enum XeroEndpoint {

    INVOICES("/Invoices", "Invoices", "invoices", XeroInvoice.class),
    CREDIT_NOTES("/CreditNotes", "CreditNotes", "credit-notes", XeroCreditNote.class);

    /** A document of unknown outcome to look for: the platform's number, and its Xero contact. */
    record Wanted(String number, UUID contactId) {
    }

    private static final Set<String> GONE = Set.of("DELETED", "VOIDED");

    private final String path;
    private final String collection;
    private final String keyKind;
    private final Class<? extends XeroDocument> type;

    XeroEndpoint(String path, String collection, String keyKind, Class<? extends XeroDocument> type) {
        this.path = path;
        this.collection = collection;
        this.keyKind = keyKind;
        this.type = type;
    }

    static XeroEndpoint of(DueDocument due) {
        return due.creditNote() ? CREDIT_NOTES : INVOICES;
    }

    /** Below the API base, e.g. {@code /CreditNotes}. */
    String path() {
        return path;
    }

    /** The body's and the answer's collection, e.g. {@code CreditNotes}. */
    String collection() {
        return collection;
    }

    /** What the Idempotency-Key says the call writes: lb-invoices-…, lb-credit-notes-…. */
    String keyKind() {
        return keyKind;
    }

    /** The elements of Xero's answer, in the order they were sent. */
    List<? extends XeroDocument> answers(XeroJson json, String body) {
        return json.list(body, collection, type);
    }

    /** The platform's number of the document: its invoice number, or its credit note number. */
    String number(OrderDocument document) {
        return this == CREDIT_NOTES ? document.creditNoteNumber() : document.invoiceNumber();
    }

    /** The query string of the one GET that finds the wanted documents (and perhaps others). */
    String lookupQuery(List<Wanted> wanted) {
        if (this == INVOICES) {
            String numbers = String.join(",", wanted.stream().map(Wanted::number).distinct().toList());
            String contactIds = String.join(",", wanted.stream().map(w -> w.contactId().toString()).distinct().toList());
            return "InvoiceNumbers=" + encode(numbers) + "&ContactIDs=" + contactIds;
        }
        return "where=" + encode(String.join(" OR ", wanted.stream().distinct().map(XeroEndpoint::clause).toList()));
    }

    /**
     * {@code CreditNoteNumber=="CN-1" AND Contact.ContactID==guid("…")}; a number with a double quote in it
     * cannot be written in Xero's where, so that one is looked for by contact alone and matched here.
     */
    private static String clause(Wanted wanted) {
        String contact = "Contact.ContactID==guid(\"" + wanted.contactId() + "\")";
        return wanted.number().contains("\"") ? "(" + contact + ")"
                : "(CreditNoteNumber==\"" + wanted.number() + "\" AND " + contact + ")";
    }

    /**
     * Whether a document Xero returned is the one LedgerBridge wrote: an invoice carries the document's Url;
     * a credit note has the document's type, number and contact, and is neither deleted nor voided.
     */
    boolean isSame(XeroDocument candidate, DueDocument due, Wanted wanted, String url) {
        if (!due.xeroType().equals(candidate.type())) {
            return false;
        }
        if (candidate instanceof XeroInvoice invoice) {
            return url.equals(invoice.url());
        }
        XeroCreditNote creditNote = (XeroCreditNote) candidate;
        return wanted.number().trim().equalsIgnoreCase(creditNote.creditNoteNumber() == null ? ""
                        : creditNote.creditNoteNumber().trim())
                && creditNote.contact() != null && wanted.contactId().equals(creditNote.contact().contactId())
                && !GONE.contains(creditNote.status());
    }

    /** Percent-encoding for a query value (spaces as %20, which every server reads as a space). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
