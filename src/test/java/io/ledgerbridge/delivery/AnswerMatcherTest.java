package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.xero.XeroContact;
import io.ledgerbridge.xero.XeroCreditNote;
import io.ledgerbridge.xero.XeroDocument;
import io.ledgerbridge.xero.XeroInvoice;
import io.ledgerbridge.xero.XeroMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each answer confirmed against its document before its Xero id is stored: never by position alone. */
class AnswerMatcherTest {

    private static final UUID A = UUID.fromString("249f15fa-f2a7-4acc-8769-0984103f2225");
    private static final UUID B = UUID.fromString("430fa14a-f945-44d3-9f97-5df5e28441b8");
    private static final UUID CONTACT = UUID.fromString("7b0f6c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b");

    private static XeroInvoice sent(UUID id, String url) {
        return XeroInvoice.outgoing(id, "ACCREC", XeroContact.reference(CONTACT), null, null, null, null, null, url, null,
                "AUTHORISED", null);
    }

    private static XeroInvoice answered(UUID id, String url, String... errors) {
        return new XeroInvoice(id, "ACCREC", null, null, null, null, null, null, url, null, "AUTHORISED", null, null, null,
                null, null, null, null, null, errors.length == 0 ? "OK" : "ERROR", errors.length > 0,
                Arrays.stream(errors).map(XeroMessage::new).toList(), null);
    }

    @Test
    void answersInXerosOrderAreTakenWhenTheyAreTheDocuments() {
        List<XeroDocument> matched = AnswerMatcher.match(List.of(sent(null, "u/1"), sent(null, "u/2")),
                List.of(answered(A, "u/1"), answered(B, "u/2")));
        assertThat(matched).extracting(XeroDocument::xeroId).containsExactly(A, B);
    }

    @Test
    void answersOutOfOrderGoToTheirOwnDocumentsNotToTheOnesAtTheirPosition() {
        List<XeroDocument> matched = AnswerMatcher.match(List.of(sent(null, "u/1"), sent(null, "u/2")),
                List.of(answered(B, "u/2"), answered(A, "u/1")));
        assertThat(matched).extracting(XeroDocument::xeroId).containsExactly(A, B);
    }

    @Test
    void aDocumentNoAnswerConfirmsGetsNoneRatherThanAnotherDocumentsId() {
        List<XeroDocument> matched = AnswerMatcher.match(List.of(sent(null, "u/1"), sent(null, "u/2")),
                List.of(answered(A, "u/1"), answered(B, "u/elsewhere")));
        assertThat(matched.get(0).xeroId()).isEqualTo(A);
        assertThat(matched.get(1)).isNull();
        assertThat(AnswerMatcher.match(List.of(sent(null, "u/1")), List.of())).containsExactly((XeroDocument) null);
    }

    @Test
    void anUpdateIsConfirmedByItsIdAndARefusalWithoutAnIdByItsUrl() {
        assertThat(AnswerMatcher.match(List.of(sent(A, "u/1")), List.of(answered(B, "u/1"))))
                .as("another id is another document, whatever the Url").containsExactly((XeroDocument) null);
        XeroInvoice refused = answered(new UUID(0, 0), "u/1", "Invoice not of valid status for modification");
        assertThat(AnswerMatcher.match(List.of(sent(A, "u/1")), List.of(refused))).containsExactly(refused);
    }

    @Test
    void aCancelCarryingOnlyItsIdIsConfirmedByThatId() {
        XeroInvoice cancel = XeroInvoice.outgoing(A, "ACCREC", null, null, null, null, null, null, null, null, "VOIDED", null);
        assertThat(AnswerMatcher.match(List.of(cancel), List.of(answered(A, "u/1")))).extracting(XeroDocument::xeroId)
                .containsExactly(A);
        assertThat(AnswerMatcher.match(List.of(cancel), List.of(answered(B, "u/1")))).containsExactly((XeroDocument) null);
    }

    @Test
    void aNewCreditNoteIsConfirmedByItsTypeNumberAndContact() {
        XeroCreditNote sent = XeroCreditNote.outgoing(null, "ACCRECCREDIT", XeroContact.reference(CONTACT), null, null,
                "CN-1", null, null, "AUTHORISED", null);
        XeroCreditNote ours = new XeroCreditNote(A, "ACCRECCREDIT", XeroContact.reference(CONTACT), null, null, "cn-1 ",
                null, null, "AUTHORISED", null, null, null, null, null, null, "OK", false, null, null);
        XeroCreditNote otherContact = new XeroCreditNote(B, "ACCRECCREDIT", XeroContact.reference(UUID.randomUUID()), null,
                null, "CN-1", null, null, "AUTHORISED", null, null, null, null, null, null, "OK", false, null, null);
        assertThat(AnswerMatcher.match(List.of(sent), List.of(otherContact, ours))).extracting(XeroDocument::xeroId)
                .containsExactly(A);
    }
}
