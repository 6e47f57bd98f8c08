package io.ledgerbridge.delivery;

import io.ledgerbridge.xero.XeroCreditNote;
import io.ledgerbridge.xero.XeroDocument;
import io.ledgerbridge.xero.XeroInvoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Pairs each element of a write with Xero's answer for it. Xero answers a summarizeErrors=false call element by element
 * in order, but an answer is only taken for a document once it is confirmed to be that document: the same InvoiceID or
 * CreditNoteID for an update; for a new invoice or bill its Url (which names the document) and type; for a new credit
 * note (no Url in Xero) its type, number and contact. An answer found elsewhere in the list is taken from there; a
 * document no answer confirms gets none, so its outcome stays unknown and it is looked up before anything is sent again.
 */
final class AnswerMatcher {

    private static final UUID NONE = new UUID(0, 0);

    private AnswerMatcher() {
    }

    /** @return for each sent element, in order, its answer or null */
    static List<XeroDocument> match(List<? extends XeroDocument> sent, List<? extends XeroDocument> answers) {
        boolean[] used = new boolean[answers.size()];
        List<XeroDocument> matched = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            XeroDocument element = sent.get(i);
            int found = -1;
            if (i < answers.size() && !used[i] && isAnswerFor(answers.get(i), element)) {
                found = i;
            } else {
                for (int j = 0; j < answers.size() && found < 0; j++) {
                    if (!used[j] && isAnswerFor(answers.get(j), element)) {
                        found = j;
                    }
                }
            }
            if (found >= 0) {
                used[found] = true;
                matched.add(answers.get(found));
            } else {
                matched.add(null);
            }
        }
        return matched;
    }

    /** Whether {@code answer} is Xero's answer about {@code sent}. */
    static boolean isAnswerFor(XeroDocument answer, XeroDocument sent) {
        if (answer.type() != null && sent.type() != null && !answer.type().equals(sent.type())) {
            return false;
        }
        UUID sentId = sent.xeroId();
        UUID answerId = answer.xeroId();
        if (sentId != null && answerId != null && !NONE.equals(answerId)) {
            return sentId.equals(answerId);
        }
        if (sent instanceof XeroInvoice invoice && answer instanceof XeroInvoice answered) {
            if (invoice.url() != null) {
                return invoice.url().equals(answered.url());
            }
            // a cancellation carries only its InvoiceID: an answer without one cannot be confirmed
            return sentId != null && sentId.equals(answerId);
        }
        if (sent instanceof XeroCreditNote note && answer instanceof XeroCreditNote answered) {
            return note.creditNoteNumber() != null && answered.creditNoteNumber() != null
                    && note.creditNoteNumber().trim().equalsIgnoreCase(answered.creditNoteNumber().trim())
                    && note.contact() != null && answered.contact() != null
                    && Objects.equals(note.contact().contactId(), answered.contact().contactId());
        }
        return false;
    }
}
