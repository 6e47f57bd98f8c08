package io.ledgerbridge.delivery;

import io.ledgerbridge.xero.XeroReply;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.coding.CodingResult;
import io.ledgerbridge.coding.CodingResult.Problem;
import io.ledgerbridge.delivery.DeliveryDecisions.BeforePayment;
import io.ledgerbridge.delivery.DeliveryDecisions.Cancel;
import io.ledgerbridge.delivery.DeliveryDecisions.Timing;
import io.ledgerbridge.delivery.DeliveryDecisions.WantedPayment;
import io.ledgerbridge.delivery.DeliveryDecisions.Written;
import io.ledgerbridge.delivery.Transition.PaymentNeed;
import io.ledgerbridge.xero.XeroFailure;
import io.ledgerbridge.xero.XeroInvoice;
import io.ledgerbridge.xero.XeroMessage;
import io.ledgerbridge.xero.XeroPayment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every outcome of a delivery pass, decided without Spring, Camel, a database or Xero: the document, what Xero
 * answered (or why it did not), and the transition that follows.
 */
class DeliveryDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Timing TIMING = new Timing(NOW, Duration.ofSeconds(60));
    private static final UUID XERO_ID = UUID.fromString("249f15fa-f2a7-4acc-8769-0984103f2225");
    private static final UUID OTHER_ID = UUID.fromString("430fa14a-f945-44d3-9f97-5df5e28441b8");
    private static final String URL = "https://orders.example/ledgerbridge/documents/1";

    private static DueDocument due(String type, UUID xeroId, String xeroStatus, String eventType, int attempts) {
        return new DueDocument(UUID.randomUUID(), "ws", "ord-1", "ord-1", type, 2, eventType, "{}", xeroId,
                xeroId == null ? null : 1L, xeroStatus, false, attempts, null, null, null, attempts);
    }

    private static DueDocument creating() {
        return due("ACCREC", null, null, "invoice.generated", 0);
    }

    private static CodingResult coding(List<String> withoutAccount) {
        return new CodingResult(List.of(), "Exclusive", false, withoutAccount, List.of(), BigDecimal.TEN, BigDecimal.ZERO);
    }

    private static Written written(boolean paymentWanted, String... withoutAccount) {
        return new Written(coding(List.of(withoutAccount)), "Demo Org", "INV-1", paymentWanted);
    }

    private static XeroInvoice answer(UUID id, String status, String... errors) {
        return new XeroInvoice(id, "ACCREC", null, null, null, null, "INV-1", null, URL, null, status, null, null, null,
                null, null, null, null, null, errors.length == 0 ? "OK" : "ERROR", errors.length > 0,
                List.of(errors).stream().map(XeroMessage::new).toList(), null);
    }

    private static XeroReply refused(XeroFailure.Kind kind, int status, Duration retryAfter) {
        return new XeroReply.Refused(new XeroFailure(kind, status, "Xero said " + status, retryAfter,
                kind == XeroFailure.Kind.TEMPORARY, List.of()));
    }

    // ---- written and answered ---------------------------------------------------------------------------------------

    @Test
    void anElementXeroSavedIsSynced() {
        assertThat(DeliveryDecisions.afterWrite(creating(), written(false), answer(XERO_ID, "AUTHORISED"), null))
                .isEqualTo(new Transition.Delivered(XERO_ID, "AUTHORISED", List.of(), PaymentNeed.NONE));
    }

    @Test
    void aDocumentSentAsADraftForWantOfAccountsWaitsForThemAndItsPaymentWithIt() {
        Transition transition = DeliveryDecisions.afterWrite(creating(), written(true, "APL-01 Apples"),
                answer(XERO_ID, "DRAFT"), null);
        assertThat(transition).isEqualTo(new Transition.Delivered(XERO_ID, "DRAFT", List.of("APL-01 Apples"), PaymentNeed.NONE));
        assertThat(((Transition.Delivered) transition).glAccountRequired()).isTrue();
    }

    @Test
    void aPaidOrderApprovedInXeroHasItsPaymentDueAndADraftOneWaitsForTheApproval() {
        assertThat(DeliveryDecisions.afterWrite(creating(), written(true), answer(XERO_ID, "AUTHORISED"), null))
                .isEqualTo(new Transition.Delivered(XERO_ID, "AUTHORISED", List.of(), PaymentNeed.DUE));
        assertThat(DeliveryDecisions.afterWrite(creating(), written(true), answer(XERO_ID, "DRAFT"), null))
                .isEqualTo(new Transition.Delivered(XERO_ID, "DRAFT", List.of(), PaymentNeed.AWAITS_APPROVAL));
    }

    @Test
    void anElementXeroRefusedFailsWithAPlainReasonAndAFix() {
        Transition transition = DeliveryDecisions.afterWrite(creating(), written(false),
                answer(new UUID(0, 0), null, "Invoice # must be unique."), null);
        assertThat(transition).isInstanceOfSatisfying(Transition.Failed.class, failed -> {
            assertThat(failed.reason()).contains("INV-1 already exists in Demo Org");
            assertThat(failed.fixHint()).contains("re-sync");
            assertThat(failed.answeredByXero()).isTrue();
            assertThat(failed.settlesUnknownOutcome()).isTrue();
        });
    }

    @Test
    void aChangeRefusedForAStatusThatIsPaidInXeroIsLocked() {
        DueDocument update = due("ACCREC", XERO_ID, "AUTHORISED", "order.updated", 1);
        assertThat(DeliveryDecisions.afterWrite(update, written(false),
                answer(XERO_ID, null, "Invoice not of valid status for modification"), "PAID"))
                .isInstanceOfSatisfying(Transition.Locked.class, locked -> {
                    assertThat(locked.xeroStatus()).isEqualTo("PAID");
                    assertThat(locked.reason()).contains("change it in Xero");
                });
        assertThat(DeliveryDecisions.afterWrite(update, written(false),
                answer(XERO_ID, null, "This document cannot be edited as it has a payment or credit note allocated to it."),
                null)).isInstanceOf(Transition.Locked.class);
        assertThat(DeliveryDecisions.afterWrite(update, written(false),
                answer(XERO_ID, null, "Invoice not of valid status for modification"), "AUTHORISED"))
                .as("refused for another status: a person has to look").isInstanceOf(Transition.Failed.class);
    }

    @Test
    void aCreditNoteXeroStillRefusesAsAllocatedIsLockedWithWhatAPersonDoesAboutSomeoneElsesAllocation() {
        DueDocument credit = due("ACCRECCREDIT", XERO_ID, "AUTHORISED", "credit_note.issued", 1);
        for (String refusal : List.of("This document cannot be edited as it has a payment or credit note allocated to it.",
                "Invoice not of valid status for modification")) {
            assertThat(DeliveryDecisions.afterWrite(credit, written(false), answer(XERO_ID, null, refusal), "PAID"))
                    .isInstanceOfSatisfying(Transition.Locked.class, locked -> assertThat(locked.reason())
                            .isEqualTo(DeliveryMessages.ALLOCATED_BY_SOMEONE_ELSE)
                            .contains("LedgerBridge did not make").contains("remove it in Xero and re-sync"));
        }
    }

    @Test
    void aCancelXeroTookIsVoided() {
        DueDocument cancel = due("ACCREC", XERO_ID, "AUTHORISED", "order.cancelled", 1);
        assertThat(DeliveryDecisions.afterWrite(cancel, written(false), answer(XERO_ID, "VOIDED"), null))
                .isEqualTo(new Transition.Voided(XERO_ID, "VOIDED"));
        assertThat(DeliveryDecisions.afterWrite(cancel, written(false),
                answer(XERO_ID, null, "Invoice not of valid status for modification"), "VOIDED"))
                .as("voided in Xero meanwhile").isEqualTo(new Transition.Voided(XERO_ID, "VOIDED"));
    }

    @Test
    void aDocumentNoAnswerConfirmsIsLookedUpBeforeAnythingIsSentAgain() {
        assertThat(DeliveryDecisions.noAnswerFor(creating(), true, TIMING)).isInstanceOfSatisfying(Transition.Unknown.class,
                unknown -> assertThat(unknown.at()).isEqualTo(NOW.plusSeconds(5)));
        assertThat(DeliveryDecisions.noAnswerFor(due("ACCREC", XERO_ID, "AUTHORISED", "order.updated", 3), false, TIMING))
                .as("an update Xero may have applied is just sent again").isInstanceOfSatisfying(Transition.RetryLater.class,
                        later -> assertThat(later.at()).isEqualTo(NOW.plusSeconds(40)));
    }

    // ---- the write as a whole ---------------------------------------------------------------------------------------

    @Test
    void aThrottledWriteWaitsAsXeroSaysAndClearsTheUnknownItsSendingMarked() {
        assertThat(DeliveryDecisions.writeFailed(creating(), refused(XeroFailure.Kind.THROTTLED, 429, Duration.ofSeconds(17)),
                true, TIMING)).isEqualTo(new Transition.Throttled(NOW.plusSeconds(17), true));
        assertThat(DeliveryDecisions.writeFailed(creating(), refused(XeroFailure.Kind.THROTTLED, 429, null), true, TIMING))
                .as("no Retry-After: a window").isEqualTo(new Transition.Throttled(NOW.plusSeconds(60), true));
        assertThat(DeliveryDecisions.writeFailed(creating(), new XeroReply.NotSent(NOW.plusSeconds(9)), true, TIMING))
                .as("the pacer said not yet").isEqualTo(new Transition.Throttled(NOW.plusSeconds(9), true));
    }

    @Test
    void aWriteXeroMayHaveDoneIsUnknownUntilLookedUp() {
        assertThat(DeliveryDecisions.writeFailed(creating(), refused(XeroFailure.Kind.TEMPORARY, 503, null), true, TIMING))
                .isInstanceOf(Transition.Unknown.class);
        assertThat(DeliveryDecisions.writeFailed(creating(), new XeroReply.NoAnswer("Read timed out", true), true, TIMING))
                .isInstanceOfSatisfying(Transition.Unknown.class, unknown -> assertThat(unknown.error())
                        .startsWith("Sync unsuccessful (temporary)").contains("Read timed out"));
        assertThat(DeliveryDecisions.writeFailed(creating(), new XeroReply.Unavailable("token endpoint down"), true, TIMING))
                .as("nothing was sent").isInstanceOf(Transition.RetryLater.class);
    }

    @Test
    void aGrantThatIsGoneParksTheDocumentUntilTheWorkspaceConnectsAgain() {
        Transition transition = DeliveryDecisions.writeFailed(creating(), refused(XeroFailure.Kind.NEEDS_RECONNECT, 403, null),
                true, TIMING);
        assertThat(transition).isInstanceOfSatisfying(Transition.Waiting.class, waiting -> {
            assertThat(waiting.reason()).isEqualTo(WaitingReason.NEEDS_RECONNECT);
            assertThat(waiting.fixHint()).contains("Connect Xero again");
        });
        assertThat(DeliveryDecisions.writeFailed(creating(), new XeroReply.Reconnect("invalid_grant"), true, TIMING))
                .isInstanceOf(Transition.Waiting.class);
    }

    @Test
    void aRequestXeroRejectedAsAWholeFailsButKeepsTheUnknownOutcome() {
        assertThat(DeliveryDecisions.writeFailed(creating(), refused(XeroFailure.Kind.REJECTED, 400, null), true, TIMING))
                .isInstanceOfSatisfying(Transition.Failed.class, failed -> {
                    assertThat(failed.reason()).startsWith("Xero rejected the request");
                    assertThat(failed.settlesUnknownOutcome()).isFalse();
                });
    }

    // ---- before the write -------------------------------------------------------------------------------------------

    @Test
    void aDocumentTheCoderStopsFailsWithTheCodersReasonAndFix() {
        CodingResult stopped = new CodingResult(List.of(), "Exclusive", false, List.of(),
                List.of(new Problem("Tax code GST has no Xero tax rate for sales in Demo Org.", "Map it.")), null, null);
        assertThat(DeliveryDecisions.notSendable(stopped))
                .isEqualTo(new Transition.Failed("Tax code GST has no Xero tax rate for sales in Demo Org.", "Map it.", false));
        assertThat(DeliveryDecisions.unreadable("Number value length (1001) exceeds the maximum"))
                .isInstanceOfSatisfying(Transition.Failed.class, failed -> {
                    assertThat(failed.reason()).contains("cannot be read").contains("1001");
                    assertThat(failed.fixHint()).contains("corrected version");
                });
    }

    @Test
    void aDocumentOverTheFreePlansQuotaWaitsForTheUpgradeOrTheMonth() {
        assertThat(DeliveryDecisions.overQuota(30)).isInstanceOfSatisfying(Transition.OverQuota.class, over -> {
            assertThat(over.reason()).contains("30");
            assertThat(over.fixHint()).contains("Upgrade to Pro");
        });
    }

    // ---- looking up after an unanswered write ---------------------------------------------------------------------

    @Test
    void anUnknownOutcomeIsFoundByWhatLedgerBridgePutOnTheDocumentOrProvenAbsent() {
        XeroInvoice identity = XeroInvoice.outgoing(null, "ACCREC", null, null, null, null, null, null, URL, null, null, null);
        XeroInvoice ours = answer(XERO_ID, "AUTHORISED");
        XeroInvoice someoneElses = XeroInvoice.outgoing(OTHER_ID, "ACCREC", null, null, null, null, "INV-1", null,
                "https://elsewhere.example/1", null, "AUTHORISED", null);
        assertThat(DeliveryDecisions.afterLookup(identity, List.of(someoneElses, ours)))
                .isEqualTo(new Transition.Found(XERO_ID, "AUTHORISED"));
        assertThat(DeliveryDecisions.afterLookup(identity, List.of(someoneElses))).isEqualTo(new Transition.Absent());
        assertThat(DeliveryDecisions.afterLookup(identity, List.of())).isEqualTo(new Transition.Absent());
    }

    @Test
    void twoLiveDocumentsThatAreBothThisOneNeedAPerson() {
        XeroInvoice identity = XeroInvoice.outgoing(null, "ACCREC", null, null, null, null, null, null, URL, null, null, null);
        assertThat(DeliveryDecisions.afterLookup(identity, List.of(answer(XERO_ID, "AUTHORISED"), answer(OTHER_ID, "DRAFT"))))
                .isInstanceOfSatisfying(Transition.Failed.class, failed -> {
                    assertThat(failed.reason()).contains("2 documents").contains(XERO_ID.toString());
                    assertThat(failed.settlesUnknownOutcome()).isFalse();
                });
        assertThat(DeliveryDecisions.afterLookup(identity, List.of(answer(XERO_ID, "VOIDED"), answer(OTHER_ID, "AUTHORISED"))))
                .as("a voided copy does not count").isEqualTo(new Transition.Found(OTHER_ID, "AUTHORISED"));
    }

    @Test
    void onlyALookUpThatFoundOrProvedAbsentSettlesAnUnknownOutcome() {
        DueDocument unknown = creating();
        assertThat(DeliveryDecisions.lookupFailed(unknown, refused(XeroFailure.Kind.REJECTED, 400, null), TIMING))
                .isInstanceOfSatisfying(Transition.Failed.class, failed -> {
                    assertThat(failed.reason()).contains("could not check whether Xero already holds");
                    assertThat(failed.settlesUnknownOutcome()).isFalse();
                });
        assertThat(DeliveryDecisions.lookupFailed(unknown, refused(XeroFailure.Kind.THROTTLED, 429, Duration.ofSeconds(5)),
                TIMING)).isEqualTo(new Transition.Throttled(NOW.plusSeconds(5), false));
        assertThat(DeliveryDecisions.lookupFailed(unknown, new XeroReply.NotSent(NOW.plusSeconds(3)), TIMING))
                .isEqualTo(new Transition.Throttled(NOW.plusSeconds(3), false));
        assertThat(DeliveryDecisions.lookupFailed(unknown, refused(XeroFailure.Kind.TEMPORARY, 503, null), TIMING))
                .isInstanceOf(Transition.RetryLater.class);
        assertThat(List.of(new Transition.Found(XERO_ID, "DRAFT"), new Transition.Absent()))
                .allMatch(Transition::settlesUnknownOutcome);
        assertThat(List.of(new Transition.Throttled(NOW, false), new Transition.RetryLater(NOW, "x"),
                new Transition.Unknown(NOW, "x"), new Transition.Failed("x", "y", false)))
                .noneMatch(Transition::settlesUnknownOutcome);
    }

    // ---- cancelling -------------------------------------------------------------------------------------------------

    @Test
    void aCancelFollowsTheStatusXeroHoldsNow() {
        DueDocument cancel = due("ACCREC", XERO_ID, "DRAFT", "order.cancelled", 1);
        assertThat(DeliveryDecisions.cancel(cancel, "AUTHORISED")).isEqualTo(new Cancel.Send("VOIDED"));
        assertThat(DeliveryDecisions.cancel(cancel, "DRAFT")).isEqualTo(new Cancel.Send("DELETED"));
        assertThat(DeliveryDecisions.cancel(cancel, "SUBMITTED")).isEqualTo(new Cancel.Send("DELETED"));
        assertThat(DeliveryDecisions.cancel(cancel, "VOIDED")).isEqualTo(new Cancel.Done(new Transition.Voided(XERO_ID, "VOIDED")));
        assertThat(DeliveryDecisions.cancel(cancel, "PAID")).isInstanceOfSatisfying(Cancel.Done.class,
                done -> assertThat(done.outcome()).isInstanceOf(Transition.Locked.class));
        assertThat(DeliveryDecisions.neverInXero()).isEqualTo(new Transition.Voided(null, null));
    }

    // ---- mark as paid -----------------------------------------------------------------------------------------------

    private static final WantedPayment WANTED = new WantedPayment(new BigDecimal("62.49"), LocalDate.of(2026, 11, 22), "PAY-9");

    private static XeroPayment payment(UUID id, String amount, String reference) {
        return new XeroPayment(id, new BigDecimal(amount), "/Date(1795305600000+0000)/", reference, "AUTHORISED", null, null, null);
    }

    private static XeroInvoice invoice(String status, String amountDue, List<XeroPayment> payments) {
        return new XeroInvoice(XERO_ID, "ACCREC", null, null, null, null, "INV-1", null, URL, null, status, null, null,
                null, new BigDecimal("62.49"), new BigDecimal(amountDue), null, payments, null, null, null, null, null);
    }

    @Test
    void aPaymentXeroTookWithoutAnAnswerIsFoundNotSentAgain() {
        UUID paymentId = UUID.randomUUID();
        assertThat(DeliveryDecisions.beforePayment(invoice("PAID", "0", List.of(payment(paymentId, "62.49", "PAY-9"))), WANTED))
                .isEqualTo(new BeforePayment.Done(new Transition.Paid(paymentId, "PAID")));
        assertThat(DeliveryDecisions.beforePayment(invoice("AUTHORISED", "62.49", List.of()), WANTED))
                .isEqualTo(new BeforePayment.Send());
        assertThat(DeliveryDecisions.beforePayment(invoice("AUTHORISED", "52.49",
                List.of(payment(UUID.randomUUID(), "10.00", "someone else's"))), WANTED))
                .as("another payment is not ours").isEqualTo(new BeforePayment.Send());
    }

    @Test
    void anInvoicePaidInXeroSomeOtherWayIsNotPaidTwiceAndADraftOneWaitsForItsApproval() {
        assertThat(DeliveryDecisions.beforePayment(invoice("PAID", "0", List.of()), WANTED))
                .isEqualTo(new BeforePayment.Done(new Transition.Paid(null, "PAID")));
        assertThat(DeliveryDecisions.beforePayment(invoice("DRAFT", "62.49", List.of()), WANTED))
                .isInstanceOfSatisfying(BeforePayment.Done.class, done -> assertThat(done.outcome())
                        .isInstanceOfSatisfying(Transition.Waiting.class, waiting -> {
                            assertThat(waiting.reason()).isEqualTo(WaitingReason.PAYMENT_AWAITS_APPROVAL);
                            assertThat(waiting.message()).contains("DRAFT");
                        }));
    }

    @Test
    void aPaymentIsAppliedRefusedOrOfUnknownOutcome() {
        UUID paymentId = UUID.randomUUID();
        assertThat(DeliveryDecisions.afterPayment(payment(paymentId, "62.49", "PAY-9"), "PAID"))
                .isEqualTo(new Transition.Paid(paymentId, "PAID"));
        XeroPayment refused = new XeroPayment(null, new BigDecimal("62.49"), null, "PAY-9", null, null, "ERROR",
                List.of(new XeroMessage("Payment amount exceeds the amount outstanding on this document")));
        assertThat(DeliveryDecisions.afterPayment(refused, "AUTHORISED")).isInstanceOfSatisfying(Transition.PaymentRefused.class,
                payment -> assertThat(payment.reason()).contains("exceeds the amount outstanding"));
        DueDocument paying = due("ACCREC", XERO_ID, "AUTHORISED", "order.paid", 2);
        assertThat(DeliveryDecisions.paymentFailed(paying, refused(XeroFailure.Kind.TEMPORARY, 503, null), TIMING))
                .as("a 5xx: looked up before any resend").isInstanceOf(Transition.PaymentUnknown.class);
        assertThat(DeliveryDecisions.paymentFailed(paying, new XeroReply.NoAnswer("timeout", true), TIMING))
                .isInstanceOf(Transition.PaymentUnknown.class);
        assertThat(DeliveryDecisions.paymentFailed(paying, refused(XeroFailure.Kind.THROTTLED, 429, Duration.ofSeconds(30)),
                TIMING)).as("a 429: definitely not applied").isEqualTo(new Transition.PaymentLater(NOW.plusSeconds(30), null));
        assertThat(DeliveryDecisions.noClearingAccount()).isInstanceOfSatisfying(Transition.PaymentRefused.class,
                payment -> assertThat(payment.fixHint()).contains("clearingAccount"));
    }
}
