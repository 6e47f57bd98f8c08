package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.delivery.StatusPullDecisions.Change;
import io.ledgerbridge.delivery.StatusPullDecisions.Deferred;
import io.ledgerbridge.delivery.StatusPullDecisions.Linked;
import io.ledgerbridge.delivery.StatusPullDecisions.Seen;
import io.ledgerbridge.delivery.StatusPullDecisions.Unchanged;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatusPullDecisionsTest {

    private static final UUID INVOICE = UUID.randomUUID();

    private static Linked document(DocumentState state, String xeroStatus, String amountPaid, boolean claimed) {
        return new Linked(UUID.randomUUID(), "ord-1", "ACCREC", 1, state, xeroStatus,
                amountPaid == null ? null : new BigDecimal(amountPaid), claimed);
    }

    private static Seen xero(String status, String amountPaid) {
        return new Seen(INVOICE, status, amountPaid == null ? null : new BigDecimal(amountPaid));
    }

    @Test
    void paidInXeroIsPaidNotLocked() {
        assertThat(StatusPullDecisions.decide(document(DocumentState.SYNCED, "AUTHORISED", null, false), xero("PAID", "62.49")))
                .isEqualTo(new Change(DocumentState.PAID, "PAID", new BigDecimal("62.49")));
    }

    @Test
    void partPaidKeepsItsStateAndTellsTheAmount() {
        assertThat(StatusPullDecisions.decide(document(DocumentState.SYNCED, "AUTHORISED", null, false),
                xero("AUTHORISED", "20.00")))
                .isEqualTo(new Change(DocumentState.SYNCED, "AUTHORISED", new BigDecimal("20.00")));
    }

    @Test
    void thePaidAmountSeenBeforeIsNoChange() {
        assertThat(StatusPullDecisions.decide(document(DocumentState.SYNCED, "AUTHORISED", "20", false),
                xero("AUTHORISED", "20.00"))).isInstanceOf(Unchanged.class);
        assertThat(StatusPullDecisions.decide(document(DocumentState.PAID, "PAID", "62.49", false), xero("PAID", "62.49")))
                .isInstanceOf(Unchanged.class);
        assertThat(StatusPullDecisions.decide(document(DocumentState.SYNCED, "AUTHORISED", null, false),
                xero("AUTHORISED", "0.00"))).isInstanceOf(Unchanged.class);
    }

    @Test
    void voidedOrDeletedInXeroIsVoidedWithXerosWord() {
        assertThat(StatusPullDecisions.decide(document(DocumentState.SYNCED, "AUTHORISED", null, false), xero("VOIDED", null)))
                .isEqualTo(new Change(DocumentState.VOIDED, "VOIDED", null));
        assertThat(StatusPullDecisions.decide(document(DocumentState.SYNCED, "DRAFT", null, false), xero("DELETED", null)))
                .isEqualTo(new Change(DocumentState.VOIDED, "DELETED", null));
        assertThat(StatusPullDecisions.decide(document(DocumentState.VOIDED, "VOIDED", null, false), xero("VOIDED", null)))
                .isInstanceOf(Unchanged.class);
    }

    @Test
    void approvedInXeroChangesWhatXeroSays() {
        assertThat(StatusPullDecisions.decide(document(DocumentState.SYNCED, "DRAFT", null, false), xero("AUTHORISED", null)))
                .isEqualTo(new Change(DocumentState.SYNCED, "AUTHORISED", null));
    }

    @Test
    void aPaymentRemovedInXeroMakesAPaidDocumentSyncedAgain() {
        assertThat(StatusPullDecisions.decide(document(DocumentState.PAID, "PAID", "62.49", false), xero("AUTHORISED", "0")))
                .isEqualTo(new Change(DocumentState.SYNCED, "AUTHORISED", null));
    }

    @Test
    void aDocumentAPassHoldsOrThatGoesAgainIsReadNextTime() {
        assertThat(StatusPullDecisions.decide(document(DocumentState.SYNCED, "AUTHORISED", null, true), xero("PAID", "1")))
                .isInstanceOf(Deferred.class);
        assertThat(StatusPullDecisions.decide(document(DocumentState.PENDING, "AUTHORISED", null, false), xero("PAID", "1")))
                .isInstanceOf(Deferred.class);
    }

    @Test
    void aPersonsOrARefusedUpdatesStateIsLeftAlone() {
        for (DocumentState state : new DocumentState[] {DocumentState.RESOLVED, DocumentState.LOCKED, DocumentState.FAILED}) {
            assertThat(StatusPullDecisions.decide(document(state, "AUTHORISED", null, false), xero("PAID", "62.49")))
                    .as(state.name()).isInstanceOf(Unchanged.class);
        }
    }

    @Test
    void aWaitingDocumentPaidInXeroIsPaidButOtherwiseWaits() {
        assertThat(StatusPullDecisions.decide(document(DocumentState.WAITING, "DRAFT", null, false), xero("PAID", "5")))
                .isEqualTo(new Change(DocumentState.PAID, "PAID", new BigDecimal("5")));
        assertThat(StatusPullDecisions.decide(document(DocumentState.WAITING, "DRAFT", null, false), xero("AUTHORISED", null)))
                .isInstanceOf(Unchanged.class);
    }

    @Test
    void aCreditNoteVoidedOrDeletedInXeroIsVoidedHere() {
        assertThat(StatusPullDecisions.decideCreditNote(document(DocumentState.SYNCED, "AUTHORISED", null, false),
                xero("VOIDED", null))).isEqualTo(new Change(DocumentState.VOIDED, "VOIDED", null));
        assertThat(StatusPullDecisions.decideCreditNote(document(DocumentState.SYNCED, "AUTHORISED", null, false),
                xero("DELETED", null))).isEqualTo(new Change(DocumentState.VOIDED, "DELETED", null));
        assertThat(StatusPullDecisions.decideCreditNote(document(DocumentState.VOIDED, "VOIDED", null, false),
                xero("VOIDED", null))).isInstanceOf(Unchanged.class);
    }

    @Test
    void aCreditNoteUsedUpInXeroIsNotPaidHereSoACorrectedVersionStillGoes() {
        assertThat(StatusPullDecisions.decideCreditNote(document(DocumentState.SYNCED, "AUTHORISED", null, false),
                xero("PAID", null))).isInstanceOf(Unchanged.class);
        assertThat(StatusPullDecisions.decideCreditNote(document(DocumentState.SYNCED, "DRAFT", null, false),
                xero("AUTHORISED", null))).isInstanceOf(Unchanged.class);
    }

    @Test
    void aCreditNoteAPassHoldsIsReadAgainLater() {
        assertThat(StatusPullDecisions.decideCreditNote(document(DocumentState.SYNCED, "AUTHORISED", null, true),
                xero("VOIDED", null))).isInstanceOf(Deferred.class);
    }
}
