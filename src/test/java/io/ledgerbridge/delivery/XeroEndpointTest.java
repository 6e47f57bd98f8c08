package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.delivery.XeroEndpoint.Wanted;
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
                null, null, null, true, 1, null);
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
        assertThat(DeliveryLane.idempotencyKey(XeroEndpoint.CREDIT_NOTES.keyKind(), "a-workspace-id", "{}"))
                .startsWith("lb-credit-notes-").hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void invoicesAreLookedUpByTheirNumbersAndContacts() {
        String query = XeroEndpoint.INVOICES.lookupQuery(List.of(new Wanted("INV 1", CONTACT), new Wanted("INV-2", CONTACT)));
        assertThat(query).isEqualTo("InvoiceNumbers=INV%201%2CINV-2&ContactIDs=" + CONTACT);
    }

    @Test
    void creditNotesAreLookedUpWithWhereByNumberAndContactBecauseGetCreditNotesHasNoOtherFilter() {
        String query = XeroEndpoint.CREDIT_NOTES.lookupQuery(List.of(new Wanted("CN-1", CONTACT), new Wanted("CN 2", OTHER)));

        assertThat(query).startsWith("where=").doesNotContain(" ", "+", "\"");
        assertThat(URLDecoder.decode(query.substring("where=".length()), StandardCharsets.UTF_8)).isEqualTo(
                "(CreditNoteNumber==\"CN-1\" AND Contact.ContactID==guid(\"" + CONTACT + "\"))"
                        + " OR (CreditNoteNumber==\"CN 2\" AND Contact.ContactID==guid(\"" + OTHER + "\"))");
    }

    @Test
    void aNumberXerosWhereCannotQuoteIsLookedUpByContactAlone() {
        String query = XeroEndpoint.CREDIT_NOTES.lookupQuery(List.of(new Wanted("CN \"7\"", CONTACT)));
        assertThat(URLDecoder.decode(query.substring("where=".length()), StandardCharsets.UTF_8))
                .isEqualTo("(Contact.ContactID==guid(\"" + CONTACT + "\"))");
    }

    @Test
    void aCreditNoteIsTheOneWrittenWhenTypeNumberAndContactMatchAndItIsNotGone() {
        Wanted wanted = new Wanted("CN-1", CONTACT);
        DueDocument due = due("ACCPAYCREDIT");
        assertThat(XeroEndpoint.CREDIT_NOTES.isSame(inXero("ACCPAYCREDIT", "cn-1", CONTACT, "AUTHORISED"), due, wanted, "u"))
                .isTrue();
        assertThat(XeroEndpoint.CREDIT_NOTES.isSame(inXero("ACCRECCREDIT", "CN-1", CONTACT, "AUTHORISED"), due, wanted, "u"))
                .as("another type").isFalse();
        assertThat(XeroEndpoint.CREDIT_NOTES.isSame(inXero("ACCPAYCREDIT", "CN-2", CONTACT, "AUTHORISED"), due, wanted, "u"))
                .as("another number").isFalse();
        assertThat(XeroEndpoint.CREDIT_NOTES.isSame(inXero("ACCPAYCREDIT", "CN-1", OTHER, "AUTHORISED"), due, wanted, "u"))
                .as("another contact").isFalse();
        assertThat(XeroEndpoint.CREDIT_NOTES.isSame(inXero("ACCPAYCREDIT", "CN-1", CONTACT, "DELETED"), due, wanted, "u"))
                .as("deleted").isFalse();
    }

    @Test
    void anInvoiceIsTheOneWrittenWhenItCarriesTheDocumentsUrl() {
        DueDocument due = due("ACCREC");
        XeroInvoice ours = XeroInvoice.outgoing(XERO_ID, "ACCREC", null, null, null, null, "INV-1", null,
                "https://app/documents/1", null, "AUTHORISED", null);
        XeroInvoice byHand = XeroInvoice.outgoing(XERO_ID, "ACCREC", null, null, null, null, "INV-1", null, null, null,
                "AUTHORISED", null);
        assertThat(XeroEndpoint.INVOICES.isSame(ours, due, new Wanted("INV-1", CONTACT), "https://app/documents/1")).isTrue();
        assertThat(XeroEndpoint.INVOICES.isSame(byHand, due, new Wanted("INV-1", CONTACT), "https://app/documents/1")).isFalse();
    }
}
