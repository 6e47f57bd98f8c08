package io.ledgerbridge.sandbox;

import static io.ledgerbridge.sandbox.InvoiceRulesTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Each organisation's currencies (GET /Currencies) and the currency of its documents. */
class CurrenciesTest extends SandboxTest {

    private static String withCurrency(String invoiceJson, String currency) {
        return invoiceJson.replaceFirst("\\{", "{\"CurrencyCode\":\"" + currency + "\",");
    }

    @Test
    void listsEachOrganisationsCurrenciesByCode() {
        HttpResponse<String> supplier = sandbox.get("/Currencies", SUPPLIER);
        assertThat(supplier.statusCode()).as(supplier.body()).isEqualTo(200);
        assertThat(json(supplier).get("Currencies")).extracting(c -> c.get("Code").asText() + " " + c.get("Description").asText())
                .containsExactly("AUD Australian Dollar", "NZD New Zealand Dollar");
        assertThat(json(sandbox.get("/Currencies", VENUE)).get("Currencies")).extracting(c -> c.get("Code").asText())
                .containsExactly("AUD");
        assertThat(json(sandbox.get("/Currencies?where=" + enc("Code==\"NZD\""), SUPPLIER)).get("Currencies"))
                .extracting(c -> c.get("Code").asText()).containsExactly("NZD");
        assertThat(json(sandbox.get("/Currencies?order=" + enc("Code DESC"), SUPPLIER)).get("Currencies"))
                .extracting(c -> c.get("Code").asText()).containsExactly("NZD", "AUD");
    }

    @Test
    void takesADocumentInACurrencyOfTheOrganisationAndRefusesOthers() {
        HttpResponse<String> taken = createInvoice(SUPPLIER, withCurrency(invoice("ACCREC", "INV-NZ-1", "AUTHORISED", "10.00"),
                "NZD"));
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(first(taken, "Invoices").get("CurrencyCode").asText()).isEqualTo("NZD");

        HttpResponse<String> refused = createInvoice(VENUE, withCurrency(invoice("ACCPAY", "B-NZ-1", "AUTHORISED", "10.00")
                .replace("Green Valley Farms", "Fresh Produce Co"), "NZD"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(messages(json(refused).get("Elements").get(0)))
                .containsExactly("The currency NZD is not enabled for this organisation.");
    }

    @Test
    void aDocumentWithoutCurrencyIsInTheBaseCurrency() {
        JsonNode plain = first(createInvoice(SUPPLIER, invoice("ACCREC", "INV-AU-1", "AUTHORISED", "10.00")), "Invoices");
        assertThat(plain.get("CurrencyCode").asText()).isEqualTo("AUD");
    }
}
