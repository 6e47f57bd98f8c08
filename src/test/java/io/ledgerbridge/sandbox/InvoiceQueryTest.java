package io.ledgerbridge.sandbox;

import static io.ledgerbridge.sandbox.InvoiceRulesTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * GET /Invoices: paging, If-Modified-Since, where and the id filters (FACTS §3), and what a client needs to find
 * its own documents after a write it got no answer to.
 */
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
        // the class shares one clock, which other tests move: times are taken from it, not written out
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "OLD-1", "DRAFT", "1")));
        java.time.ZonedDateTime between = sandbox.clock.instant().plusSeconds(120).atZone(java.time.ZoneOffset.UTC);
        sandbox.clock.advance(Duration.ofMinutes(5));
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "NEW-1", "DRAFT", "1")));
        JsonNode iso = invoices("", "If-Modified-Since", between.toInstant().toString());
        assertThat(iso.get("Invoices")).extracting(n -> n.get("InvoiceNumber").asText()).containsExactly("NEW-1");
        JsonNode rfc = invoices("", "If-Modified-Since", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(between));
        assertThat(rfc.get("Invoices")).extracting(n -> n.get("InvoiceNumber").asText()).containsExactly("NEW-1");
        JsonNode offset = invoices("", "If-Modified-Since", between.minusMinutes(1)
                .withZoneSameInstant(java.time.ZoneOffset.ofHours(11)).format(
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")));
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

    private static String contactId(String searchTerm) {
        return first(sandbox.get("/Contacts?searchTerm=" + enc(searchTerm), SUPPLIER), "Contacts").get("ContactID").asText();
    }

    private static java.util.List<String> numbersOf(JsonNode body) {
        java.util.List<String> out = new java.util.ArrayList<>();
        body.get("Invoices").forEach(n -> out.add(n.get("InvoiceNumber").asText()));
        return out;
    }

    @Test
    void findsAContactsDocumentsChangedSinceATimeByContactIdsInPages() {
        String harbour = contactId("Harbour Cafe");
        String bayside = contactId("Bayside Bistro");
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "H-OLD", "DRAFT", "1")));
        String cut = sandbox.clock.instant().plusSeconds(300).toString();
        sandbox.clock.advance(Duration.ofMinutes(10));
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "H-1", "AUTHORISED", "1")));
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "B-1", "AUTHORISED", "1")
                .replace("{\"Name\":\"Harbour Cafe\"}", "{\"ContactID\":\"" + bayside + "\"}")));
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "H-2", "AUTHORISED", "1")));

        assertThat(numbersOf(invoices("?ContactIDs=" + harbour))).containsExactly("H-OLD", "H-1", "H-2");
        assertThat(numbersOf(invoices("?ContactIDs=" + bayside))).containsExactly("B-1");
        assertThat(numbersOf(invoices("?ContactIDs=" + harbour + "," + bayside.toUpperCase(java.util.Locale.ROOT))))
                .containsExactly("H-OLD", "H-1", "B-1", "H-2");

        JsonNode since = invoices("?ContactIDs=" + harbour + "&page=1&pageSize=1", "If-Modified-Since", cut);
        assertThat(numbersOf(since)).containsExactly("H-1");
        assertThat(since.get("pagination").get("itemCount").asInt()).isEqualTo(2);
        assertThat(since.get("pagination").get("pageCount").asInt()).isEqualTo(2);
        assertThat(numbersOf(invoices("?ContactIDs=" + harbour + "&page=2&pageSize=1", "If-Modified-Since", cut)))
                .containsExactly("H-2");
        assertThat(since.get("Invoices").get(0).get("LineItems")).hasSize(1);
    }

    @Test
    void takesPageSizesUpTo1000() {
        StringBuilder many = new StringBuilder("{\"Invoices\":[");
        for (int i = 1; i <= 150; i++) {
            many.append(i == 1 ? "" : ",").append(invoice("ACCREC", "M-" + i, "DRAFT", "1"));
        }
        HttpResponse<String> created = sandbox.put("/Invoices", many.append("]}").toString(), SUPPLIER);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

        JsonNode byDefault = invoices("?page=1");
        assertThat(byDefault.get("Invoices")).hasSize(100);
        assertThat(byDefault.get("pagination").get("pageCount").asInt()).isEqualTo(2);
        JsonNode large = invoices("?page=1&pageSize=1000");
        assertThat(large.get("Invoices")).hasSize(150);
        assertThat(large.get("pagination").get("pageSize").asInt()).isEqualTo(1000);
        assertThat(large.get("pagination").get("pageCount").asInt()).isEqualTo(1);
        assertThat(large.get("pagination").get("itemCount").asInt()).isEqualTo(150);
        assertThat(invoices("?page=2&pageSize=1000").get("Invoices")).isEmpty();
    }

    @Test
    void findsExactlyTheInvoicesNamedByIds() {
        String a = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "ID-1", "DRAFT", "1")));
        String b = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "ID-2", "DRAFT", "1")));
        String c = createdId(createInvoice(SUPPLIER, invoice("ACCPAY", "ID-3", "DRAFT", "1")));
        createdId(createInvoice(SUPPLIER, invoice("ACCREC", "ID-4", "DRAFT", "1")));
        assertThat(numbersOf(invoices("?IDs=" + a + "," + b + "," + c))).containsExactly("ID-1", "ID-2", "ID-3");
        assertThat(numbersOf(invoices("?IDs=" + a + ",%20" + c.toUpperCase(java.util.Locale.ROOT) + "&page=1")))
                .containsExactly("ID-1", "ID-3");
        assertThat(invoices("?IDs=" + java.util.UUID.randomUUID()).get("Invoices")).isEmpty();
    }

    @Test
    void aListedInvoiceCarriesItsUrlPaymentsAndAmountPaid() {
        String id = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "URL-1", "AUTHORISED", "100")
                .replace("\"Status\"", "\"Url\":\"https://ledgerbridge.example/orders/URL-1\",\"Status\"")));
        HttpResponse<String> paid = sandbox.put("/Payments", """
                {"Payments":[{"Invoice":{"InvoiceID":"%s"},"Account":{"Code":"090"},"Date":"2026-11-22","Amount":40.00,"Reference":"PAY-URL-1"}]}
                """.formatted(id), SUPPLIER);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        String paymentId = first(paid, "Payments").get("PaymentID").asText();

        for (String query : new String[] {"?IDs=" + id, "?IDs=" + id + "&page=1", "?InvoiceNumbers=URL-1&summaryOnly=false", ""}) {
            JsonNode listed = invoices(query).get("Invoices").get(0);
            assertThat(listed.path("Url").asText()).as(query).isEqualTo("https://ledgerbridge.example/orders/URL-1");
            assertThat(listed.path("AmountPaid").decimalValue()).as(query).isEqualByComparingTo("40.00");
            assertThat(listed.path("AmountDue").decimalValue()).as(query).isEqualByComparingTo("70.00");
            JsonNode payments = listed.path("Payments");
            assertThat(payments).as(query).hasSize(1);
            JsonNode payment = payments.get(0);
            assertThat(payment.path("PaymentID").asText()).as(query).isEqualTo(paymentId);
            assertThat(payment.path("Amount").decimalValue()).as(query).isEqualByComparingTo("40.00");
            assertThat(payment.path("Date").asText()).as(query).isEqualTo("/Date(1795305600000+0000)/");
            assertThat(payment.path("Reference").asText()).as(query).isEqualTo("PAY-URL-1");
        }
    }
}
