package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.coding.CodingResult;
import io.ledgerbridge.coding.CodingResult.AccountSource;
import io.ledgerbridge.coding.CodingResult.CodedLine;
import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.order.OrderDocument.AmountsAre;
import io.ledgerbridge.order.OrderDocument.Party;
import io.ledgerbridge.order.OrderDocument.Totals;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.workspace.WorkspaceSettings.AddressField;
import io.ledgerbridge.workspace.WorkspaceSettings.InvoiceStatus;
import io.ledgerbridge.workspace.WorkspaceSettings.Modules;
import io.ledgerbridge.workspace.WorkspaceSettings.PhoneField;
import io.ledgerbridge.xero.XeroCreditNote;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroLineItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreditNoteBuilderTest {

    private static final UUID CONTACT = UUID.fromString("7b0f6c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b");
    private static final UUID XERO_ID = UUID.fromString("249f15fa-f2a7-4acc-8769-0984103f2225");
    private static final XeroJson XERO_JSON = new XeroJson(new ObjectMapper());

    private static WorkspaceSettings settings(InvoiceStatus defaultStatus, boolean autoApproveBills) {
        return new WorkspaceSettings("200", "310", "425", "404", null, defaultStatus, autoApproveBills, true, false,
                new Modules(true, true, true, true, false), PhoneField.DEFAULT, AddressField.BILLING);
    }

    private static DueDocument due(String type, UUID xeroId, String xeroStatus) {
        return new DueDocument(UUID.randomUUID(), "ws", "ord-1/CN-1001", "ord-1", type, 2, "credit_note.issued", "{}",
                xeroId, xeroId == null ? null : 1L, xeroStatus, false, 0, null, null, null, 0);
    }

    private static OrderDocument creditNote(String invoiceNumber) {
        return new OrderDocument("ord-1", 2, invoiceNumber, "CN-1001", "ORD-1001", "PO-77", LocalDate.of(2026, 11, 24),
                null, "AUD", AmountsAre.TAX_EXCLUSIVE,
                new Party("ws-fresh", "Fresh Produce Co", null, null, null, null, null),
                new Party("ws-cafe", "Harbour Cafe", null, null, null, null, null),
                List.of(), Map.of(), new Totals(new BigDecimal("24.00"), new BigDecimal("1.50"), new BigDecimal("25.50")),
                null, null);
    }

    private static XeroLineItem apples(BigDecimal discountRate) {
        return new XeroLineItem("Apples 1kg", new BigDecimal("2"), new BigDecimal("4.50"), "APL-01", "200", "EXEMPTOUTPUT",
                discountRate, List.of(new XeroLineItem.Tracking("Region", "North")), null, null);
    }

    private static XeroLineItem freight() {
        return new XeroLineItem("Delivery", BigDecimal.ONE, new BigDecimal("15.00"), null, "260", "OUTPUT", null, null,
                null, null);
    }

    private static CodingResult coded(List<String> withoutAccount, XeroLineItem... lines) {
        List<CodedLine> coded = java.util.Arrays.stream(lines)
                .map(line -> new CodedLine(null, line.itemCode(), AccountSource.WORKSPACE_DEFAULT, line)).toList();
        return new CodingResult(coded, "Exclusive", false, withoutAccount, List.of(), new BigDecimal("25.50"), BigDecimal.ZERO);
    }

    @Test
    void aSupplierCreditNoteIsAnAccreccreditWithItsNumberContactLinesAndTheInvoiceItCreditsAsReference() {
        XeroCreditNote note = CreditNoteBuilder.build(due("ACCRECCREDIT", null, null), creditNote("INV-1001"),
                coded(List.of(), apples(null), freight()), CONTACT, settings(InvoiceStatus.AUTHORISED, false));

        assertThat(note.creditNoteId()).isNull();
        assertThat(note.type()).isEqualTo("ACCRECCREDIT");
        assertThat(note.creditNoteNumber()).isEqualTo("CN-1001");
        assertThat(note.contact().contactId()).isEqualTo(CONTACT);
        assertThat(note.contact().name()).isNull();
        assertThat(note.date()).isEqualTo("2026-11-24");
        assertThat(note.lineAmountTypes()).isEqualTo("Exclusive");
        assertThat(note.currencyCode()).isEqualTo("AUD");
        assertThat(note.reference()).isEqualTo("INV-1001");
        assertThat(note.status()).isEqualTo("AUTHORISED");
        assertThat(note.lineItems()).containsExactly(apples(null), freight());
    }

    @Test
    void withoutAnInvoiceNumberTheReferenceIsThePurchaseOrder() {
        XeroCreditNote note = CreditNoteBuilder.build(due("ACCRECCREDIT", null, null), creditNote(null),
                coded(List.of(), freight()), CONTACT, settings(InvoiceStatus.AUTHORISED, false));
        assertThat(note.reference()).isEqualTo("PO-77");
    }

    @Test
    void aVenueCreditNoteIsAnAccpaycreditWithoutReferenceApprovedWhenBillsAreAutoApproved() {
        XeroCreditNote note = CreditNoteBuilder.build(due("ACCPAYCREDIT", null, null), creditNote("INV-1001"),
                coded(List.of(), freight()), CONTACT, settings(InvoiceStatus.DRAFT, true));
        assertThat(note.type()).isEqualTo("ACCPAYCREDIT");
        assertThat(note.creditNoteNumber()).isEqualTo("CN-1001");
        assertThat(note.reference()).isNull();
        assertThat(note.status()).isEqualTo("AUTHORISED");

        XeroCreditNote notApproved = CreditNoteBuilder.build(due("ACCPAYCREDIT", null, null), creditNote("INV-1001"),
                coded(List.of(), freight()), CONTACT, settings(InvoiceStatus.SUBMITTED, false));
        assertThat(notApproved.status()).isEqualTo("SUBMITTED");
    }

    @Test
    void aCreditNoteWithALineWithoutAccountGoesAsDraftAndNeverBackFromAuthorised() {
        CodingResult unmapped = coded(List.of("APL-01 Apples 1kg"), apples(null));
        assertThat(CreditNoteBuilder.build(due("ACCRECCREDIT", null, null), creditNote("INV-1"), unmapped, CONTACT,
                settings(InvoiceStatus.AUTHORISED, true)).status()).isEqualTo("DRAFT");
        assertThat(CreditNoteBuilder.build(due("ACCRECCREDIT", XERO_ID, "AUTHORISED"), creditNote("INV-1"), unmapped,
                CONTACT, settings(InvoiceStatus.AUTHORISED, true)).status()).isNull();
        assertThat(CreditNoteBuilder.build(due("ACCRECCREDIT", XERO_ID, "DRAFT"), creditNote("INV-1"),
                coded(List.of(), apples(null)), CONTACT, settings(InvoiceStatus.AUTHORISED, false)).status())
                .isEqualTo("AUTHORISED");
    }

    @Test
    void anUpdateNamesTheCreditNoteXeroHolds() {
        XeroCreditNote note = CreditNoteBuilder.build(due("ACCRECCREDIT", XERO_ID, "AUTHORISED"), creditNote("INV-1"),
                coded(List.of(), freight()), CONTACT, settings(InvoiceStatus.AUTHORISED, false));
        assertThat(note.creditNoteId()).isEqualTo(XERO_ID);
        assertThat(note.status()).isNull();
    }

    @Test
    void theRequestBodyHasXerosCreditNoteFieldsOnly() {
        XeroCreditNote note = CreditNoteBuilder.build(due("ACCRECCREDIT", XERO_ID, null), creditNote("INV-1001"),
                coded(List.of(), freight()), CONTACT, settings(InvoiceStatus.AUTHORISED, false));

        JsonNode element = XERO_JSON.tree(XERO_JSON.write(Map.of("CreditNotes", List.of(note)))).get("CreditNotes").get(0);

        assertThat(element.get("CreditNoteID").asText()).isEqualTo(XERO_ID.toString());
        assertThat(element.get("CreditNoteNumber").asText()).isEqualTo("CN-1001");
        assertThat(element.get("Contact").toString()).isEqualTo("{\"ContactID\":\"" + CONTACT + "\"}");
        assertThat(element.get("LineItems").get(0).get("UnitAmount").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(element.fieldNames()).toIterable().containsExactlyInAnyOrder("CreditNoteID", "Type", "Contact", "Date",
                "LineAmountTypes", "CreditNoteNumber", "Reference", "CurrencyCode", "Status", "LineItems");
    }

    @Test
    void xerosAnswerIsReadWithItsIdStatusAndErrors() {
        String answer = """
                {"Id":"x","Status":"OK","CreditNotes":[
                  {"CreditNoteID":"249f15fa-f2a7-4acc-8769-0984103f2225","CreditNoteNumber":"CN-1001","Type":"ACCRECCREDIT",
                   "Status":"AUTHORISED","Total":25.50,"RemainingCredit":25.50,"Allocations":[],"StatusAttributeString":"OK",
                   "Contact":{"ContactID":"7b0f6c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b","Name":"Harbour Cafe"}},
                  {"CreditNoteID":"00000000-0000-0000-0000-000000000000","Type":"ACCPAYCREDIT","StatusAttributeString":"ERROR",
                   "HasErrors":true,"ValidationErrors":[{"Message":"Account must be valid."}]}]}
                """;
        List<XeroCreditNote> notes = XERO_JSON.list(answer, "CreditNotes", XeroCreditNote.class);

        assertThat(notes.get(0).xeroId()).isEqualTo(XERO_ID);
        assertThat(notes.get(0).failed()).isFalse();
        assertThat(notes.get(0).total()).isEqualByComparingTo("25.50");
        assertThat(notes.get(0).contact().contactId()).isEqualTo(CONTACT);
        assertThat(notes.get(1).failed()).isTrue();
        assertThat(notes.get(1).validationErrors()).extracting(m -> m.message()).containsExactly("Account must be valid.");
    }
}
