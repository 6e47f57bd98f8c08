package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.xero.XeroContact;
import io.ledgerbridge.xero.XeroCreditNote;
import io.ledgerbridge.xero.XeroInvoice;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class XeroEndpointTest {

    private static final UUID CONTACT = UUID.fromString("7b0f6c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b");
    private static final UUID OTHER = UUID.fromString("430fa14a-f945-44d3-9f97-5df5e28441b8");
    private static final UUID XERO_ID = UUID.fromString("249f15fa-f2a7-4acc-8769-0984103f2225");

    private static DueDocument due(String type) {
        return new DueDocument(UUID.randomUUID(), "ws", "ord-1/CN-1", "ord-1", type, 1, "credit_note.issued", "{}",
                null, null, null, true, 1, null, null, null, 0);
    }

    private static OrderDocument creditNote(String number) {
        return new OrderDocument("ord-1", 1, null, number, null, null, null, null, "AUD", null, null, null, List.of(),
                null, null, null, null);
    }

    private static XeroCreditNote inXero(String type, String number, UUID contact, String status) {
        return new XeroCreditNote(XERO_ID, type, XeroContact.reference(contact), null, null, number, null, null, status,
                null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void eachDocumentGoesToItsCollection() {
        assertThat(XeroEndpoint.of(due("ACCREC"))).isEqualTo(XeroEndpoint.INVOICES);
        assertThat(XeroEndpoint.of(due("ACCPAY"))).isEqualTo(XeroEndpoint.INVOICES);
        assertThat(XeroEndpoint.of(due("ACCRECCREDIT"))).isEqualTo(XeroEndpoint.CREDIT_NOTES);
        assertThat(XeroEndpoint.of(due("ACCPAYCREDIT"))).isEqualTo(XeroEndpoint.CREDIT_NOTES);
        assertThat(XeroEndpoint.CREDIT_NOTES.path()).isEqualTo("/CreditNotes");
        assertThat(XeroEndpoint.CREDIT_NOTES.collection()).isEqualTo("CreditNotes");
        assertThat(IdempotencyKeys.of(XeroEndpoint.CREDIT_NOTES.keyKind(), "a-workspace-id", "{}",
                List.of(due("ACCRECCREDIT")))).startsWith("lb-credit-notes-").hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void invoicesAreLookedUpByTheirContactsWithOrWithoutANumberInPagesOfAThousand() {
        String query = XeroEndpoint.INVOICES.lookupQuery(List.of(CONTACT, CONTACT, OTHER), java.util.Arrays.asList("INV 1", null, "X"), 2);
        assertThat(query).isEqualTo("ContactIDs=" + CONTACT + "," + OTHER + "&page=2&pageSize=1000");
    }

    @Test
    void creditNotesAreLookedUpWithWhereByNumberAndContactBecauseGetCreditNotesHasNoOtherFilter() {
        String query = XeroEndpoint.CREDIT_NOTES.lookupQuery(List.of(CONTACT, OTHER), List.of("CN-1", "CN 2"), 1);

        String where = query.substring("where=".length(), query.indexOf('&'));
        assertThat(query).startsWith("where=").endsWith("&page=1&pageSize=1000");
        assertThat(where).doesNotContain(" ", "+", "\"");
        assertThat(URLDecoder.decode(where, StandardCharsets.UTF_8)).isEqualTo(
                "(CreditNoteNumber==\"CN-1\" AND Contact.ContactID==guid(\"" + CONTACT + "\"))"
                        + " OR (CreditNoteNumber==\"CN 2\" AND Contact.ContactID==guid(\"" + OTHER + "\"))");
    }

    @Test
    void aNumberXerosWhereCannotQuoteIsLookedUpByContactAlone() {
        String query = XeroEndpoint.CREDIT_NOTES.lookupQuery(List.of(CONTACT), List.of("CN \"7\""), 1);
        assertThat(URLDecoder.decode(query.substring("where=".length(), query.indexOf('&')), StandardCharsets.UTF_8))
                .isEqualTo("(Contact.ContactID==guid(\"" + CONTACT + "\"))");
    }

    @Test
    void aCreditNoteIsTheOneWrittenWhenTypeNumberAndContactMatch() {
        DueDocument due = due("ACCPAYCREDIT");
        var identity = XeroEndpoint.CREDIT_NOTES.identity(due, creditNote("CN-1"), CONTACT, "u");
        assertThat(DeliveryDecisions.afterLookup(identity, List.of(inXero("ACCPAYCREDIT", "cn-1", CONTACT, "AUTHORISED"))))
                .isEqualTo(new Transition.Found(XERO_ID, "AUTHORISED"));
        assertThat(DeliveryDecisions.afterLookup(identity, List.of(inXero("ACCRECCREDIT", "CN-1", CONTACT, "AUTHORISED"))))
                .as("another type").isEqualTo(new Transition.Absent());
        assertThat(DeliveryDecisions.afterLookup(identity, List.of(inXero("ACCPAYCREDIT", "CN-2", CONTACT, "AUTHORISED"))))
                .as("another number").isEqualTo(new Transition.Absent());
        assertThat(DeliveryDecisions.afterLookup(identity, List.of(inXero("ACCPAYCREDIT", "CN-1", OTHER, "AUTHORISED"))))
                .as("another contact").isEqualTo(new Transition.Absent());
        assertThat(DeliveryDecisions.afterLookup(identity, List.of(inXero("ACCPAYCREDIT", "CN-1", CONTACT, "DELETED"))))
                .as("deleted in Xero: found as it is, so a person's delete is not undone by a second credit note")
                .isEqualTo(new Transition.Found(XERO_ID, "DELETED"));
    }

    @Test
    void anInvoiceIsTheOneWrittenWhenItCarriesTheDocumentsUrl() {
        DueDocument due = due("ACCREC");
        XeroInvoice ours = XeroInvoice.outgoing(XERO_ID, "ACCREC", null, null, null, null, "INV-1", null,
                "https://app/documents/1", null, "AUTHORISED", null);
        XeroInvoice byHand = XeroInvoice.outgoing(XERO_ID, "ACCREC", null, null, null, null, "INV-1", null, null, null,
                "AUTHORISED", null);
        var identity = XeroEndpoint.INVOICES.identity(due, creditNote(null), CONTACT, "https://app/documents/1");
        assertThat(DeliveryDecisions.afterLookup(identity, List.of(ours))).isEqualTo(new Transition.Found(XERO_ID, "AUTHORISED"));
        assertThat(DeliveryDecisions.afterLookup(identity, List.of(byHand))).isEqualTo(new Transition.Absent());
    }
}
