package io.ledgerbridge.sandbox;

import static io.ledgerbridge.sandbox.InvoiceRulesTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** GET /Invoices: paging, If-Modified-Since, where and the id filters (FACTS §3). */
class InvoiceQueryTest extends SandboxTest {

    private static JsonNode invoices(String query, String... headers) {
        HttpResponse<String> r = sandbox.get("/Invoices" + query, SUPPLIER, headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    @Test
    void pagesWithPageSizeAndReportsPagination() {
        for (int i = 1; i <= 5; i++) {
            createdId(createInvoice(SUPPLIER, invoice("ACCREC", "P-" + i, "DRAFT", String.valueOf(i))));
        }
        JsonNode page2 = invoices("?page=2&pageSize=2");
        assertThat(page2.get("Invoices")).extracting(n -> n.get("InvoiceNumber").asText()).containsExactly("P-3", "P-4");
        assertThat(page2.get("pagination").get("page").asInt()).isEqualTo(2);
        assertThat(page2.get("pagination").get("pageSize").asInt()).isEqualTo(2);
        assertThat(page2.get("pagination").get("pageCount").asInt()).isEqualTo(3);
        assertThat(page2.get("pagination").get("itemCount").asInt()).isEqualTo(5);
        assertThat(page2.get("Invoices").get(0).has("LineItems")).isTrue();

        JsonNode clamped = invoices("?page=1&pageSize=5000");
        assertThat(clamped.get("pagination").get("pageSize").asInt()).isEqualTo(1000);
        JsonNode unpaged = invoices("");
        assertThat(unpaged.has("pagination")).isFalse();
        assertThat(unpaged.get("Invoices")).hasSize(5);
        assertThat(unpaged.get("Invoices").get(0).has("LineItems")).isFalse();
        assertThat(invoices("?page=4&pageSize=2").get("Invoices")).isEmpty();
    }

    @Test
    void returnsOnlyWhatChangedSinceIfModifiedSince() {
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "OLD-1", "DRAFT", "1")));
        sandbox.clock.advance(Duration.ofMinutes(5));
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "NEW-1", "DRAFT", "1")));
        JsonNode iso = invoices("", "If-Modified-Since", "2026-11-21T09:32:00Z");
        assertThat(iso.get("Invoices")).extracting(n -> n.get("InvoiceNumber").asText()).containsExactly("NEW-1");
        JsonNode rfc = invoices("", "If-Modified-Since", "Sat, 21 Nov 2026 09:32:00 GMT");
        assertThat(rfc.get("Invoices")).extracting(n -> n.get("InvoiceNumber").asText()).containsExactly("NEW-1");
        JsonNode offset = invoices("", "If-Modified-Since", "2026-11-21T20:31:00.000+11:00");
        assertThat(offset.get("Invoices")).hasSize(1);
    }

    @Test
    void filtersWithWhere() {
        String contact = first(sandbox.get("/Contacts?searchTerm=Bayside", SUPPLIER), "Contacts").get("ContactID").asText();
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "INV-1", "AUTHORISED", "10")));
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "INV-2", "DRAFT", "20").replace("\"Produce\"", "\"Other\"")));
        createdId(createInvoice(SUPPLIER, invoice("ACCPAY", "BILL-1", "AUTHORISED", "30")));
        createdId(createInvoice(SUPPLIER, """
                {"Type":"ACCREC","Contact":{"ContactID":"%s"},"Reference":"x","LineItems":[{"Description":"d","Quantity":1,"UnitAmount":5,"AccountCode":"200"}]}
                """.formatted(contact)));

        assertThat(numbers("Status==\"AUTHORISED\"")).containsExactlyInAnyOrder("INV-1", "BILL-1");
        assertThat(numbers("Type==\"ACCPAY\"")).containsExactly("BILL-1");
        assertThat(numbers("InvoiceNumber==\"INV-1\"")).containsExactly("INV-1");
        assertThat(numbers("Contact.ContactID==guid(\"" + contact + "\")")).containsExactly("INV-0001");
        assertThat(numbers("Reference==\"x\"")).containsExactly("INV-0001");
        assertThat(numbers("Status==\"AUTHORISED\" && Type==\"ACCREC\"")).containsExactly("INV-1");
        assertThat(numbers("Type==\"ACCPAY\" or InvoiceNumber==\"INV-2\"")).containsExactlyInAnyOrder("BILL-1", "INV-2");
        assertThat(numbers("Total > 25 AND Date >= DateTime(2026, 11, 21)")).containsExactly("BILL-1");
        assertThat(numbers("InvoiceNumber.StartsWith(\"INV-0\")")).containsExactly("INV-0001");

        HttpResponse<String> bad = sandbox.get("/Invoices?where=" + enc("Status==="), SUPPLIER);
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    private static java.util.List<String> numbers(String where) {
        java.util.List<String> out = new java.util.ArrayList<>();
        invoices("?where=" + enc(where)).get("Invoices").forEach(n -> out.add(n.get("InvoiceNumber").asText()));
        return out;
    }

    @Test
    void filtersByIdsNumbersContactsAndStatuses() {
        String a = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "A-1", "DRAFT", "1")));
        String b = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "B-1", "AUTHORISED", "1")));
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "C-1", "AUTHORISED", "1")));
        assertThat(invoices("?IDs=" + a + "," + b).get("Invoices")).hasSize(2);
        assertThat(invoices("?InvoiceNumbers=C-1").get("Invoices")).hasSize(1);
        assertThat(invoices("?Statuses=AUTHORISED").get("Invoices")).hasSize(2);
        assertThat(invoices("?order=" + enc("InvoiceNumber DESC")).get("Invoices").get(0).get("InvoiceNumber").asText())
                .isEqualTo("C-1");
    }

    @Test
    void answersAnUnknownInvoiceWithXerosPlainText404() {
        HttpResponse<String> r = sandbox.get("/Invoices/6c7b6a52-0000-4000-8000-000000000000", SUPPLIER);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("The resource you're looking for cannot be found");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(sandbox.get("/NoSuchThing", SUPPLIER).statusCode()).isEqualTo(404);
    }

    @Test
    void getsOneInvoiceWithLinesAndAttachments() {
        String id = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "ONE-1", "DRAFT", "1")));
        JsonNode one = first(sandbox.get("/Invoices/" + id, SUPPLIER), "Invoices");
        assertThat(one.get("LineItems")).hasSize(1);
        assertThat(one.get("Attachments")).isEmpty();
    }
}
