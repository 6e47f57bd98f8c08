package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvoiceTotalsTest {

    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = new Sandbox();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

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
                """, Sandbox.SUPPLIER);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode invoice = Sandbox.first(r, "Invoices");
        assertThat(invoice.get("SubTotal").decimalValue()).isEqualByComparingTo("60.90");
        assertThat(invoice.get("TotalTax").decimalValue()).isEqualByComparingTo("1.59");
        assertThat(invoice.get("Total").decimalValue()).isEqualByComparingTo("62.49");
        assertThat(invoice.get("AmountDue").decimalValue()).isEqualByComparingTo("62.49");
        assertThat(r.body()).contains("\"Quantity\":10.0000", "\"UnitAmount\":4.50", "\"TaxAmount\":0.09", "\"Total\":62.49");
        System.out.println(r.body());
    }
}
