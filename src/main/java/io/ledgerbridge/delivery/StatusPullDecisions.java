package io.ledgerbridge.delivery;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The invoice status pull's decision, a pure function: what Xero now says of a linked invoice or bill (paid, part
 * paid, voided or deleted there, approved there), or of a credit note (voided or deleted there), against what
 * LedgerBridge last knew, as the change to store and tell the platform, or nothing.
 */
final class StatusPullDecisions {

    private StatusPullDecisions() {
    }

    /** A document linked to the invoice, as stored. */
    record Linked(UUID documentId, String orderId, String xeroType, long version, DocumentState state, String xeroStatus,
                  BigDecimal amountPaid, boolean claimed) {
    }

    /** What Xero answered for the invoice. */
    record Seen(UUID invoiceId, String status, BigDecimal amountPaid) {
    }

    /** What the pull does with one document. */
    sealed interface Verdict permits Unchanged, Deferred, Change {
    }

    record Unchanged() implements Verdict {
    }

    /** A pass holds the document, or it waits to go again: read it on the next pull, not now. */
    record Deferred() implements Verdict {
    }

    /** The document's new state and what Xero says of it; {@code state} is also what xero.sync.status carries. */
    record Change(DocumentState state, String xeroStatus, BigDecimal amountPaid) implements Verdict {
    }

    static Verdict decide(Linked document, Seen xero) {
        DocumentState state = document.state();
        if (state == DocumentState.RESOLVED || state == DocumentState.LOCKED || state == DocumentState.FAILED) {
            return new Unchanged(); // a person's or a refused update's state: the pull leaves it to them
        }
        if (document.claimed() || state == DocumentState.PENDING) {
            return new Deferred();
        }
        String status = xero.status();
        BigDecimal paid = xero.amountPaid() == null || xero.amountPaid().signum() == 0 ? null : xero.amountPaid();
        boolean paidChanged = !sameAmount(paid, document.amountPaid());
        if ("VOIDED".equals(status) || "DELETED".equals(status)) {
            return state == DocumentState.VOIDED && status.equals(document.xeroStatus()) ? new Unchanged()
                    : new Change(DocumentState.VOIDED, status, paid);
        }
        if ("PAID".equals(status)) {
            return state == DocumentState.PAID && "PAID".equals(document.xeroStatus()) && !paidChanged ? new Unchanged()
                    : new Change(DocumentState.PAID, status, paid);
        }
        if (state == DocumentState.SYNCED || state == DocumentState.PAID) {
            // part paid (or a payment removed), or approved in Xero: the state stays, what Xero says changes
            if (paidChanged || !Objects.equals(status, document.xeroStatus())) {
                DocumentState kept = state == DocumentState.PAID ? DocumentState.SYNCED : state;
                return new Change(kept, status, paid);
            }
        }
        return new Unchanged();
    }

    /**
     * A credit note: only its voiding or deletion in Xero is told. Its other states there (PAID once used up) follow
     * from its allocation, which {@code CreditNoteAllocations} keeps, and must not lock it here against a corrected
     * version; what it was allocated to is not a payment of the platform's.
     */
    static Verdict decideCreditNote(Linked document, Seen xero) {
        if (!"VOIDED".equals(xero.status()) && !"DELETED".equals(xero.status())) {
            return new Unchanged();
        }
        return decide(document, new Seen(xero.invoiceId(), xero.status(), null));
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null || b.signum() == 0 : b != null && a.compareTo(b) == 0;
    }
}
