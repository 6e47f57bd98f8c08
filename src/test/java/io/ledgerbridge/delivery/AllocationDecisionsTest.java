package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.delivery.AllocationDecisions.Before;
import io.ledgerbridge.delivery.AllocationDecisions.Wanted;
import io.ledgerbridge.delivery.AllocationOutcome.Applied;
import io.ledgerbridge.delivery.AllocationOutcome.Later;
import io.ledgerbridge.delivery.AllocationOutcome.Refused;
import io.ledgerbridge.delivery.AllocationOutcome.Unknown;
import io.ledgerbridge.delivery.DeliveryDecisions.Timing;
import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.xero.XeroAllocation;
import io.ledgerbridge.xero.XeroCreditNoteCredit;
import io.ledgerbridge.xero.XeroFailure;
import io.ledgerbridge.xero.XeroInvoice;
import io.ledgerbridge.xero.XeroMessage;
import io.ledgerbridge.xero.XeroReply;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every branch of a credit note's allocation: before it goes, Xero's answer, and the call that got none. */
class AllocationDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Timing TIMING = new Timing(NOW, Duration.ofSeconds(60));
    private static final UUID INVOICE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_INVOICE = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private static final UUID ALLOCATION = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    private static final Wanted WANTED = new Wanted(INVOICE, new BigDecimal("25.50"));

    private static XeroInvoice invoice(String status, String amountDue) {
        return new XeroInvoice(INVOICE, "ACCREC", null, null, null, null, "INV-1", null, null, null, status, null, null,
                null, new BigDecimal("62.49"), amountDue == null ? null : new BigDecimal(amountDue), null, null, null,
                null, null, null, null);
    }

    private static XeroCreditNoteCredit creditNote(String remaining, XeroAllocation... allocations) {
        return new XeroCreditNoteCredit(UUID.randomUUID(), "AUTHORISED", new BigDecimal("25.50"),
                remaining == null ? null : new BigDecimal(remaining), List.of(allocations));
    }

    private static XeroAllocation allocated(UUID invoice, String amount) {
        return new XeroAllocation(ALLOCATION, new BigDecimal(amount), "/Date(1795478400000+0000)/",
                new XeroAllocation.InvoiceReference(invoice), null, null);
    }

    private static AllocationOutcome done(Before before) {
        assertThat(before).isInstanceOf(Before.Done.class);
        return ((Before.Done) before).outcome();
    }

    // ---- before it goes -------------------------------------------------------------------------------------------

    @Test
    void aFirstAllocationSendsTheCreditNotesTotalWhenTheInvoiceOwesMore() {
        assertThat(AllocationDecisions.beforeSend(null, invoice("AUTHORISED", "62.49"), WANTED, TIMING, 0))
                .isEqualTo(new Before.Send(new BigDecimal("25.50")));
    }

    @Test
    void theAmountIsCappedAtWhatTheInvoiceStillHasDue() {
        assertThat(AllocationDecisions.beforeSend(null, invoice("AUTHORISED", "10.00"), WANTED, TIMING, 0))
                .isEqualTo(new Before.Send(new BigDecimal("10.00")));
    }

    @Test
    void afterAnUnansweredSendingOurAllocationInXeroSettlesIt() {
        XeroCreditNoteCredit read = creditNote("0.00", allocated(OTHER_INVOICE, "1.00"), allocated(INVOICE, "25.50"));
        assertThat(done(AllocationDecisions.beforeSend(read, invoice("PAID", "0.00"), WANTED, TIMING, 1)))
                .isEqualTo(new Applied(ALLOCATION, new BigDecimal("25.50")));
    }

    @Test
    void afterAnUnansweredSendingWithNoneInXeroTheRestOfTheCreditIsSent() {
        XeroCreditNoteCredit read = creditNote("20.00", allocated(OTHER_INVOICE, "5.50"));
        assertThat(AllocationDecisions.beforeSend(read, invoice("AUTHORISED", "62.49"), WANTED, TIMING, 1))
                .isEqualTo(new Before.Send(new BigDecimal("20.00")));
    }

    @Test
    void aCreditNoteWhoseCreditIsUsedElsewhereIsRefusedWithAHint() {
        AllocationOutcome outcome = done(AllocationDecisions.beforeSend(creditNote("0.00", allocated(OTHER_INVOICE, "25.50")),
                invoice("AUTHORISED", "62.49"), WANTED, TIMING, 1));
        assertThat(outcome).isEqualTo(new Refused(DeliveryMessages.allocationRefused(DeliveryMessages.CREDIT_USED),
                FixHints.CHECK_THE_CREDIT_IN_XERO));
    }

    @Test
    void aReadWithoutRemainingCreditTakesTheCreditNotesTotal() {
        assertThat(AllocationDecisions.beforeSend(creditNote(null), invoice("AUTHORISED", "62.49"), WANTED, TIMING, 1))
                .isEqualTo(new Before.Send(new BigDecimal("25.50")));
    }

    @Test
    void anInvoiceXeroDidNotReturnWaitsForTheNextRun() {
        AllocationOutcome outcome = done(AllocationDecisions.beforeSend(null, null, WANTED, TIMING, 2));
        assertThat(outcome).isInstanceOfSatisfying(Later.class, later -> {
            assertThat(later.at()).isEqualTo(NOW.plusSeconds(20));
            assertThat(later.attempt()).isTrue();
            assertThat(later.error()).contains("did not return the invoice");
        });
    }

    @Test
    void anInvoicePaidMeanwhileIsRefusedAndToldToAllocateByHand() {
        Refused paid = (Refused) done(AllocationDecisions.beforeSend(null, invoice("PAID", "0.00"), WANTED, TIMING, 0));
        assertThat(paid.reason()).endsWith("the invoice is paid in Xero already.");
        assertThat(paid.fixHint()).isEqualTo(FixHints.ALLOCATE_BY_HAND).startsWith("Allocate it by hand in Xero");
    }

    @Test
    void anApprovedInvoiceWithNothingDueIsRefusedAsPaid() {
        Refused paid = (Refused) done(AllocationDecisions.beforeSend(null, invoice("AUTHORISED", "0.00"), WANTED, TIMING, 0));
        assertThat(paid.reason()).endsWith("the invoice is paid in Xero already.");
    }

    @Test
    void aVoidedOrDeletedInvoiceIsRefused() {
        for (String status : List.of("VOIDED", "DELETED")) {
            Refused gone = (Refused) done(AllocationDecisions.beforeSend(null, invoice(status, "0.00"), WANTED, TIMING, 0));
            assertThat(gone.reason()).endsWith("the invoice is " + status + " in Xero.");
            assertThat(gone.fixHint()).isEqualTo(FixHints.ALLOCATE_BY_HAND);
        }
    }

    @Test
    void anInvoiceNotApprovedInXeroWaits() {
        AllocationOutcome outcome = done(AllocationDecisions.beforeSend(null, invoice("DRAFT", "62.49"), WANTED, TIMING, 0));
        assertThat(outcome).isInstanceOfSatisfying(Later.class,
                later -> assertThat(later.error()).contains("Xero holds the invoice as DRAFT"));
    }

    // ---- Xero's answer --------------------------------------------------------------------------------------------

    @Test
    void anAnsweredAllocationIsApplied() {
        assertThat(AllocationDecisions.afterAnswer(allocated(INVOICE, "25.50"), new BigDecimal("25.50"), TIMING, 0))
                .isEqualTo(new Applied(ALLOCATION, new BigDecimal("25.50")));
    }

    @Test
    void anAnswerWithoutIdOrAmountKeepsWhatWasSent() {
        XeroAllocation bare = new XeroAllocation(null, null, null, new XeroAllocation.InvoiceReference(INVOICE), "OK", List.of());
        assertThat(AllocationDecisions.afterAnswer(bare, new BigDecimal("10.00"), TIMING, 0))
                .isEqualTo(new Applied(null, new BigDecimal("10.00")));
    }

    @Test
    void anElementXeroRefusedIsRefusedWithXerosWords() {
        XeroAllocation refused = new XeroAllocation(null, new BigDecimal("25.50"), null, null, "ERROR",
                List.of(new XeroMessage("The invoice you are trying to allocate to has already been paid off")));
        assertThat(AllocationDecisions.afterAnswer(refused, new BigDecimal("25.50"), TIMING, 0)).isEqualTo(new Refused(
                DeliveryMessages.allocationRefused("The invoice you are trying to allocate to has already been paid off"),
                FixHints.ALLOCATE_BY_HAND));
    }

    @Test
    void anAnswerNamingNoAllocationIsUnknown() {
        assertThat(AllocationDecisions.afterAnswer(null, BigDecimal.ONE, TIMING, 0)).isInstanceOf(Unknown.class);
    }

    // ---- the call that got no element answer ----------------------------------------------------------------------

    private static XeroReply refused(XeroFailure.Kind kind, int status) {
        return new XeroReply.Refused(new XeroFailure(kind, status, "Xero answered " + status, Duration.ofSeconds(7), true,
                kind == XeroFailure.Kind.REJECTED ? List.of("Credit Note cannot be allocated as amount is greater than amount outstanding") : List.of()));
    }

    @Test
    void aCallThePacerHeldBackIsDueAgainWithoutAnAttempt() {
        assertThat(AllocationDecisions.sendFailed(new XeroReply.NotSent(NOW.plusSeconds(3)), TIMING, 0))
                .isEqualTo(new Later(NOW.plusSeconds(3), null, false));
    }

    @Test
    void a429IsDueAgainAfterXerosRetryAfter() {
        assertThat(AllocationDecisions.sendFailed(refused(XeroFailure.Kind.THROTTLED, 429), TIMING, 0))
                .isEqualTo(new Later(NOW.plusSeconds(7), null, false));
    }

    @Test
    void a400IsRefusedForGood() {
        assertThat(AllocationDecisions.sendFailed(refused(XeroFailure.Kind.REJECTED, 400), TIMING, 0)).isEqualTo(new Refused(
                DeliveryMessages.allocationRefused("Credit Note cannot be allocated as amount is greater than amount outstanding"),
                FixHints.ALLOCATE_BY_HAND));
    }

    @Test
    void a5xxIsUnknownSoTheCreditNoteIsReadBeforeAnyResend() {
        assertThat(AllocationDecisions.sendFailed(refused(XeroFailure.Kind.TEMPORARY, 503), TIMING, 0))
                .isInstanceOfSatisfying(Unknown.class, unknown -> assertThat(unknown.at()).isEqualTo(NOW.plusSeconds(5)));
    }

    @Test
    void aLostGrantWaitsWithoutBeingUnknown() {
        for (XeroFailure.Kind kind : List.of(XeroFailure.Kind.NEEDS_RECONNECT, XeroFailure.Kind.TOKEN_EXPIRED)) {
            assertThat(AllocationDecisions.sendFailed(refused(kind, 401), TIMING, 0)).isInstanceOfSatisfying(Later.class,
                    later -> assertThat(later.error()).startsWith("Xero connection expired"));
        }
        assertThat(AllocationDecisions.sendFailed(new XeroReply.Reconnect("invalid_grant"), TIMING, 0))
                .isInstanceOfSatisfying(Later.class, later -> assertThat(later.error()).contains("invalid_grant"));
    }

    @Test
    void noAnswerIsUnknownOnlyWhenTheCallMayHaveReachedXero() {
        assertThat(AllocationDecisions.sendFailed(new XeroReply.NoAnswer("timeout", true), TIMING, 0)).isInstanceOf(Unknown.class);
        assertThat(AllocationDecisions.sendFailed(new XeroReply.NoAnswer("refused", false), TIMING, 0)).isInstanceOf(Later.class);
        assertThat(AllocationDecisions.sendFailed(new XeroReply.Unavailable("token endpoint down"), TIMING, 0))
                .isInstanceOfSatisfying(Later.class, later -> assertThat(later.error()).contains("token endpoint down"));
    }

    @Test
    void aReadThatFailedLeavesAnUnknownAllocationUnknownAndADueOneDue() {
        XeroReply failed = refused(XeroFailure.Kind.TEMPORARY, 503);
        assertThat(AllocationDecisions.notNow(failed, true, TIMING, 1))
                .isEqualTo(new Unknown(NOW.plusSeconds(10), DeliveryMessages.allocationOnItsWay("Xero answered 503")));
        assertThat(AllocationDecisions.notNow(failed, false, TIMING, 1))
                .isEqualTo(new Later(NOW.plusSeconds(10), DeliveryMessages.allocationOnItsWay("Xero answered 503"), true));
        assertThat(AllocationDecisions.notNow(new XeroReply.NotSent(NOW.plusSeconds(2)), false, TIMING, 1))
                .isEqualTo(new Later(NOW.plusSeconds(2), null, false));
        assertThat(AllocationDecisions.notNow(refused(XeroFailure.Kind.THROTTLED, 429), true, TIMING, 1))
                .isEqualTo(new Unknown(NOW.plusSeconds(7), null));
    }

    @Test
    void theHistoryWordOfEachOutcomeIsNoneThePlanQuotaCounts() {
        assertThat(AllocationRepository.attemptOutcome(new Applied(null, BigDecimal.ONE))).isEqualTo("ALLOCATED");
        assertThat(AllocationRepository.attemptOutcome(new Refused("r", "h"))).isEqualTo("FAILED");
        assertThat(AllocationRepository.attemptOutcome(new Unknown(NOW, "e"))).isEqualTo("UNKNOWN");
        assertThat(AllocationRepository.attemptOutcome(new Later(NOW, "e", true))).isEqualTo("RETRY");
        assertThat(AllocationRepository.attemptOutcome(new Later(NOW, null, false))).isEqualTo("THROTTLED");
    }

    // ---- a newer version of an allocated credit note -----------------------------------------------------------

    private static final UUID CREDIT_NOTE_IN_XERO = UUID.fromString("00000000-0000-0000-0000-0000000000d4");

    private static DueDocument document(String xeroType, UUID xeroId) {
        return new DueDocument(UUID.randomUUID(), "ws", "o-1/CN-1", "o-1", xeroType, 3, "credit_note.issued", "{}",
                xeroId, 2L, "AUTHORISED", false, 1, null, null, null, 0);
    }

    @Test
    void aCreditNoteInXeroWithOurAllocationThereOrMaybeThereWaitsForItsRemoval() {
        for (AllocationState state : List.of(AllocationState.SENT, AllocationState.APPLIED, AllocationState.REMOVING)) {
            assertThat(AllocationDecisions.hold(document("ACCRECCREDIT", CREDIT_NOTE_IN_XERO), state)).as(state.name())
                    .isEqualTo(new Transition.Waiting(WaitingReason.ALLOCATION_REMOVAL,
                            DeliveryMessages.AWAITS_ALLOCATION_REMOVAL, FixHints.ALLOCATION_REMOVAL));
        }
        assertThat(AllocationDecisions.hold(document("ACCPAYCREDIT", CREDIT_NOTE_IN_XERO), AllocationState.APPLIED))
                .isInstanceOf(Transition.Waiting.class);
    }

    @Test
    void aCreditNoteWithoutALiveAllocationOfOursGoesOn() {
        assertThat(AllocationDecisions.hold(document("ACCRECCREDIT", CREDIT_NOTE_IN_XERO), null)).isNull();
        assertThat(AllocationDecisions.hold(document("ACCRECCREDIT", CREDIT_NOTE_IN_XERO), AllocationState.DUE)).isNull();
        assertThat(AllocationDecisions.hold(document("ACCRECCREDIT", CREDIT_NOTE_IN_XERO), AllocationState.REFUSED)).isNull();
        assertThat(AllocationDecisions.hold(document("ACCRECCREDIT", null), AllocationState.APPLIED))
                .as("not in Xero (yet)").isNull();
        assertThat(AllocationDecisions.hold(document("ACCREC", CREDIT_NOTE_IN_XERO), AllocationState.APPLIED))
                .as("an invoice has no allocation of its own").isNull();
    }

    private static DueRemoval removal(AllocationState state, UUID allocationId) {
        return new DueRemoval("ws", UUID.randomUUID(), state, CREDIT_NOTE_IN_XERO, INVOICE, allocationId,
                new BigDecimal("25.50"), 3, 2, 0, "o-1", "ACCRECCREDIT");
    }

    private static XeroAllocation allocation(UUID id, UUID invoice, String amount) {
        return new XeroAllocation(id, new BigDecimal(amount), null, new XeroAllocation.InvoiceReference(invoice), null, null);
    }

    @Test
    void anAppliedAllocationWithItsIdKnownIsRemovedWithoutARead() {
        assertThat(removal(AllocationState.APPLIED, ALLOCATION).readFirst()).isFalse();
        assertThat(AllocationDecisions.beforeRemoval(removal(AllocationState.APPLIED, ALLOCATION), null))
                .isEqualTo(new AllocationDecisions.BeforeRemoval.Send(ALLOCATION));
    }

    @Test
    void anUnknownRemovalOrAnUnknownIdIsReadFirst() {
        assertThat(removal(AllocationState.REMOVING, ALLOCATION).readFirst()).isTrue();
        assertThat(removal(AllocationState.APPLIED, null).readFirst()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                AllocationDecisions.beforeRemoval(removal(AllocationState.REMOVING, ALLOCATION), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readBackOurAllocationStillThereIsRemovedAgainAndOneGoneIsRemoved() {
        UUID someoneElses = UUID.randomUUID();
        assertThat(AllocationDecisions.beforeRemoval(removal(AllocationState.REMOVING, ALLOCATION),
                creditNote("0", allocation(someoneElses, INVOICE, "5.00"), allocation(ALLOCATION, INVOICE, "25.50"))))
                .isEqualTo(new AllocationDecisions.BeforeRemoval.Send(ALLOCATION));
        assertThat(AllocationDecisions.beforeRemoval(removal(AllocationState.REMOVING, ALLOCATION),
                creditNote("20.50", allocation(someoneElses, INVOICE, "5.00"))))
                .as("only someone else's allocation left: ours is gone")
                .isEqualTo(new AllocationDecisions.BeforeRemoval.Done(new RemovalOutcome.Removed()));
        assertThat(AllocationDecisions.beforeRemoval(removal(AllocationState.REMOVING, ALLOCATION), creditNote("25.50")))
                .isEqualTo(new AllocationDecisions.BeforeRemoval.Done(new RemovalOutcome.Removed()));
    }

    @Test
    void withoutAStoredIdOursIsTheOneToTheInvoiceForTheAmountSent() {
        UUID found = UUID.randomUUID();
        assertThat(AllocationDecisions.beforeRemoval(removal(AllocationState.APPLIED, null),
                creditNote("0", allocation(UUID.randomUUID(), OTHER_INVOICE, "25.50"), allocation(found, INVOICE, "25.50"))))
                .isEqualTo(new AllocationDecisions.BeforeRemoval.Send(found));
        assertThat(AllocationDecisions.beforeRemoval(removal(AllocationState.APPLIED, null),
                creditNote("20.50", allocation(UUID.randomUUID(), INVOICE, "5.00"))))
                .as("another amount to the same invoice is not ours")
                .isEqualTo(new AllocationDecisions.BeforeRemoval.Done(new RemovalOutcome.Removed()));
    }

    @Test
    void anAnsweredRemovalIsRemoved() {
        assertThat(AllocationDecisions.afterRemoval(new XeroReply.Ok(null), TIMING, 0)).isEqualTo(new RemovalOutcome.Removed());
    }

    @Test
    void aRemovalThatMayHaveReachedXeroIsUnknownSoTheCreditNoteIsReadBack() {
        assertThat(AllocationDecisions.afterRemoval(refused(XeroFailure.Kind.TEMPORARY, 503), TIMING, 0))
                .isInstanceOfSatisfying(RemovalOutcome.Unknown.class, u -> assertThat(u.at()).isEqualTo(NOW.plusSeconds(5)));
        assertThat(AllocationDecisions.afterRemoval(refused(XeroFailure.Kind.REJECTED, 404), TIMING, 0))
                .as("no such allocation: removed already, or never ours").isInstanceOf(RemovalOutcome.Unknown.class);
        assertThat(AllocationDecisions.afterRemoval(new XeroReply.NoAnswer("timeout", true), TIMING, 0))
                .isInstanceOf(RemovalOutcome.Unknown.class);
    }

    @Test
    void aRemovalThatDidNotGoIsDueAgainAsItWas() {
        assertThat(AllocationDecisions.afterRemoval(new XeroReply.NotSent(NOW.plusSeconds(3)), TIMING, 0))
                .isEqualTo(new RemovalOutcome.Later(NOW.plusSeconds(3), null, false));
        assertThat(AllocationDecisions.afterRemoval(refused(XeroFailure.Kind.THROTTLED, 429), TIMING, 0))
                .isEqualTo(new RemovalOutcome.Later(NOW.plusSeconds(7), null, false));
        assertThat(AllocationDecisions.afterRemoval(new XeroReply.NoAnswer("refused", false), TIMING, 0))
                .isInstanceOfSatisfying(RemovalOutcome.Later.class, later -> assertThat(later.attempt()).isTrue());
        for (XeroFailure.Kind kind : List.of(XeroFailure.Kind.NEEDS_RECONNECT, XeroFailure.Kind.TOKEN_EXPIRED)) {
            assertThat(AllocationDecisions.afterRemoval(refused(kind, 401), TIMING, 0)).isInstanceOfSatisfying(
                    RemovalOutcome.Later.class, later -> assertThat(later.error()).startsWith("Xero connection expired"));
        }
        assertThat(AllocationDecisions.afterRemoval(new XeroReply.Reconnect("invalid_grant"), TIMING, 0))
                .isInstanceOfSatisfying(RemovalOutcome.Later.class, later -> assertThat(later.error()).contains("invalid_grant"));
    }

    @Test
    void aRemovalXeroRefusedLocksTheNewVersionWithXerosWordsAndWhatToDo() {
        assertThat(AllocationDecisions.afterRemoval(refused(XeroFailure.Kind.REJECTED, 400), TIMING, 0))
                .isInstanceOfSatisfying(RemovalOutcome.Refused.class, refused -> assertThat(refused.reason())
                        .contains("Xero refused to remove LedgerBridge's allocation")
                        .contains("Credit Note cannot be allocated as amount is greater than amount outstanding")
                        .contains("Remove the allocation in Xero and re-sync the document"));
    }

    @Test
    void aReadBeforeARemovalThatFailedLeavesTheAllocationAsItWas() {
        assertThat(AllocationDecisions.readFailed(refused(XeroFailure.Kind.TEMPORARY, 503), TIMING, 1))
                .isEqualTo(new RemovalOutcome.Later(NOW.plusSeconds(10), DeliveryMessages.removalOnItsWay("Xero answered 503"), true));
        assertThat(AllocationDecisions.readFailed(new XeroReply.NotSent(NOW.plusSeconds(2)), TIMING, 1))
                .isEqualTo(new RemovalOutcome.Later(NOW.plusSeconds(2), null, false));
        assertThat(AllocationDecisions.readFailed(refused(XeroFailure.Kind.THROTTLED, 429), TIMING, 1))
                .isEqualTo(new RemovalOutcome.Later(NOW.plusSeconds(7), null, false));
    }
}
