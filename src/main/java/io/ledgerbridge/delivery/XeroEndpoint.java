package io.ledgerbridge.delivery;

import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.xero.XeroContact;
import io.ledgerbridge.xero.XeroCreditNote;
import io.ledgerbridge.xero.XeroDocument;
import io.ledgerbridge.xero.XeroInvoice;
import io.ledgerbridge.xero.XeroJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The two collections a lane writes documents to, and what differs between them: invoices and bills
 * ({@code /Invoices}) and credit notes ({@code /CreditNotes}). A pass sends one call per collection.
 * <p>
 * After a write that got no answer, documents are looked up by what LedgerBridge always puts on them, so a document
 * without a number is found as surely as one with: {@code GET /Invoices} by {@code ContactIDs} (the document's
 * contact) and the time of the write ({@code If-Modified-Since}), paged, an invoice being the one that carries the
 * {@code Url} naming the document; {@code GET /CreditNotes} has no contact filter, so by {@code where} on the
 * contact (and the number: a platform credit note always has one), a credit note (no Url in Xero) being the one of
 * the document's type, number and contact.
 */
enum XeroEndpoint {

    INVOICES("/Invoices", "Invoices", "invoices", XeroInvoice.class),
    CREDIT_NOTES("/CreditNotes", "CreditNotes", "credit-notes", XeroCreditNote.class);

    /** Documents a look-up asks for at most per call: Xero advises about 40 ids per filter (FACTS.md §3). */
    static final int LOOKUP_CHUNK = 40;
    /** Page size of look-ups (Xero's maximum). */
    static final int PAGE_SIZE = 1000;

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

    /** The elements of Xero's answer, in the order Xero gave them. */
    List<? extends XeroDocument> answers(XeroJson json, String body) {
        return json.list(body, collection, type);
    }

    /** The platform's number of the document: its invoice number, or its credit note number. */
    String number(OrderDocument document) {
        return this == CREDIT_NOTES ? document.creditNoteNumber() : document.invoiceNumber();
    }

    /**
     * What identifies the document in Xero, for {@link AnswerMatcher#isAnswerFor}: an invoice or bill by its type and
     * the Url naming it; a credit note by its type, number and contact.
     */
    XeroDocument identity(DueDocument due, OrderDocument document, UUID contactId, String url) {
        if (this == INVOICES) {
            return XeroInvoice.outgoing(null, due.xeroType(), XeroContact.reference(contactId), null, null, null, null,
                    null, url, null, null, null);
        }
        return XeroCreditNote.outgoing(null, due.xeroType(), XeroContact.reference(contactId), null, null,
                document.creditNoteNumber(), null, null, null, null);
    }

    /** The query string of one page of the look-up of documents of these contacts (and, for credit notes, numbers). */
    String lookupQuery(List<UUID> contactIds, List<String> numbers, int page) {
        String paging = "page=" + page + "&pageSize=" + PAGE_SIZE;
        if (this == INVOICES) {
            return "ContactIDs=" + String.join(",", contactIds.stream().map(UUID::toString).distinct().toList()) + "&" + paging;
        }
        List<String> clauses = new java.util.ArrayList<>();
        for (int i = 0; i < contactIds.size(); i++) {
            clauses.add(clause(numbers.get(i), contactIds.get(i)));
        }
        return "where=" + encode(String.join(" OR ", clauses.stream().distinct().toList())) + "&" + paging;
    }

    /**
     * {@code CreditNoteNumber=="CN-1" AND Contact.ContactID==guid("…")}; a number with a double quote in it cannot be
     * written in Xero's where, so that one is looked for by contact alone and matched here.
     */
    private static String clause(String number, UUID contactId) {
        String contact = "Contact.ContactID==guid(\"" + contactId + "\")";
        return number == null || number.contains("\"") ? "(" + contact + ")"
                : "(CreditNoteNumber==\"" + number + "\" AND " + contact + ")";
    }

    /** The query string that reads the current status of these documents in Xero. */
    String statusQuery(List<UUID> ids) {
        if (this == INVOICES) {
            return "IDs=" + String.join(",", ids.stream().map(UUID::toString).toList());
        }
        return "where=" + encode(String.join(" OR ", ids.stream()
                .map(id -> "CreditNoteID==guid(\"" + id + "\")").toList()));
    }

    /** Percent-encoding for a query value (spaces as %20, which every server reads as a space). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
