package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.delivery.PayoutDecisions.Decision;
import io.ledgerbridge.delivery.PayoutDecisions.Fail;
import io.ledgerbridge.delivery.PayoutDecisions.Invoice;
import io.ledgerbridge.delivery.PayoutDecisions.Line;
import io.ledgerbridge.delivery.PayoutDecisions.Payment;
import io.ledgerbridge.delivery.PayoutDecisions.Payout;
import io.ledgerbridge.delivery.PayoutDecisions.Send;
import io.ledgerbridge.delivery.PayoutDecisions.Wait;
import io.ledgerbridge.support.FixHints;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every branch of what a payout (F24) does with the invoices it pays. */
class PayoutDecisionsTest {

    private static final UUID X1 = UUID.randomUUID();
    private static final UUID X2 = UUID.randomUUID();

    private static Payout payout(Payment... payments) {
        return new Payout("po-1", "AUD", LocalDate.parse("2026-11-25"), "PAYOUT-1", List.of(payments));
    }

    private static Payment pays(String orderId, String amount) {
        return new Payment(orderId, null, new BigDecimal(amount));
    }

    private static Invoice synced(String orderId, UUID xeroId) {
        return new Invoice(orderId, DocumentState.SYNCED, xeroId, "AUTHORISED", "AUD", new BigDecimal("62.49"), null);
    }

    private static Map<String, Invoice> of(Invoice... invoices) {
        Map<String, Invoice> map = new HashMap<>();
        for (Invoice invoice : invoices) {
            map.put(invoice.orderId(), invoice);
        }
        return map;
    }

    @Test
    void allInXeroAndApprovedIsSentAsOneBatch() {
        Decision decision = PayoutDecisions.decide(payout(pays("o1", "62.49"), pays("o2", "20.00")),
                of(synced("o1", X1), synced("o2", X2)), "855");
        assertThat(decision).isEqualTo(new Send(List.of(new Line(X1, new BigDecimal("62.49")),
                new Line(X2, new BigDecimal("20.00")))));
    }

    @Test
    void aPartPaidInvoiceTakesWhatIsStillDue() {
        Invoice partPaid = new Invoice("o1", DocumentState.SYNCED, X1, "AUTHORISED", "AUD", new BigDecimal("62.49"),
                new BigDecimal("12.49"));
        assertThat(PayoutDecisions.decide(payout(pays("o1", "50.00")), of(partPaid), "855")).isInstanceOf(Send.class);
        assertThat(PayoutDecisions.decide(payout(pays("o1", "50.01")), of(partPaid), "855"))
                .isInstanceOfSatisfying(Fail.class, fail -> assertThat(fail.reason())
                        .contains("pays 50.01 on order o1, which has 50.00 due"));
    }

    @Test
    void anInvoiceRecordedButNotInXeroYetMakesItWait() {
        Invoice pending = new Invoice("o2", DocumentState.PENDING, null, null, "AUD", new BigDecimal("62.49"), null);
        assertThat(PayoutDecisions.decide(payout(pays("o1", "62.49"), pays("o2", "62.49")),
                of(synced("o1", X1), pending), "855"))
                .isInstanceOfSatisfying(Wait.class, wait -> {
                    assertThat(wait.reason()).contains("not in Xero yet: o2 (PENDING)");
                    assertThat(wait.fixHint()).isEqualTo(FixHints.PAYOUT_AWAITS_INVOICES);
                });
    }

    @Test
    void aDraftInXeroWaitsForTheApproval() {
        Invoice draft = new Invoice("o1", DocumentState.SYNCED, X1, "DRAFT", "AUD", new BigDecimal("62.49"), null);
        assertThat(PayoutDecisions.decide(payout(pays("o1", "62.49")), of(draft), "855"))
                .isInstanceOfSatisfying(Wait.class, wait -> {
                    assertThat(wait.reason()).contains("not approved in Xero: o1 (DRAFT)");
                    assertThat(wait.fixHint()).isEqualTo(FixHints.PAYOUT_AWAITS_APPROVAL);
                });
    }

    @Test
    void noClearingAccountWaitsForTheSetting() {
        assertThat(PayoutDecisions.decide(payout(pays("o1", "62.49")), of(synced("o1", X1)), null))
                .isInstanceOfSatisfying(Wait.class, wait -> {
                    assertThat(wait.reason()).contains("clearing account");
                    assertThat(wait.fixHint()).isEqualTo(FixHints.PAYOUT_AWAITS_CLEARING_ACCOUNT);
                });
        assertThat(PayoutDecisions.decide(payout(pays("o1", "62.49")), of(synced("o1", X1)), " "))
                .isInstanceOf(Wait.class);
    }

    @Test
    void anOrderLedgerBridgeDoesNotKnowFails() {
        assertThat(PayoutDecisions.decide(payout(pays("o1", "62.49"), pays("nope", "1.00")), of(synced("o1", X1)), "855"))
                .isInstanceOfSatisfying(Fail.class, fail -> {
                    assertThat(fail.reason()).contains("order nope has no sales invoice in LedgerBridge");
                    assertThat(fail.fixHint()).isEqualTo(FixHints.correctThePayout("po-1"))
                            .contains("/payouts/po-1/retry").contains("new payoutId");
                });
    }

    @Test
    void aPaidOrLockedInvoiceFails() {
        for (Invoice paid : List.of(
                new Invoice("o1", DocumentState.PAID, X1, "PAID", "AUD", new BigDecimal("62.49"), new BigDecimal("62.49")),
                new Invoice("o1", DocumentState.LOCKED, X1, "AUTHORISED", "AUD", new BigDecimal("62.49"), null),
                new Invoice("o1", DocumentState.SYNCED, X1, "PAID", "AUD", new BigDecimal("62.49"), null))) {
            assertThat(PayoutDecisions.decide(payout(pays("o1", "1.00")), of(paid), "855"))
                    .isInstanceOfSatisfying(Fail.class, fail -> assertThat(fail.reason()).contains("already paid"));
        }
    }

    @Test
    void aVoidedOrDeletedInvoiceFails() {
        for (Invoice voided : List.of(
                new Invoice("o1", DocumentState.VOIDED, X1, "VOIDED", "AUD", new BigDecimal("62.49"), null),
                new Invoice("o1", DocumentState.SYNCED, X1, "DELETED", "AUD", new BigDecimal("62.49"), null))) {
            assertThat(PayoutDecisions.decide(payout(pays("o1", "1.00")), of(voided), "855"))
                    .isInstanceOfSatisfying(Fail.class, fail -> assertThat(fail.reason()).contains("voided"));
        }
    }

    @Test
    void anInvoiceInAnotherCurrencyFails() {
        Invoice nzd = new Invoice("o1", DocumentState.SYNCED, X1, "AUTHORISED", "NZD", new BigDecimal("62.49"), null);
        assertThat(PayoutDecisions.decide(payout(pays("o1", "62.49")), of(nzd), "855"))
                .isInstanceOfSatisfying(Fail.class, fail -> assertThat(fail.reason())
                        .contains("order o1 is in NZD, the payout in AUD"));
    }

    @Test
    void aFailureWinsOverWaitingAndNamesEveryProblem() {
        Invoice pending = new Invoice("o2", DocumentState.PENDING, null, null, "AUD", new BigDecimal("62.49"), null);
        assertThat(PayoutDecisions.decide(payout(pays("o1", "99.00"), pays("o2", "1.00"), pays("o3", "1.00")),
                of(synced("o1", X1), pending), null))
                .isInstanceOfSatisfying(Fail.class, fail -> assertThat(fail.reason())
                        .contains("pays 99.00 on order o1").contains("order o3 has no sales invoice"));
    }

    @Test
    void anInvoiceTheAppliedPayoutPaysInFullIsPaidAndOnePartPaidStaysAuthorisedWithTheAmountPaid() {
        assertThat(PayoutDecisions.settle(new java.math.BigDecimal("62.49"), null, new java.math.BigDecimal("62.49")))
                .isEqualTo(new PayoutDecisions.Settled(DocumentState.PAID, "PAID", new java.math.BigDecimal("62.49")));
        assertThat(PayoutDecisions.settle(new java.math.BigDecimal("62.49"), new java.math.BigDecimal("20.00"),
                new java.math.BigDecimal("42.49")).state()).isEqualTo(DocumentState.PAID);
        PayoutDecisions.Settled part = PayoutDecisions.settle(new java.math.BigDecimal("62.49"),
                new java.math.BigDecimal("5.00"), new java.math.BigDecimal("20.00"));
        assertThat(part.state()).isEqualTo(DocumentState.SYNCED);
        assertThat(part.xeroStatus()).isEqualTo("AUTHORISED");
        assertThat(part.amountPaid()).isEqualByComparingTo("25.00");
    }
}
