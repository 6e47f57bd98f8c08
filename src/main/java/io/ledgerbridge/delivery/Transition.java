package io.ledgerbridge.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one step of a delivery pass does to one document, decided by a pure function ({@link DeliveryDecisions}) from
 * the document and Xero's answer (or its absence), and then written in one short transaction with the others of the
 * step ({@link DeliveryRepository#apply}). Only {@link Found}, {@link Absent} and an element's own answer
 * ({@link Delivered}, {@link Voided}, {@link Failed} from Xero's refusal, {@link Locked}) clear an unknown outcome;
 * everything else leaves it, so a document whose write got no answer is always looked up before it is sent again.
 */
sealed interface Transition {

    /** What a document Xero now holds still needs for mark-as-paid (F19). */
    enum PaymentNeed {
        /** Nothing: no payment wanted, or it is applied already. */
        NONE,
        /** The invoice is approved in Xero: apply the platform's payment. */
        DUE,
        /** Xero holds the invoice as a draft (or awaiting approval): Xero takes payments on approved invoices only. */
        AWAITS_APPROVAL
    }

    /** Whether the outcome of an earlier unanswered write is settled by this transition (Xero answered about it). */
    default boolean settlesUnknownOutcome() {
        return false;
    }

    /**
     * Xero holds this version: SYNCED, or WAITING (GL_ACCOUNT_REQUIRED) when it went as a draft for want of accounts,
     * or PENDING with its payment due when mark-as-paid has a payment to apply.
     */
    record Delivered(UUID xeroId, String xeroStatus, List<String> linesWithoutAccount, PaymentNeed payment)
            implements Transition {
        public boolean glAccountRequired() {
            return !linesWithoutAccount.isEmpty();
        }

        @Override
        public boolean settlesUnknownOutcome() {
            return true;
        }
    }

    /** Cancelled: voided or deleted in Xero ({@code xeroId}), or it never reached Xero (null). */
    record Voided(UUID xeroId, String xeroStatus) implements Transition {
        @Override
        public boolean settlesUnknownOutcome() {
            return true;
        }
    }

    /**
     * This version cannot go until a person acts. {@code answeredByXero}: Xero refused this very element (so the
     * unknown outcome of an earlier write, if any, was settled by the look-up that preceded it).
     */
    record Failed(String reason, String fixHint, boolean answeredByXero) implements Transition {
        @Override
        public boolean settlesUnknownOutcome() {
            return answeredByXero;
        }
    }

    /** Paid (or allocated) in Xero: it is not changed again. */
    record Locked(String xeroStatus, String reason) implements Transition {
        @Override
        public boolean settlesUnknownOutcome() {
            return true;
        }
    }

    /** Over the free plan's quota this month. */
    record OverQuota(String reason, String fixHint) implements Transition {
    }

    /** Held for a reason a setting, a connection or an approval removes. */
    record Waiting(WaitingReason reason, String message, String fixHint) implements Transition {
    }

    /**
     * Nothing reached Xero (the pacer or a 429 said not yet): due again at {@code notBefore}, no attempt counted.
     * {@code writeRefused}: it was this pass's write that was refused, so the unknown outcome its sending marked is
     * cleared again (a document is only ever sent once every earlier unknown outcome of it is settled).
     */
    record Throttled(Instant notBefore, boolean writeRefused) implements Transition {
    }

    /** A temporary failure before anything was written: due again at {@code at}, one more attempt counted. */
    record RetryLater(Instant at, String error) implements Transition {
    }

    /** A write may have reached Xero (5xx, timeout, an answer that names no element): look it up before resending. */
    record Unknown(Instant at, String error) implements Transition {
    }

    /** A look-up found the document in Xero: its id and status are stored; the pass goes on with an update. */
    record Found(UUID xeroId, String xeroStatus) implements Transition {
        @Override
        public boolean settlesUnknownOutcome() {
            return true;
        }
    }

    /** A look-up proved the document is not in Xero: it can be created. */
    record Absent() implements Transition {
        @Override
        public boolean settlesUnknownOutcome() {
            return true;
        }
    }

    /** The platform's payment is applied in Xero ({@code paymentId}; null when Xero shows it paid some other way). */
    record Paid(UUID paymentId, String xeroStatus) implements Transition {
    }

    /** Xero refused the payment (or there is nowhere to apply it): FAILED until a person fixes it; the payment stays due. */
    record PaymentRefused(String reason, String fixHint) implements Transition {
    }

    /** The payment is still to apply: due again at {@code at} (throttled, or the invoice's payments read showed none). */
    record PaymentLater(Instant at, String error) implements Transition {
    }

    /** A payment went without an answer: Xero's payments of the invoice are read before any resend. */
    record PaymentUnknown(Instant at, String error) implements Transition {
    }

    /** Not reached in this pass: back to the pool as it was. */
    record Released() implements Transition {
    }
}
