package io.ledgerbridge.delivery;

import io.ledgerbridge.delivery.AllocationOutcome.Applied;
import io.ledgerbridge.delivery.AllocationOutcome.Later;
import io.ledgerbridge.delivery.AllocationOutcome.Refused;
import io.ledgerbridge.delivery.AllocationOutcome.Unknown;
import io.ledgerbridge.delivery.DeliveryDecisions.Timing;
import io.ledgerbridge.xero.XeroAllocation;
import io.ledgerbridge.xero.XeroCreditNoteCredit;
import io.ledgerbridge.xero.XeroFailure;
import io.ledgerbridge.xero.XeroInvoice;
import io.ledgerbridge.xero.XeroMessage;
import io.ledgerbridge.xero.XeroReply;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The decisions of a credit note's allocation (issue 11), as pure functions from what Xero showed or answered (or
 * why it did not) to an {@link AllocationOutcome}. No I/O and no clock of their own: {@link CreditNoteAllocations}
 * reads Xero, calls these, and has {@link AllocationRepository} write the outcome. An allocation is never sent
 * twice: after a sending that got no answer, the credit note's allocations in Xero decide before anything goes again.
 */
final class AllocationDecisions {

    private AllocationDecisions() {
    }

    /** What is to be allocated: the credit note's total, to the invoice of its order. */
    record Wanted(UUID invoiceXeroId, BigDecimal creditTotal) {
    }

    /** Before an allocation is sent (again). */
    sealed interface Before {
        /** Send this amount. */
        record Send(BigDecimal amount) implements Before {
        }

        /** Nothing to send: this is the outcome. */
        record Done(AllocationOutcome outcome) implements Before {
        }
    }

    /**
     * What to do, from the invoice as Xero holds it now and, after a sending that got no answer, the credit note as
     * Xero holds it now ({@code creditNote}; null before a first sending). Xero allocates only to an AUTHORISED
     * invoice with an amount due, never more than that amount nor than the credit left; the amount is the credit
     * note's total, capped at both.
     */
    static Before beforeSend(XeroCreditNoteCredit creditNote, XeroInvoice invoice, Wanted wanted, Timing timing,
                             int failures) {
        BigDecimal credit = wanted.creditTotal();
        if (creditNote != null) {
            List<XeroAllocation> allocations = creditNote.allocations() == null ? List.of() : creditNote.allocations();
            for (XeroAllocation allocation : allocations) {
                if (allocation.invoice() != null && wanted.invoiceXeroId().equals(allocation.invoice().invoiceId())) {
                    return new Before.Done(new Applied(allocation.allocationId(), allocation.amount()));
                }
            }
            if (creditNote.remainingCredit() != null) {
                if (creditNote.remainingCredit().signum() <= 0) {
                    return new Before.Done(new Refused(DeliveryMessages.allocationRefused(DeliveryMessages.CREDIT_USED),
                            DeliveryMessages.CHECK_THE_CREDIT_FIX));
                }
                credit = credit.min(creditNote.remainingCredit());
            }
        }
        if (invoice == null) {
            return new Before.Done(new Later(timing.backoff(failures),
                    DeliveryMessages.allocationOnItsWay("Xero did not return the invoice"), true));
        }
        String status = invoice.status();
        if (DeliveryDecisions.GONE.contains(status)) {
            return new Before.Done(new Refused(DeliveryMessages.allocationRefused("the invoice is " + status + " in Xero."),
                    DeliveryMessages.ALLOCATE_BY_HAND_FIX));
        }
        if ("PAID".equals(status) || (invoice.amountDue() != null && invoice.amountDue().signum() <= 0)) {
            return new Before.Done(new Refused(DeliveryMessages.allocationRefused("the invoice is paid in Xero already."),
                    DeliveryMessages.ALLOCATE_BY_HAND_FIX));
        }
        if (!"AUTHORISED".equals(status)) {
            return new Before.Done(new Later(timing.backoff(failures),
                    DeliveryMessages.allocationOnItsWay("Xero holds the invoice as " + status
                            + ", and allocates credit to approved invoices only"), true));
        }
        BigDecimal amount = invoice.amountDue() == null ? credit : credit.min(invoice.amountDue());
        return new Before.Send(amount);
    }

    /** The element Xero answered for the allocation sent ({@code answer}; null when the answer named none). */
    static AllocationOutcome afterAnswer(XeroAllocation answer, BigDecimal sent, Timing timing, int failures) {
        if (answer == null) {
            return new Unknown(timing.backoff(failures), DeliveryMessages.allocationOnItsWay("Xero's answer named no allocation"));
        }
        if (answer.failed()) {
            return new Refused(DeliveryMessages.allocationRefused(String.join(" ", messages(answer.validationErrors()))),
                    DeliveryMessages.ALLOCATE_BY_HAND_FIX);
        }
        return new Applied(answer.allocationId(), answer.amount() != null ? answer.amount() : sent);
    }

    /** The allocation call as a whole got no element answer: did it, may it have, or did it not reach Xero? */
    static AllocationOutcome sendFailed(XeroReply reply, Timing timing, int failures) {
        if (reply instanceof XeroReply.NotSent notSent) {
            return new Later(notSent.notBefore(), null, false);
        }
        if (reply instanceof XeroReply.Refused refused) {
            XeroFailure failure = refused.failure();
            return switch (failure.kind()) {
                case THROTTLED -> new Later(timing.retryAfter(failure), null, false);
                case REJECTED -> new Refused(DeliveryMessages.allocationRefused(String.join(" ",
                        failure.messages().isEmpty() ? List.of(failure.detail()) : failure.messages())),
                        DeliveryMessages.ALLOCATE_BY_HAND_FIX);
                case TEMPORARY -> new Unknown(timing.backoff(failures), DeliveryMessages.allocationOnItsWay(failure.detail()));
                case NEEDS_RECONNECT, TOKEN_EXPIRED -> new Later(timing.backoff(failures),
                        DeliveryMessages.reconnect(failure.detail()), true);
            };
        }
        if (reply instanceof XeroReply.NoAnswer noAnswer) {
            return noAnswer.mayHaveReachedXero()
                    ? new Unknown(timing.backoff(failures), DeliveryMessages.allocationOnItsWay(noAnswer.error()))
                    : new Later(timing.backoff(failures), DeliveryMessages.allocationOnItsWay(noAnswer.error()), true);
        }
        return notNow(reply, false, timing, failures);
    }

    /**
     * A read before the sending (the invoice, or the credit note after an unanswered sending) got no answer: nothing
     * was sent, and an allocation whose earlier sending is unknown ({@code sent}) stays unknown.
     */
    static AllocationOutcome notNow(XeroReply reply, boolean sent, Timing timing, int failures) {
        Instant at;
        String error;
        boolean attempt = true;
        if (reply instanceof XeroReply.NotSent notSent) {
            at = notSent.notBefore();
            error = null;
            attempt = false;
        } else if (reply instanceof XeroReply.Refused refused && refused.failure().kind() == XeroFailure.Kind.THROTTLED) {
            at = timing.retryAfter(refused.failure());
            error = null;
            attempt = false;
        } else {
            at = timing.backoff(failures);
            error = DeliveryMessages.allocationOnItsWay(describe(reply));
        }
        if (sent) {
            return new Unknown(at, error);
        }
        return new Later(at, error, attempt);
    }

    // ---- a newer version of an allocated credit note ------------------------------------------------------------

    /**
     * Whether a credit note the lane claimed waits for its allocation's removal: it is in Xero and LedgerBridge's
     * allocation of it is (or may be) there ({@code allocation}: its state; null when it has none). Xero refuses to
     * change an allocated credit note, so a newer version would be refused and LOCKED; it waits instead, and the
     * allocation job releases it once the allocation is removed. Null: it goes on through the pass.
     */
    static Transition hold(DueDocument due, AllocationState allocation) {
        if (!due.creditNote() || due.xeroId() == null || allocation == null) {
            return null;
        }
        return switch (allocation) {
            case SENT, APPLIED, REMOVING -> new Transition.Waiting(WaitingReason.ALLOCATION_REMOVAL,
                    DeliveryMessages.AWAITS_ALLOCATION_REMOVAL, DeliveryMessages.fix(WaitingReason.ALLOCATION_REMOVAL));
            case DUE, REFUSED -> null;
        };
    }

    /** Before a removal is sent (again). */
    sealed interface BeforeRemoval {
        /** Send {@code DELETE /CreditNotes/{id}/Allocations/{allocationId}}. */
        record Send(UUID allocationId) implements BeforeRemoval {
        }

        /** Nothing to send: this is the outcome. */
        record Done(RemovalOutcome outcome) implements BeforeRemoval {
        }
    }

    /**
     * What to do, from the credit note as Xero holds it now ({@code creditNote}; null when it was not read: the
     * allocation is APPLIED with its id known). Read back, our allocation is the one of the stored id, or, when Xero's
     * answer named none, the one to the invoice it was sent to; when Xero no longer shows it, it is removed.
     */
    static BeforeRemoval beforeRemoval(DueRemoval due, XeroCreditNoteCredit creditNote) {
        if (creditNote == null) {
            if (due.readFirst()) {
                throw new IllegalArgumentException("an allocation whose removal is unknown is read from Xero first");
            }
            return new BeforeRemoval.Send(due.allocationId());
        }
        List<XeroAllocation> allocations = creditNote.allocations() == null ? List.of() : creditNote.allocations();
        for (XeroAllocation allocation : allocations) {
            boolean ours = due.allocationId() != null ? due.allocationId().equals(allocation.allocationId())
                    : allocation.invoice() != null && allocation.invoice().invoiceId().equals(due.invoiceXeroId())
                            && (due.amount() == null || allocation.amount() == null
                                    || due.amount().compareTo(allocation.amount()) == 0);
            if (ours && allocation.allocationId() != null) {
                return new BeforeRemoval.Send(allocation.allocationId());
            }
        }
        return new BeforeRemoval.Done(new RemovalOutcome.Removed());
    }

    /**
     * Xero's answer to the DELETE: 200 removed it; a 404 (no such allocation: removed already?), a 5xx or no answer
     * leave it unknown until the credit note is read back; another refusal is for good.
     */
    static RemovalOutcome afterRemoval(XeroReply reply, Timing timing, int failures) {
        if (reply instanceof XeroReply.Ok) {
            return new RemovalOutcome.Removed();
        }
        if (reply instanceof XeroReply.NotSent notSent) {
            return new RemovalOutcome.Later(notSent.notBefore(), null, false);
        }
        if (reply instanceof XeroReply.Refused refused) {
            XeroFailure failure = refused.failure();
            if (failure.status() == 404) {
                return new RemovalOutcome.Unknown(timing.backoff(failures),
                        DeliveryMessages.removalOnItsWay("Xero did not find the allocation; the credit note is read back"));
            }
            return switch (failure.kind()) {
                case THROTTLED -> new RemovalOutcome.Later(timing.retryAfter(failure), null, false);
                case REJECTED -> new RemovalOutcome.Refused(DeliveryMessages.removalRefused(String.join(" ",
                        failure.messages().isEmpty() ? List.of(failure.detail()) : failure.messages())));
                case TEMPORARY -> new RemovalOutcome.Unknown(timing.backoff(failures),
                        DeliveryMessages.removalOnItsWay(failure.detail()));
                case NEEDS_RECONNECT, TOKEN_EXPIRED -> new RemovalOutcome.Later(timing.backoff(failures),
                        DeliveryMessages.reconnect(failure.detail()), true);
            };
        }
        if (reply instanceof XeroReply.NoAnswer noAnswer) {
            return noAnswer.mayHaveReachedXero()
                    ? new RemovalOutcome.Unknown(timing.backoff(failures), DeliveryMessages.removalOnItsWay(noAnswer.error()))
                    : new RemovalOutcome.Later(timing.backoff(failures), DeliveryMessages.removalOnItsWay(noAnswer.error()), true);
        }
        return readFailed(reply, timing, failures);
    }

    /** The read of the credit note before a removal got no answer: nothing was sent, the allocation stays as it is. */
    static RemovalOutcome readFailed(XeroReply reply, Timing timing, int failures) {
        if (reply instanceof XeroReply.NotSent notSent) {
            return new RemovalOutcome.Later(notSent.notBefore(), null, false);
        }
        if (reply instanceof XeroReply.Refused refused && refused.failure().kind() == XeroFailure.Kind.THROTTLED) {
            return new RemovalOutcome.Later(timing.retryAfter(refused.failure()), null, false);
        }
        return new RemovalOutcome.Later(timing.backoff(failures), DeliveryMessages.removalOnItsWay(describe(reply)), true);
    }

    private static String describe(XeroReply reply) {
        if (reply instanceof XeroReply.Refused refused) {
            return refused.failure().detail();
        }
        if (reply instanceof XeroReply.NoAnswer noAnswer) {
            return noAnswer.error();
        }
        if (reply instanceof XeroReply.Reconnect reconnect) {
            return DeliveryMessages.reconnect(reconnect.reason());
        }
        if (reply instanceof XeroReply.Unavailable unavailable) {
            return unavailable.error();
        }
        return String.valueOf(reply);
    }

    private static List<String> messages(List<XeroMessage> errors) {
        return errors == null ? List.of() : errors.stream().map(XeroMessage::message).filter(Objects::nonNull).toList();
    }
}
