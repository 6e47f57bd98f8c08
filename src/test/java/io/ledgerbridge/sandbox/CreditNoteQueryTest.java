package io.ledgerbridge.sandbox;

import static io.ledgerbridge.sandbox.InvoiceRulesTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /CreditNotes as Xero's getCreditNotes has it (where, order, paging; none of the invoice filters), and
 * the credit-note rules LedgerBridge relies on: POST by number only finds the unique ACCRECCREDIT numbers,
 * and a credit note has no Url.
 */
class CreditNoteQueryTest extends SandboxTest {

    private static String creditNote(String type, String number, String contactJson, String amount) {
        String account = type.equals("ACCRECCREDIT") ? "200" : "310";
        return """
                {"Type":"%s","Contact":%s,"Date":"2026-11-23","Status":"AUTHORISED",%s
                 "LineItems":[{"Description":"Returned","Quantity":1,"UnitAmount":%s,"AccountCode":"%s"}]}
                """.formatted(type, contactJson, number == null ? "" : "\"CreditNoteNumber\":\"" + number + "\",", amount,
                account);
    }

    private static JsonNode create(UUID tenant, String method, String creditNoteJson) {
        HttpResponse<String> r = sandbox.api(method, "/CreditNotes?summarizeErrors=false",
                "{\"CreditNotes\":[" + creditNoteJson + "]}", tenant);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode element = first(r, "CreditNotes");
        assertThat(messages(element)).isEmpty();
        return element;
    }

    private static String contactId(UUID tenant, String searchTerm) {
        return first(sandbox.get("/Contacts?searchTerm=" + enc(searchTerm), tenant), "Contacts").get("ContactID").asText();
    }

    private static List<String> numbers(String where) {
        HttpResponse<String> r = sandbox.get("/CreditNotes?where=" + enc(where), VENUE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        json(r).get("CreditNotes").forEach(n -> out.add(n.get("CreditNoteNumber").asText()));
        return out;
    }

    @Test
    void findsACreditNoteByNumberAndContactWithWhere() {
        String bakery = contactId(VENUE, "City Bakery");
        create(VENUE, "PUT", creditNote("ACCPAYCREDIT", "SC-1", "{\"ContactID\":\"" + bakery + "\"}", "10"));
        create(VENUE, "PUT", creditNote("ACCPAYCREDIT", "SC-2", "{\"ContactID\":\"" + bakery + "\"}", "20"));
        create(VENUE, "PUT", creditNote("ACCPAYCREDIT", "SC-1", "{\"Name\":\"Other Supplier Pty\"}", "30"));

        assertThat(numbers("CreditNoteNumber==\"SC-1\"")).containsExactly("SC-1", "SC-1");
        assertThat(numbers("(CreditNoteNumber==\"SC-1\" AND Contact.ContactID==guid(\"" + bakery + "\"))"))
                .containsExactly("SC-1");
        assertThat(numbers("(CreditNoteNumber==\"SC-1\" AND Contact.ContactID==guid(\"" + bakery + "\"))"
                + " OR (CreditNoteNumber==\"SC-2\" AND Contact.ContactID==guid(\"" + bakery + "\"))"))
                .containsExactly("SC-1", "SC-2");
        assertThat(numbers("Type==\"ACCPAYCREDIT\" && Total > 15")).containsExactly("SC-2", "SC-1");
    }

    @Test
    void ignoresTheInvoiceFiltersWhichGetCreditNotesDoesNotHave() {
        create(VENUE, "PUT", creditNote("ACCPAYCREDIT", "SC-1", "{\"Name\":\"City Bakery\"}", "10"));
        create(VENUE, "PUT", creditNote("ACCPAYCREDIT", "SC-2", "{\"Name\":\"City Bakery\"}", "10"));

        HttpResponse<String> r = sandbox.get("/CreditNotes?InvoiceNumbers=SC-1&ContactIDs=" + UUID.randomUUID()
                + "&Statuses=DRAFT", VENUE);
        assertThat(json(r).get("CreditNotes")).hasSize(2);
        JsonNode paged = json(sandbox.get("/CreditNotes?page=1&summaryOnly=true", VENUE));
        assertThat(paged.get("CreditNotes").get(0).has("LineItems")).isTrue();
    }

    @Test
    void postByNumberUpdatesOnlyTheUniqueSalesCreditNoteNumbers() {
        JsonNode sales = create(SUPPLIER, "PUT", creditNote("ACCRECCREDIT", "CN-77", "{\"Name\":\"Harbour Cafe\"}", "10"));
        JsonNode salesAgain = create(SUPPLIER, "POST", creditNote("ACCRECCREDIT", "CN-77", "{\"Name\":\"Harbour Cafe\"}", "12"));
        assertThat(salesAgain.get("CreditNoteID").asText()).isEqualTo(sales.get("CreditNoteID").asText());
        assertThat(salesAgain.get("Total").decimalValue()).isEqualByComparingTo("13.20");

        JsonNode fromOne = create(VENUE, "PUT", creditNote("ACCPAYCREDIT", "SC-9", "{\"Name\":\"City Bakery\"}", "10"));
        JsonNode fromAnother = create(VENUE, "POST", creditNote("ACCPAYCREDIT", "SC-9", "{\"Name\":\"Other Supplier Pty\"}", "20"));
        assertThat(fromAnother.get("CreditNoteID").asText()).isNotEqualTo(fromOne.get("CreditNoteID").asText());
        assertThat(first(sandbox.get("/CreditNotes/" + fromOne.get("CreditNoteID").asText(), VENUE), "CreditNotes")
                .get("Contact").get("Name").asText()).isEqualTo("City Bakery");
    }

    @Test
    void aCreditNoteHasNoUrl() {
        JsonNode created = create(SUPPLIER, "PUT", creditNote("ACCRECCREDIT", "CN-78", "{\"Name\":\"Harbour Cafe\"}", "10")
                .replace("\"Status\"", "\"Url\":\"https://ledgerbridge.example/d/1\",\"Status\""));
        assertThat(created.has("Url")).isFalse();
        assertThat(first(sandbox.get("/CreditNotes/" + created.get("CreditNoteID").asText(), SUPPLIER), "CreditNotes")
                .has("Url")).isFalse();
    }

    private static List<String> numbersOf(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("CreditNotes").forEach(n -> out.add(n.get("CreditNoteNumber").asText()));
        return out;
    }

    @Test
    void takesIfModifiedSinceAndPagesWithWhere() {
        String bakery = contactId(VENUE, "City Bakery");
        String contact = "{\"ContactID\":\"" + bakery + "\"}";
        create(VENUE, "PUT", creditNote("ACCPAYCREDIT", "SC-OLD", contact, "10"));
        String since = sandbox.clock.instant().plusSeconds(300).toString();
        sandbox.clock.advance(Duration.ofMinutes(10));
        create(VENUE, "PUT", creditNote("ACCPAYCREDIT", "SC-1", contact, "10"));
        create(VENUE, "PUT", creditNote("ACCPAYCREDIT", "SC-2", contact, "10"));
        create(VENUE, "PUT", creditNote("ACCPAYCREDIT", "SC-3", "{\"Name\":\"Other Supplier Pty\"}", "10"));

        assertThat(numbersOf(json(sandbox.get("/CreditNotes", VENUE, "If-Modified-Since", since))))
                .containsExactly("SC-1", "SC-2", "SC-3");
        String where = "?where=" + enc("Contact.ContactID==guid(\"" + bakery + "\")");
        assertThat(numbersOf(json(sandbox.get("/CreditNotes" + where, VENUE, "If-Modified-Since", since))))
                .containsExactly("SC-1", "SC-2");

        JsonNode page1 = json(sandbox.get("/CreditNotes" + where + "&page=1&pageSize=1", VENUE, "If-Modified-Since", since));
        assertThat(numbersOf(page1)).containsExactly("SC-1");
        assertThat(page1.get("pagination").get("page").asInt()).isEqualTo(1);
        assertThat(page1.get("pagination").get("pageSize").asInt()).isEqualTo(1);
        assertThat(page1.get("pagination").get("pageCount").asInt()).isEqualTo(2);
        assertThat(page1.get("pagination").get("itemCount").asInt()).isEqualTo(2);
        assertThat(numbersOf(json(sandbox.get("/CreditNotes" + where + "&page=2&pageSize=1", VENUE,
                "If-Modified-Since", since)))).containsExactly("SC-2");
        JsonNode all = json(sandbox.get("/CreditNotes?page=1&pageSize=1000", VENUE));
        assertThat(numbersOf(all)).containsExactly("SC-OLD", "SC-1", "SC-2", "SC-3");
        assertThat(all.get("pagination").get("pageSize").asInt()).isEqualTo(1000);
    }
}
