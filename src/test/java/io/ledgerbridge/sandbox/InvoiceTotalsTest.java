package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Money: line amounts, tax per line with Xero's rounding, totals and decimal places (FACTS §5, §12). */
class InvoiceTotalsTest extends SandboxTest {

    @Test
    void computesTheContractSampleExclusiveOfTax() {
        HttpResponse<String> r = sandbox.put("/Invoices", """
                {"Invoices":[{"Type":"ACCREC","Contact":{"Name":"Harbour Cafe"},"Date":"2026-11-21","DueDate":"2026-12-05",
                  "InvoiceNumber":"INV-1001","Reference":"ORD-1001","LineAmountTypes":"Exclusive","Status":"AUTHORISED",
                  "LineItems":[
                    {"ItemCode":"APL-01","Description":"Apples 1kg","Quantity":10,"UnitAmount":4.50,"AccountCode":"200","TaxType":"EXEMPTOUTPUT",
                     "Tracking":[{"Name":"Region","Option":"North"}]},
                    {"Description":"Delivery","Quantity":1,"UnitAmount":15.00,"AccountCode":"200","TaxType":"OUTPUT"},
                    {"Description":"Card surcharge","Quantity":1,"UnitAmount":0.90,"AccountCode":"200","TaxType":"OUTPUT"}]}]}
                """, SUPPLIER);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode invoice = first(r, "Invoices");
        assertThat(invoice.get("SubTotal").decimalValue()).isEqualByComparingTo("60.90");
        assertThat(invoice.get("TotalTax").decimalValue()).isEqualByComparingTo("1.59");
        assertThat(invoice.get("Total").decimalValue()).isEqualByComparingTo("62.49");
        assertThat(invoice.get("AmountDue").decimalValue()).isEqualByComparingTo("62.49");
        assertThat(invoice.get("AmountPaid").decimalValue()).isEqualByComparingTo("0");
        assertThat(r.body()).contains("\"Quantity\":10.0000", "\"UnitAmount\":4.50", "\"TaxAmount\":0.09",
                "\"LineAmount\":45.00", "\"SubTotal\":60.90", "\"Total\":62.49");
        JsonNode tracking = invoice.get("LineItems").get(0).get("Tracking").get(0);
        assertThat(tracking.get("Name").asText()).isEqualTo("Region");
        assertThat(tracking.get("Option").asText()).isEqualTo("North");
        assertThat(tracking.get("TrackingOptionID").asText()).hasSize(36);
    }

    @Test
    void roundsTaxPerLineHalfUpThenSums() {
        // 0.05 × 10% = 0.005 → 0.01 on each line; on the sum it would be 0.015 → 0.02
        HttpResponse<String> r = createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":"Harbour Cafe"},"LineItems":[
                  {"Description":"a","Quantity":1,"UnitAmount":0.05,"AccountCode":"200","TaxType":"OUTPUT"},
                  {"Description":"b","Quantity":1,"UnitAmount":0.05,"AccountCode":"200","TaxType":"OUTPUT"},
                  {"Description":"c","Quantity":1,"UnitAmount":0.05,"AccountCode":"200","TaxType":"OUTPUT"}]}
                """);
        JsonNode invoice = first(r, "Invoices");
        assertThat(invoice.get("TotalTax").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(invoice.get("Total").decimalValue()).isEqualByComparingTo("0.18");
    }

    @Test
    void inclusiveLinesCarryTheGrossAndTaxIsTheTenthOfEleven() {
        HttpResponse<String> r = createInvoice(VENUE, """
                {"Type":"ACCPAY","Contact":{"Name":"Fresh Produce Co"},"LineAmountTypes":"Inclusive","LineItems":[
                  {"Description":"Delivery","Quantity":1,"UnitAmount":16.50,"AccountCode":"425","TaxType":"INPUT"},
                  {"Description":"Apples","Quantity":3,"UnitAmount":3.33,"AccountCode":"310","TaxType":"INPUT"}]}
                """);
        JsonNode bill = first(r, "Invoices");
        // 16.50 → tax 1.50; 9.99 → tax 0.908… → 0.91
        assertThat(bill.get("TotalTax").decimalValue()).isEqualByComparingTo("2.41");
        assertThat(bill.get("Total").decimalValue()).isEqualByComparingTo("26.49");
        assertThat(bill.get("SubTotal").decimalValue()).isEqualByComparingTo("24.08");
        assertThat(bill.get("LineAmountTypes").asText()).isEqualTo("Inclusive");
    }

    @Test
    void noTaxDocumentsCarryNoTax() {
        HttpResponse<String> r = createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":"Harbour Cafe"},"LineAmountTypes":"NoTax","LineItems":[
                  {"Description":"Delivery","Quantity":2,"UnitAmount":15,"AccountCode":"200","TaxType":"OUTPUT"}]}
                """);
        JsonNode invoice = first(r, "Invoices");
        assertThat(invoice.get("TotalTax").decimalValue()).isEqualByComparingTo("0");
        assertThat(invoice.get("Total").decimalValue()).isEqualByComparingTo("30.00");
    }

    @Test
    void appliesDiscountRateOnSalesInvoices() {
        HttpResponse<String> r = createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":"Harbour Cafe"},"LineItems":[
                  {"Description":"Juice","Quantity":3,"UnitAmount":6.50,"DiscountRate":10,"AccountCode":"200","TaxType":"OUTPUT"}]}
                """);
        JsonNode invoice = first(r, "Invoices");
        JsonNode line = invoice.get("LineItems").get(0);
        assertThat(line.get("LineAmount").decimalValue()).isEqualByComparingTo("17.55");
        assertThat(line.get("TaxAmount").decimalValue()).isEqualByComparingTo("1.76");
        assertThat(invoice.get("TotalDiscount").decimalValue()).isEqualByComparingTo("1.95");
        assertThat(invoice.get("IsDiscounted").asBoolean()).isTrue();
        assertThat(invoice.get("Total").decimalValue()).isEqualByComparingTo("19.31");
    }

    @Test
    void keepsFourDecimalUnitAmountsOnlyWithUnitdp4() {
        String body = """
                {"Invoices":[{"Type":"ACCREC","Contact":{"Name":"Harbour Cafe"},"LineItems":[
                  {"Description":"Grams","Quantity":3,"UnitAmount":0.1234,"AccountCode":"200","TaxType":"EXEMPTOUTPUT"}]}]}
                """;
        JsonNode four = first(sandbox.put("/Invoices?unitdp=4", body, SUPPLIER), "Invoices");
        assertThat(four.get("LineItems").get(0).get("UnitAmount").toString()).isEqualTo("0.1234");
        assertThat(four.get("LineItems").get(0).get("LineAmount").toString()).isEqualTo("0.37");
        JsonNode two = first(sandbox.put("/Invoices", body, SUPPLIER), "Invoices");
        assertThat(two.get("LineItems").get(0).get("UnitAmount").toString()).isEqualTo("0.12");
        assertThat(two.get("LineItems").get(0).get("LineAmount").toString()).isEqualTo("0.36");
    }

    @Test
    void writesXeroDatesAndTheEnvelope() {
        HttpResponse<String> r = createInvoice(SUPPLIER, invoice("ACCREC", null, "DRAFT", "10"));
        JsonNode body = json(r);
        assertThat(body.get("Status").asText()).isEqualTo("OK");
        assertThat(body.get("Id").asText()).hasSize(36);
        assertThat(body.get("ProviderName").asText()).isNotBlank();
        assertThat(body.get("DateTimeUTC").asText()).matches("/Date\\(\\d+\\)/");
        JsonNode invoice = body.get("Invoices").get(0);
        assertThat(invoice.get("Date").asText()).isEqualTo("/Date(1795219200000+0000)/");
        assertThat(invoice.get("DateString").asText()).isEqualTo("2026-11-21T00:00:00");
        assertThat(invoice.get("UpdatedDateUTC").asText()).matches("/Date\\(\\d+\\+0000\\)/");
        assertThat(invoice.get("UpdatedDateUTCString").asText()).isEqualTo("2026-11-21T09:30:00Z");
        assertThat(invoice.get("InvoiceNumber").asText()).isEqualTo("INV-0001");
    }

    @Test
    void acceptsDotNetAndIsoDatesOnInput() {
        HttpResponse<String> r = createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":"Harbour Cafe"},"Date":"/Date(1795219200000+0000)/",
                 "DueDate":"2026-12-05T00:00:00","LineItems":[{"Description":"x","Quantity":1,"UnitAmount":1,"AccountCode":"200"}]}
                """);
        JsonNode invoice = first(r, "Invoices");
        assertThat(invoice.get("DateString").asText()).isEqualTo("2026-11-21T00:00:00");
        assertThat(invoice.get("DueDateString").asText()).isEqualTo("2026-12-05T00:00:00");
    }

    @Test
    void takesLineDefaultsFromTheItemAndTheAccount() {
        JsonNode line = first(createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":"Harbour Cafe"},"LineItems":[{"ItemCode":"APL-01","Quantity":2}]}
                """), "Invoices").get("LineItems").get(0);
        assertThat(line.get("Description").asText()).isEqualTo("Apples 1kg");
        assertThat(line.get("UnitAmount").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(line.get("AccountCode").asText()).isEqualTo("200");
        assertThat(line.get("TaxType").asText()).isEqualTo("EXEMPTOUTPUT");
        assertThat(line.get("Item").get("Code").asText()).isEqualTo("APL-01");

        JsonNode freight = first(createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":"Harbour Cafe"},"LineItems":[{"Description":"Freight","Quantity":1,"UnitAmount":10,"AccountCode":"200"}]}
                """), "Invoices").get("LineItems").get(0);
        assertThat(freight.get("TaxType").asText()).isEqualTo("OUTPUT");
        assertThat(freight.get("TaxAmount").decimalValue()).isEqualByComparingTo("1.00");
    }

    @Test
    void aLineWithoutTaxTypeTakesTheAccountsDefaultRateAndTheTotalsIncludeIt() {
        // 200 Sales defaults to OUTPUT (GST on Income, 10 %); the second line says TaxType null outright
        HttpResponse<String> sale = createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"Name":"Harbour Cafe"},"LineAmountTypes":"Exclusive","LineItems":[
                  {"Description":"Produce","Quantity":4,"UnitAmount":25.00,"AccountCode":"200"},
                  {"Description":"Delivery","Quantity":1,"UnitAmount":15.50,"AccountCode":"200","TaxType":null}]}
                """);
        assertThat(sale.statusCode()).as(sale.body()).isEqualTo(200);
        JsonNode invoice = first(sale, "Invoices");
        assertThat(invoice.get("LineItems")).extracting(l -> l.path("TaxType").asText()).containsExactly("OUTPUT", "OUTPUT");
        assertThat(invoice.get("LineItems")).extracting(l -> l.get("TaxAmount").decimalValue())
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("10.00"), new java.math.BigDecimal("1.55"));
        assertThat(invoice.get("SubTotal").decimalValue()).isEqualByComparingTo("115.50");
        assertThat(invoice.get("TotalTax").decimalValue()).isEqualByComparingTo("11.55");
        assertThat(invoice.get("Total").decimalValue()).isEqualByComparingTo("127.05");
        JsonNode stored = first(sandbox.get("/Invoices/" + invoice.get("InvoiceID").asText(), SUPPLIER), "Invoices");
        assertThat(stored.get("TotalTax").decimalValue()).isEqualByComparingTo("11.55");
        assertThat(stored.get("AmountDue").decimalValue()).isEqualByComparingTo("127.05");

        // 429 General Expenses defaults to INPUT (GST on Expenses, 10 %); inclusive: tax is a tenth of eleven
        HttpResponse<String> purchase = createInvoice(VENUE, """
                {"Type":"ACCPAY","Contact":{"Name":"Fresh Produce Co"},"LineAmountTypes":"Inclusive","LineItems":[
                  {"Description":"Cleaning","Quantity":1,"UnitAmount":220.00,"AccountCode":"429"},
                  {"Description":"Courier","Quantity":1,"UnitAmount":16.50,"AccountCode":"425"}]}
                """);
        assertThat(purchase.statusCode()).as(purchase.body()).isEqualTo(200);
        JsonNode bill = first(purchase, "Invoices");
        assertThat(bill.get("LineItems")).extracting(l -> l.path("TaxType").asText()).containsExactly("INPUT", "INPUT");
        assertThat(bill.get("TotalTax").decimalValue()).isEqualByComparingTo("21.50");
        assertThat(bill.get("SubTotal").decimalValue()).isEqualByComparingTo("215.00");
        assertThat(bill.get("Total").decimalValue()).isEqualByComparingTo("236.50");
    }
}
