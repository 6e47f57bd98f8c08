package io.ledgerbridge.delivery;

import io.ledgerbridge.xero.XeroReply;
import io.ledgerbridge.coding.CodingResult;
import io.ledgerbridge.coding.CodingResult.Problem;
import io.ledgerbridge.delivery.Transition.PaymentNeed;
import io.ledgerbridge.xero.XeroDocument;
import io.ledgerbridge.xero.XeroFailure;
import io.ledgerbridge.xero.XeroInvoice;
import io.ledgerbridge.xero.XeroMessage;
import io.ledgerbridge.xero.XeroPayment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The decisions of a delivery pass, as pure functions from a document and what Xero answered (or why it did not) to a
 * {@link Transition}. No I/O, no clock of their own, no Spring or Camel: {@link DeliveryLane} gathers the inputs, calls
 * these, and has {@link DeliveryRepository} write the transitions.
 */
final class DeliveryDecisions {

    /** Xero's end states of a document: nothing can be changed any more. */
    static final Set<String> GONE = Set.of("VOIDED", "DELETED");
    private static final String NOT_APPROVED_YET = "DRAFT|SUBMITTED";

    private DeliveryDecisions() {
    }

    /** The time a decision is taken at, and how long to wait when Xero says "later" without saying how long. */
    record Timing(Instant now, Duration window) {

        /** Exponential backoff on a document's failures in a row: 5 s, 10 s, 20 s ... up to 10 minutes. */
        Instant backoff(int failures) {
            return now.plusSeconds(Math.min(600, 5L << Math.min(failures, 7)));
        }

        Instant retryAfter(XeroFailure failure) {
            return now.plus(failure.retryAfter() != null ? failure.retryAfter() : window);
        }
    }

    /** What the write of a document carried, for reading Xero's answer about it. */
    record Written(CodingResult coding, String organisation, String number, boolean paymentWanted) {
    }

    /** The platform's payment of a document, as it is to be found in Xero. */
    record WantedPayment(BigDecimal amount, LocalDate paidOn, String reference) {
    }

    // ---- before anything is sent ----------------------------------------------------------------------------------

    /** A document that can be neither coded nor sent, because its stored snapshot cannot be read. */
    static Transition unreadable(String why) {
        return new Transition.Failed(DeliveryMessages.unreadable(why), DeliveryMessages.unreadableFix(), false);
    }

    /** A fault of ours while coding one document: it fails alone, the rest of its batch goes. */
    static Transition codingFault(String why) {
        return new Transition.Failed(DeliveryMessages.codingFault(why), DeliveryMessages.codingFaultFix(), false);
    }

    /** The coder found something only a person can fix (an unknown account, an unmapped tax code ...). */
    static Transition notSendable(CodingResult coding) {
        Problem problem = coding.problems().get(0);
        return new Transition.Failed(problem.message(), problem.fixHint(), false);
    }

    static Transition overQuota(int quota) {
        return new Transition.OverQuota(DeliveryMessages.overQuota(quota), DeliveryMessages.OVER_QUOTA_FIX);
    }

    /** A cancelled document that never reached Xero: there is nothing there to void. */
    static Transition neverInXero() {
        return new Transition.Voided(null, null);
    }

    // ---- looking a document up after a write that got no answer --------------------------------------------------

    /**
     * Which of the documents Xero returned is this one ({@code identity}: what LedgerBridge put on it, see
     * {@link AnswerMatcher#isAnswerFor}). One: found. None: proven absent (the look-up covered every document of the
     * contact changed since the write). Several live ones: a person has to say which.
     */
    static Transition afterLookup(XeroDocument identity, List<? extends XeroDocument> candidates) {
        List<? extends XeroDocument> same = candidates.stream()
                .filter(candidate -> candidate.xeroId() != null && AnswerMatcher.isAnswerFor(candidate, identity))
                .toList();
        if (same.isEmpty()) {
            return new Transition.Absent();
        }
        List<? extends XeroDocument> live = same.stream().filter(candidate -> !GONE.contains(candidate.status())).toList();
        if (live.size() > 1) {
            return new Transition.Failed(DeliveryMessages.duplicatesInXero(live.size(),
                    live.stream().map(XeroDocument::xeroId).toList()), DeliveryMessages.duplicatesInXeroFix(), false);
        }
        XeroDocument chosen = live.isEmpty() ? same.get(0) : live.get(0);
        return new Transition.Found(chosen.xeroId(), chosen.status());
    }

    /** The look-up itself failed: the outcome stays unknown, whatever else happens. */
    static Transition lookupFailed(DueDocument due, XeroReply reply, Timing timing) {
        if (reply instanceof XeroReply.Refused refused && refused.failure().kind() == XeroFailure.Kind.REJECTED) {
            return new Transition.Failed(DeliveryMessages.lookupRefused(refused.failure().detail()),
                    DeliveryMessages.lookupRefusedFix(), false);
        }
        return notNow(due, reply, timing, "Could not check whether Xero already holds it (temporary): ");
    }

    // ---- cancelling -----------------------------------------------------------------------------------------------

    /** What to do to cancel a document, given its status in Xero as read just now. */
    sealed interface Cancel {
        /** Send this status (VOIDED for an approved document, DELETED for a draft or one awaiting approval). */
        record Send(String status) implements Cancel {
        }

        /** Nothing to send: this is the outcome. */
        record Done(Transition outcome) implements Cancel {
        }
    }

    static Cancel cancel(DueDocument due, String statusInXero) {
        if (GONE.contains(statusInXero)) {
            return new Cancel.Done(new Transition.Voided(due.xeroId(), statusInXero));
        }
        if ("PAID".equals(statusInXero)) {
            return new Cancel.Done(new Transition.Locked(statusInXero, DeliveryMessages.cannotVoidPaid() + " "
                    + DeliveryMessages.cannotVoidPaidFix()));
        }
        if (statusInXero != null && statusInXero.matches(NOT_APPROVED_YET)) {
            return new Cancel.Send("DELETED");
        }
        return new Cancel.Send("VOIDED");
    }

    // ---- Xero's answer to a write ---------------------------------------------------------------------------------

    /**
     * The element Xero answered for this document. {@code statusInXero}: its status read after Xero refused a change
     * "not of valid status" (null when no read was needed), so a document paid in Xero meanwhile is LOCKED, not FAILED.
     */
    static Transition afterWrite(DueDocument due, Written written, XeroDocument answer, String statusInXero) {
        if (!answer.failed()) {
            if (due.cancelled()) {
                return new Transition.Voided(answer.xeroId(), answer.status());
            }
            List<String> withoutAccount = written.coding().linesWithoutAccount();
            return new Transition.Delivered(answer.xeroId(), answer.status(), withoutAccount,
                    paymentNeed(written.paymentWanted() && withoutAccount.isEmpty(), answer.status()));
        }
        List<String> messages = answer.validationErrors() == null ? List.of()
                : answer.validationErrors().stream().map(XeroMessage::message).filter(Objects::nonNull).toList();
        String status = statusInXero != null ? statusInXero : due.xeroStatus();
        if (XeroMessages.paidLock(messages, status)) {
            // a credit note LedgerBridge allocated waits for that allocation's removal before it is sent (AllocationHold):
            // one Xero still refuses (allocated, or PAID: used up) holds an allocation or refund someone else made
            return new Transition.Locked(status, due.creditNote() ? DeliveryMessages.ALLOCATED_BY_SOMEONE_ELSE
                    : CHANGE_IT_IN_XERO);
        }
        if (due.cancelled() && GONE.contains(status)) {
            return new Transition.Voided(due.xeroId(), status);
        }
        Problem problem = XeroMessages.explain(messages, written.coding(), written.organisation(), written.number(),
                due.sales());
        return new Transition.Failed(problem.message(), problem.fixHint(), true);
    }

    private static final String CHANGE_IT_IN_XERO = DeliveryMessages.CHANGE_IT_IN_XERO;

    /** Xero's answer did not include this document (or nothing in it confirms it is this document). */
    static Transition noAnswerFor(DueDocument due, boolean creating, Timing timing) {
        return creating ? new Transition.Unknown(timing.backoff(due.failures()), DeliveryMessages.noAnswerForElement())
                : new Transition.RetryLater(timing.backoff(due.failures()), DeliveryMessages.noAnswerForElement());
    }

    /**
     * The write as a whole got no element answers. {@code creating}: the write could create the document in Xero
     * (it had no Xero id), so an outcome Xero may have produced is unknown until it is looked up.
     */
    static Transition writeFailed(DueDocument due, XeroReply reply, boolean creating, Timing timing) {
        if (reply instanceof XeroReply.NotSent notSent) {
            return new Transition.Throttled(notSent.notBefore(), true);
        }
        if (reply instanceof XeroReply.Refused refused) {
            XeroFailure failure = refused.failure();
            return switch (failure.kind()) {
                case THROTTLED -> new Transition.Throttled(timing.retryAfter(failure), true);
                case REJECTED -> new Transition.Failed(DeliveryMessages.rejected(messages(failure)),
                        DeliveryMessages.REJECTED_FIX, false);
                case TEMPORARY -> creating && failure.outcomeUnknown()
                        ? new Transition.Unknown(timing.backoff(due.failures()), DeliveryMessages.TEMPORARY + failure.detail())
                        : new Transition.RetryLater(timing.backoff(due.failures()), DeliveryMessages.TEMPORARY + failure.detail());
                case NEEDS_RECONNECT, TOKEN_EXPIRED -> reconnect(failure.detail());
            };
        }
        if (reply instanceof XeroReply.NoAnswer noAnswer) {
            return creating && noAnswer.mayHaveReachedXero()
                    ? new Transition.Unknown(timing.backoff(due.failures()), DeliveryMessages.TEMPORARY + noAnswer.error())
                    : new Transition.RetryLater(timing.backoff(due.failures()), DeliveryMessages.TEMPORARY + noAnswer.error());
        }
        return notNow(due, reply, timing, DeliveryMessages.TEMPORARY);
    }

    private static String messages(XeroFailure failure) {
        return String.join(" ", failure.messages().isEmpty() ? List.of(failure.detail()) : failure.messages());
    }

    /**
     * A step that needed Xero (the organisation, contacts, a status read) could not get an answer: the document goes
     * back for later, unchanged otherwise (an unknown outcome stays unknown).
     */
    static Transition notNow(DueDocument due, XeroReply reply, Timing timing, String why) {
        if (reply instanceof XeroReply.NotSent notSent) {
            return new Transition.Throttled(notSent.notBefore(), false);
        }
        if (reply instanceof XeroReply.Reconnect reconnect) {
            return reconnect(reconnect.reason());
        }
        if (reply instanceof XeroReply.Refused refused) {
            XeroFailure failure = refused.failure();
            return switch (failure.kind()) {
                case THROTTLED -> new Transition.Throttled(timing.retryAfter(failure), false);
                case NEEDS_RECONNECT, TOKEN_EXPIRED -> reconnect(failure.detail());
                case REJECTED, TEMPORARY -> new Transition.RetryLater(timing.backoff(due.failures()), why + failure.detail());
            };
        }
        if (reply instanceof XeroReply.NoAnswer noAnswer) {
            return new Transition.RetryLater(timing.backoff(due.failures()), why + noAnswer.error());
        }
        if (reply instanceof XeroReply.Unavailable unavailable) {
            return new Transition.RetryLater(timing.backoff(due.failures()), why + unavailable.error());
        }
        throw new IllegalArgumentException("an answered call needs no retry");
    }

    static Transition reconnect(String detail) {
        return new Transition.Waiting(WaitingReason.NEEDS_RECONNECT, DeliveryMessages.reconnect(detail),
                DeliveryMessages.fix(WaitingReason.NEEDS_RECONNECT));
    }

    // ---- mark as paid ---------------------------------------------------------------------------------------------

    /** What a document Xero now holds in {@code xeroStatus} needs, when the platform's payment is to be applied. */
    static PaymentNeed paymentNeed(boolean wanted, String xeroStatus) {
        if (!wanted) {
            return PaymentNeed.NONE;
        }
        return "AUTHORISED".equals(xeroStatus) ? PaymentNeed.DUE
                : xeroStatus != null && xeroStatus.matches(NOT_APPROVED_YET) ? PaymentNeed.AWAITS_APPROVAL
                : PaymentNeed.NONE;
    }

    /** Before a payment is sent (again): what Xero's invoice shows, read just now. */
    sealed interface BeforePayment {
        /** Send the payment. */
        record Send() implements BeforePayment {
        }

        /** Nothing to send: this is the outcome. */
        record Done(Transition outcome) implements BeforePayment {
        }
    }

    /**
     * The invoice as Xero holds it now ({@code invoice}), before its payment goes: our payment is there already (an
     * earlier PUT got no answer but was applied), Xero shows it paid in full some other way, it is not approved, or
     * the payment is still to send. A payment is never sent twice.
     */
    static BeforePayment beforePayment(XeroInvoice invoice, WantedPayment wanted) {
        List<XeroPayment> payments = invoice.payments() == null ? List.of() : invoice.payments();
        for (XeroPayment payment : payments) {
            if (!"DELETED".equals(payment.status()) && isOurs(payment, wanted)) {
                return new BeforePayment.Done(new Transition.Paid(payment.paymentId(), invoice.status()));
            }
        }
        if ("PAID".equals(invoice.status()) || (invoice.amountDue() != null && invoice.amountDue().signum() == 0
                && invoice.total() != null && invoice.total().signum() > 0)) {
            UUID last = payments.isEmpty() ? null : payments.get(payments.size() - 1).paymentId();
            return new BeforePayment.Done(new Transition.Paid(last, invoice.status()));
        }
        if (invoice.status() != null && invoice.status().matches(NOT_APPROVED_YET)) {
            return new BeforePayment.Done(new Transition.Waiting(WaitingReason.PAYMENT_AWAITS_APPROVAL,
                    DeliveryMessages.paymentAwaitsApproval(invoice.status()),
                    DeliveryMessages.fix(WaitingReason.PAYMENT_AWAITS_APPROVAL)));
        }
        if (GONE.contains(invoice.status())) {
            return new BeforePayment.Done(new Transition.PaymentRefused(DeliveryMessages.paymentRefused(
                    "the invoice is " + invoice.status() + " in Xero"), DeliveryMessages.CHANGE_IT_IN_XERO_FIX));
        }
        return new BeforePayment.Send();
    }

    private static boolean isOurs(XeroPayment payment, WantedPayment wanted) {
        if (wanted.reference() != null && !wanted.reference().isBlank()) {
            return wanted.reference().equals(payment.reference());
        }
        return payment.amount() != null && payment.amount().compareTo(wanted.amount()) == 0
                && Objects.equals(payment.date(), wanted.paidOn());
    }

    /** The payment Xero answered for this document. */
    static Transition afterPayment(XeroPayment answer, String invoiceStatusAfter) {
        if ("ERROR".equals(answer.statusAttributeString()) || answer.paymentId() == null) {
            List<String> messages = answer.validationErrors() == null ? List.of()
                    : answer.validationErrors().stream().map(XeroMessage::message).toList();
            return new Transition.PaymentRefused(DeliveryMessages.paymentRefused(String.join(" ", messages)),
                    DeliveryMessages.PAYMENT_REFUSED_FIX);
        }
        return new Transition.Paid(answer.paymentId(), invoiceStatusAfter);
    }

    /** The payments call as a whole got no answer about this document's payment. */
    static Transition paymentFailed(DueDocument due, XeroReply reply, Timing timing) {
        if (reply instanceof XeroReply.NotSent notSent) {
            return new Transition.PaymentLater(notSent.notBefore(), null);
        }
        if (reply instanceof XeroReply.Refused refused) {
            XeroFailure failure = refused.failure();
            return switch (failure.kind()) {
                case THROTTLED -> new Transition.PaymentLater(timing.retryAfter(failure), null);
                case REJECTED -> new Transition.PaymentRefused(DeliveryMessages.paymentRefused(messages(failure)),
                        DeliveryMessages.PAYMENT_REFUSED_FIX);
                case TEMPORARY -> new Transition.PaymentUnknown(timing.backoff(due.failures()),
                        DeliveryMessages.paymentOnItsWay(failure.detail()));
                case NEEDS_RECONNECT, TOKEN_EXPIRED -> reconnect(failure.detail());
            };
        }
        if (reply instanceof XeroReply.NoAnswer noAnswer) {
            return new Transition.PaymentUnknown(timing.backoff(due.failures()), DeliveryMessages.paymentOnItsWay(noAnswer.error()));
        }
        if (reply instanceof XeroReply.Reconnect reconnect) {
            return reconnect(reconnect.reason());
        }
        if (reply instanceof XeroReply.Unavailable unavailable) {
            return new Transition.PaymentLater(timing.backoff(due.failures()), DeliveryMessages.paymentOnItsWay(unavailable.error()));
        }
        throw new IllegalArgumentException("an answered call is read payment by payment");
    }

    /** Mark-as-paid is on but there is no account to apply the payment to. */
    static Transition noClearingAccount() {
        return new Transition.PaymentRefused(DeliveryMessages.NO_CLEARING_ACCOUNT, DeliveryMessages.NO_CLEARING_ACCOUNT_FIX);
    }
}
