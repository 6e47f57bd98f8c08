package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Xero's validation rules on invoices and bills, each with its exact status and message (FACTS §5, §9, §13). */
class InvoiceRulesTest extends SandboxTest {

    private static JsonNode only400Element(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("ErrorNumber").asInt()).isEqualTo(10);
        assertThat(body.get("Type").asText()).isEqualTo("ValidationException");
        assertThat(body.get("Message").asText()).isEqualTo("A validation exception occurred");
        assertThat(body.get("Elements")).hasSize(1);
        return body.get("Elements").get(0);
    }

    private static HttpResponse<String> line(String type, String status, String lineJson) {
        String contact = type.equals("ACCREC") ? "Harbour Cafe" : "Green Valley Farms";
        return createInvoice(SUPPLIER, """
                {"Type":"%s","Contact":{"Name":"%s"},"Date":"2026-11-21","DueDate":"2026-12-05","Status":"%s","LineItems":[%s]}
                """.formatted(type, contact, status, lineJson));
    }

    @Test
    void refusesAnArchivedAccount() {
        JsonNode e = only400Element(line("ACCPAY", "DRAFT",
                "{\"Description\":\"Boxes\",\"Quantity\":1,\"UnitAmount\":5,\"AccountCode\":\"477\",\"TaxType\":\"INPUT\"}"));
        assertThat(messages(e)).containsExactly(
                "The account code '477' has been archived, or deleted. Each line item must use a valid account code.");
        assertThat(e.get("HasErrors").asBoolean()).isTrue();
        assertThat(e.get("InvoiceID").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
    }

    @Test
    void dropsAnUnknownAccountCodeWithAWarningOnADraft() {
        HttpResponse<String> r = line("ACCREC", "DRAFT",
                "{\"Description\":\"Pears\",\"Quantity\":1,\"UnitAmount\":5,\"AccountCode\":\"999\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode invoice = first(r, "Invoices");
        assertThat(warnings(invoice)).containsExactly(
                "Account code '999' has been removed as it does not match a recognised account.");
        assertThat(invoice.get("LineItems").get(0).has("AccountCode")).isFalse();
    }

    @Test
    void refusesToApproveLinesWithoutAValidAccount() {
        JsonNode e = only400Element(line("ACCREC", "AUTHORISED",
                "{\"Description\":\"Pears\",\"Quantity\":1,\"UnitAmount\":5,\"AccountCode\":\"999\"}"));
        assertThat(messages(e)).containsExactly("Account must be valid.");
        assertThat(warnings(e)).containsExactly(
                "Account code '999' has been removed as it does not match a recognised account.");
    }

    @Test
    void refusesSystemAndBankAccountsOnLines() {
        JsonNode e = only400Element(line("ACCREC", "DRAFT",
                "{\"Description\":\"x\",\"Quantity\":1,\"UnitAmount\":5,\"AccountCode\":\"610\"}"));
        assertThat(messages(e)).containsExactly("Account code '610' is not a valid code for this document");
        JsonNode bank = only400Element(line("ACCREC", "DRAFT",
                "{\"Description\":\"x\",\"Quantity\":1,\"UnitAmount\":5,\"AccountCode\":\"090\"}"));
        assertThat(messages(bank)).containsExactly("Account code '090' is not a valid code for this document");
    }

    @Test
    void refusesATaxTypeTheDocumentCannotUse() {
        JsonNode sales = only400Element(line("ACCPAY", "DRAFT",
                "{\"Description\":\"x\",\"Quantity\":1,\"UnitAmount\":5,\"AccountCode\":\"310\",\"TaxType\":\"OUTPUT\"}"));
        assertThat(messages(sales)).containsExactly(
                "The TaxType code OUTPUT does not exist or cannot be used for this type of transaction.");
        JsonNode unknown = only400Element(line("ACCREC", "DRAFT",
                "{\"Description\":\"x\",\"Quantity\":1,\"UnitAmount\":5,\"AccountCode\":\"200\",\"TaxType\":\"GST on Income\"}"));
        assertThat(messages(unknown)).containsExactly(
                "The TaxType code GST on Income does not exist or cannot be used for this type of transaction.");
    }

    @Test
    void refusesATaxTypeTheAccountCannotUse() {
        JsonNode e = only400Element(line("ACCREC", "DRAFT",
                "{\"Description\":\"x\",\"Quantity\":1,\"UnitAmount\":5,\"AccountCode\":\"310\",\"TaxType\":\"EXEMPTOUTPUT\"}"));
        assertThat(messages(e)).containsExactly("The TaxType code 'EXEMPTOUTPUT' cannot be used with account code '310'.");
    }

    @Test
    void requiresUniqueNumbersOnSalesInvoicesOnly() {
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "INV-1", "DRAFT", "10")));
        JsonNode e = only400Element(createInvoice(SUPPLIER, invoice("ACCREC", "INV-1", "DRAFT", "12")));
        assertThat(messages(e)).containsExactly("Invoice # must be unique.");
        assertThat(e.get("InvoiceNumber").asText()).isEqualTo("INV-1");

        createdId(createInvoice(SUPPLIER, invoice("ACCPAY", "SUP-1", "DRAFT", "10")));
        createdId(createInvoice(SUPPLIER, invoice("ACCPAY", "SUP-1", "DRAFT", "10")));
        assertThat(json(sandbox.get("/Invoices?where=" + enc("InvoiceNumber==\"SUP-1\""), SUPPLIER)).get("Invoices")).hasSize(2);
    }

    @Test
    void requiresAContactName() {
        JsonNode empty = only400Element(createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":""},"LineItems":[{"Description":"x","Quantity":1,"UnitAmount":1,"AccountCode":"200"}]}
                """));
        assertThat(messages(empty)).containsExactly("Contact Name cannot be empty.");
        JsonNode none = only400Element(createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{},"LineItems":[{"Description":"x","Quantity":1,"UnitAmount":1,"AccountCode":"200"}]}
                """));
        assertThat(messages(none)).containsExactly(
                "The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber");
        JsonNode numberOnly = only400Element(createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"ContactNumber":"NOPE-1"},"LineItems":[{"Description":"x","Quantity":1,"UnitAmount":1,"AccountCode":"200"}]}
                """));
        assertThat(messages(numberOnly)).containsExactly("Contact Name cannot be empty.");
    }

    @Test
    void createsAContactNamedOnAnInvoiceOnlyWhenTheInvoiceIsSaved() {
        createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":"Brand New Bistro"},"Status":"AUTHORISED","LineItems":[{"Description":"x","Quantity":1,"UnitAmount":1,"AccountCode":"200"}]}
                """);
        assertThat(json(sandbox.get("/Contacts?searchTerm=Brand%20New", SUPPLIER)).get("Contacts")).isEmpty();
        createdId(createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":"Brand New Bistro"},"LineItems":[{"Description":"x","Quantity":1,"UnitAmount":1,"AccountCode":"200"}]}
                """));
        JsonNode contacts = json(sandbox.get("/Contacts?searchTerm=Brand%20New", SUPPLIER)).get("Contacts");
        assertThat(contacts).hasSize(1);
        assertThat(contacts.get(0).get("IsCustomer").asBoolean()).isTrue();
    }

    @Test
    void refusesATrackingOptionThatDoesNotExist() {
        JsonNode e = only400Element(line("ACCREC", "DRAFT", """
                {"Description":"x","Quantity":1,"UnitAmount":5,"AccountCode":"200","Tracking":[{"Name":"Region","Option":"Central"}]}
                """));
        assertThat(messages(e)).containsExactly("The tracking option 'Central' does not exist in tracking category 'Region'.");
        JsonNode category = only400Element(line("ACCREC", "DRAFT", """
                {"Description":"x","Quantity":1,"UnitAmount":5,"AccountCode":"200","Tracking":[{"Name":"Colour","Option":"Red"}]}
                """));
        assertThat(messages(category)).containsExactly("The tracking category 'Colour' does not exist or is not active.");
    }

    @Test
    void approvalNeedsADueDateAndCodedLines() {
        JsonNode e = only400Element(createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":"Harbour Cafe"},"Status":"AUTHORISED",
                 "LineItems":[{"Quantity":1,"UnitAmount":5},{"Description":"coded","Quantity":1,"UnitAmount":5,"AccountCode":"200"}]}
                """));
        assertThat(messages(e)).containsExactly("The document DueDate field must be specified.",
                "The description field is mandatory for each line item.", "Account must be valid.");
        // the same as a draft is fine
        assertThat(createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":"Harbour Cafe"},"LineItems":[{"Quantity":1,"UnitAmount":5}]}
                """).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesDiscountsOnBills() {
        JsonNode e = only400Element(line("ACCPAY", "DRAFT",
                "{\"Description\":\"x\",\"Quantity\":1,\"UnitAmount\":5,\"DiscountRate\":10,\"AccountCode\":\"310\"}"));
        assertThat(messages(e)).containsExactly("Discounts may not be applied to ACCPAY invoices.");
    }

    @Test
    void refusesALineTotalThatDoesNotAddUp() {
        JsonNode e = only400Element(line("ACCREC", "DRAFT",
                "{\"Description\":\"x\",\"Quantity\":3,\"UnitAmount\":2.50,\"LineAmount\":7.60,\"AccountCode\":\"200\"}"));
        assertThat(messages(e)).containsExactly("The line total 7.60 does not match the expected line total 7.50");
    }

    @Test
    void summarizedErrorsAre400WithOnlyTheFailedElementsButTheValidOnesAreSaved() {
        HttpResponse<String> r = sandbox.put("/Invoices", "{\"Invoices\":[" + invoice("ACCREC", "OK-1", "AUTHORISED", "10")
                + "," + invoice("ACCREC", "BAD-1", "AUTHORISED", "10").replace("\"200\"", "\"477\"") + "]}", SUPPLIER);
        JsonNode e = only400Element(r);
        assertThat(e.get("InvoiceNumber").asText()).isEqualTo("BAD-1");
        assertThat(json(sandbox.get("/Invoices?InvoiceNumbers=OK-1,BAD-1", SUPPLIER)).get("Invoices")).hasSize(1);
    }

    @Test
    void withSummarizeErrorsFalseEveryElementComesBackWithItsOwnStatus() {
        HttpResponse<String> r = sandbox.put("/Invoices?summarizeErrors=false", "{\"Invoices\":["
                + invoice("ACCREC", "OK-1", "AUTHORISED", "10") + ","
                + invoice("ACCREC", "BAD-1", "AUTHORISED", "10").replace("\"200\"", "\"477\"") + ","
                + invoice("ACCREC", "WARN-1", "DRAFT", "10").replace("\"200\"", "\"999\"") + "]}", SUPPLIER);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode invoices = json(r).get("Invoices");
        assertThat(invoices).hasSize(3);
        assertThat(invoices.get(0).get("StatusAttributeString").asText()).isEqualTo("OK");
        assertThat(invoices.get(0).get("HasErrors").asBoolean()).isFalse();
        assertThat(invoices.get(1).get("StatusAttributeString").asText()).isEqualTo("ERROR");
        assertThat(invoices.get(1).get("HasErrors").asBoolean()).isTrue();
        assertThat(messages(invoices.get(1))).containsExactly(
                "The account code '477' has been archived, or deleted. Each line item must use a valid account code.");
        assertThat(invoices.get(2).get("StatusAttributeString").asText()).isEqualTo("WARNING");
        assertThat(warnings(invoices.get(2))).hasSize(1);
        JsonNode saved = json(sandbox.get("/Invoices?InvoiceNumbers=OK-1,BAD-1,WARN-1", SUPPLIER)).get("Invoices");
        assertThat(saved).extracting(n -> n.get("InvoiceNumber").asText()).containsExactlyInAnyOrder("OK-1", "WARN-1");
    }

    @Test
    void paidInvoicesCannotBeModified() {
        String id = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "INV-9", "AUTHORISED", "10")));
        assertThat(sandbox.send("POST", "/sandbox/tenants/" + SUPPLIER + "/invoices/" + id + "/pay", "{}", null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> r = sandbox.post("/Invoices/" + id, "{\"Invoices\":[{\"Reference\":\"late change\"}]}", SUPPLIER);
        assertThat(messages(only400Element(r))).containsExactly("Invoice not of valid status for modification");
        JsonNode invoice = first(sandbox.get("/Invoices/" + id, SUPPLIER), "Invoices");
        assertThat(invoice.get("Status").asText()).isEqualTo("PAID");
        assertThat(invoice.get("AmountDue").decimalValue()).isEqualByComparingTo("0");
        assertThat(invoice.get("AmountPaid").decimalValue()).isEqualByComparingTo("11.00");
        assertThat(invoice.get("FullyPaidOnDate").asText()).startsWith("/Date(");
    }

    @Test
    void partPaidInvoicesCannotBeEditedOrVoided() {
        String id = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "INV-8", "AUTHORISED", "10")));
        sandbox.send("POST", "/sandbox/tenants/" + SUPPLIER + "/invoices/" + id + "/pay", "{\"amount\":5.00}", null);
        String allocated = "This document cannot be edited as it has a payment or credit note allocated to it.";
        assertThat(messages(only400Element(sandbox.post("/Invoices/" + id,
                "{\"Invoices\":[{\"Reference\":\"x\"}]}", SUPPLIER)))).containsExactly(allocated);
        assertThat(messages(only400Element(sandbox.post("/Invoices/" + id,
                "{\"Invoices\":[{\"Status\":\"VOIDED\"}]}", SUPPLIER)))).containsExactly(allocated);
    }

    @Test
    void followsXerosStatusTransitions() {
        String draft = createdId(createInvoice(SUPPLIER, invoice("ACCREC", null, "DRAFT", "10")));
        assertThat(first(sandbox.post("/Invoices/" + draft, "{\"Invoices\":[{\"Status\":\"SUBMITTED\"}]}", SUPPLIER),
                "Invoices").get("Status").asText()).isEqualTo("SUBMITTED");
        assertThat(first(sandbox.post("/Invoices/" + draft, "{\"Invoices\":[{\"Status\":\"AUTHORISED\"}]}", SUPPLIER),
                "Invoices").get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(messages(only400Element(sandbox.post("/Invoices/" + draft, "{\"Invoices\":[{\"Status\":\"DELETED\"}]}",
                SUPPLIER)))).containsExactly("Invoice not of valid status for modification");
        assertThat(first(sandbox.post("/Invoices/" + draft, "{\"Invoices\":[{\"Status\":\"VOIDED\"}]}", SUPPLIER),
                "Invoices").get("Status").asText()).isEqualTo("VOIDED");
        assertThat(messages(only400Element(sandbox.post("/Invoices/" + draft, "{\"Invoices\":[{\"Reference\":\"y\"}]}",
                SUPPLIER)))).containsExactly("Invoice not of valid status for modification");

        String other = createdId(createInvoice(SUPPLIER, invoice("ACCREC", null, "DRAFT", "10")));
        assertThat(first(sandbox.post("/Invoices/" + other, "{\"Invoices\":[{\"Status\":\"DELETED\"}]}", SUPPLIER),
                "Invoices").get("Status").asText()).isEqualTo("DELETED");
    }

    @Test
    void postUpdatesByIdInTheBodyOrBySalesInvoiceNumber() {
        String id = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "INV-77", "DRAFT", "10")));
        HttpResponse<String> byNumber = sandbox.post("/Invoices", """
                {"Invoices":[{"Type":"ACCREC","InvoiceNumber":"INV-77","Reference":"by number",
                  "LineItems":[{"Description":"More","Quantity":2,"UnitAmount":10,"AccountCode":"200"}]}]}
                """, SUPPLIER);
        assertThat(first(byNumber, "Invoices").get("InvoiceID").asText()).isEqualTo(id);
        assertThat(first(byNumber, "Invoices").get("Total").decimalValue()).isEqualByComparingTo("22.00");
        HttpResponse<String> byId = sandbox.post("/Invoices", "{\"Invoices\":[{\"InvoiceID\":\"" + id + "\",\"Reference\":\"by id\"}]}",
                SUPPLIER);
        assertThat(first(byId, "Invoices").get("Reference").asText()).isEqualTo("by id");
        assertThat(first(byId, "Invoices").get("Total").decimalValue()).isEqualByComparingTo("22.00");
        assertThat(first(sandbox.get("/Invoices/INV-77", SUPPLIER), "Invoices").get("InvoiceID").asText()).isEqualTo(id);
    }

    @Test
    void aRenumberedInvoiceIsFoundByItsNewNumberOnlyAndFreesTheOldOne() {
        String id = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "INV-80", "DRAFT", "10")));
        sandbox.post("/Invoices", "{\"Invoices\":[{\"InvoiceID\":\"" + id + "\",\"InvoiceNumber\":\"inv-81\"}]}", SUPPLIER);
        assertThat(first(sandbox.get("/Invoices/INV-81", SUPPLIER), "Invoices").get("InvoiceID").asText()).isEqualTo(id);
        assertThat(sandbox.get("/Invoices/INV-80", SUPPLIER).statusCode()).isEqualTo(404);
        String other = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "INV-80", "DRAFT", "12")));
        assertThat(other).isNotEqualTo(id);
        JsonNode e = only400Element(createInvoice(SUPPLIER, invoice("ACCREC", "Inv-81", "DRAFT", "12")));
        assertThat(messages(e)).containsExactly("Invoice # must be unique.");
    }

    @Test
    void ignoresUnknownProperties() {
        HttpResponse<String> r = createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":"Harbour Cafe"},"dateAsDate":"x","HasErrors":false,
                 "LineItems":[{"Description":"x","Quantity":1,"UnitAmount":1,"AccountCode":"200","Colour":"red"}]}
                """);
        assertThat(r.statusCode()).isEqualTo(200);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
