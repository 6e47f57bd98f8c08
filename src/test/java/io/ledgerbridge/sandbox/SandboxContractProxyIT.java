package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends every Accounting API operation LedgerBridge uses through shared/tools/xero-contract-proxy, which
 * checks each request and each JSON response against Xero's OpenAPI document, and expects no violation.
 */
class SandboxContractProxyIT {

    static Sandbox sandbox;
    static Process proxy;
    static Path proxyLog;
    static String proxyBase;

    @BeforeAll
    static void start() throws IOException {
        // -Dtest=… makes Surefire run *IT classes too; this one belongs to Failsafe, whose configuration sets this property
        Assumptions.assumeTrue(System.getProperty("ledgerbridge.it.jar") != null, "runs under Failsafe only");
        Path tool = Path.of("").toAbsolutePath().getParent().resolve("shared/tools/xero-contract-proxy/run.sh");
        Assumptions.assumeTrue(Files.isExecutable(tool), "xero-contract-proxy not found at " + tool);
        sandbox = new Sandbox();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        proxyLog = Files.createTempFile("xero-contract-proxy", ".log");
        proxy = new ProcessBuilder("bash", tool.toString(), "--upstream", sandbox.xero.baseUrl() + "/api.xro/2.0",
                "--listen", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(proxyLog.toFile()).start();
        proxyBase = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(proxy.isAlive()).as("proxy exited: %s", Files.readString(proxyLog)).isTrue();
            try {
                return call("GET", "/__contract/summary", null, null, null).statusCode() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.destroy();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void everyOperationLedgerBridgeUsesMatchesXerosContract() throws IOException {
        UUID s = Sandbox.SUPPLIER;
        UUID v = Sandbox.VENUE;
        List<String> unexpected = new ArrayList<>();
        // settings and reference data
        expect(unexpected, 200, api("GET", "/Accounts", null, s));
        expect(unexpected, 200, api("GET", "/Accounts?where=" + enc("Type==\"BANK\""), null, s));
        expect(unexpected, 200, api("GET", "/TaxRates", null, s));
        expect(unexpected, 200, api("GET", "/TrackingCategories", null, s));
        expect(unexpected, 200, api("GET", "/Items", null, s));
        expect(unexpected, 200, api("GET", "/Currencies", null, s));
        expect(unexpected, 200, api("GET", "/Currencies?where=" + enc("Code==\"NZD\"") + "&order=" + enc("Code ASC"), null, s));
        expect(unexpected, 200, api("GET", "/Currencies", null, v));
        expect(unexpected, 200, api("GET", "/Contacts?page=1&pageSize=2", null, s));
        expect(unexpected, 200, api("GET", "/Contacts?searchTerm=Harbour", null, s));
        // contacts
        HttpResponse<String> contact = api("PUT", "/Contacts", """
                {"Contacts":[{"Name":"Quay Street Deli","ContactNumber":"CUST-900","EmailAddress":"ap@quay.example",
                  "TaxNumber":"12345678901","Addresses":[{"AddressType":"STREET","AddressLine1":"9 Quay St","City":"Sydney",
                  "Region":"NSW","PostalCode":"2000","Country":"AU"}],"Phones":[{"PhoneType":"DEFAULT","PhoneNumber":"5550 9999"}]}]}
                """, s);
        expect(unexpected, 200, contact);
        String contactId = Sandbox.first(contact, "Contacts").get("ContactID").asText();
        expect(unexpected, 200, api("POST", "/Contacts", "{\"Contacts\":[{\"ContactID\":\"" + contactId
                + "\",\"EmailAddress\":\"accounts@quay.example\"}]}", s));
        expect(unexpected, 200, api("GET", "/Contacts/" + contactId, null, s));
        // invoices, with tracking and with errors, summarised or not
        HttpResponse<String> mixed = api("PUT", "/Invoices?summarizeErrors=false&unitdp=4", """
                {"Invoices":[
                  {"Type":"ACCREC","Contact":{"ContactID":"%s"},"Date":"2026-11-21","DueDate":"2026-12-05","InvoiceNumber":"INV-1001",
                   "Reference":"ORD-1001","LineAmountTypes":"Exclusive","Status":"AUTHORISED","LineItems":[
                     {"ItemCode":"APL-01","Description":"Apples 1kg","Quantity":10,"UnitAmount":4.5,"AccountCode":"200","TaxType":"EXEMPTOUTPUT",
                      "Tracking":[{"Name":"Region","Option":"North"}]},
                     {"Description":"Delivery","Quantity":1,"UnitAmount":15.00,"AccountCode":"200","TaxType":"OUTPUT"},
                     {"Description":"Card surcharge","Quantity":1,"UnitAmount":0.90,"AccountCode":"200","TaxType":"OUTPUT","DiscountRate":0}]},
                  {"Type":"ACCREC","Contact":{"Name":"Harbour Cafe"},"Date":"2026-11-21","InvoiceNumber":"INV-1002","Status":"AUTHORISED",
                   "LineItems":[{"Description":"Pears","Quantity":1,"UnitAmount":3.00,"AccountCode":"477",
                     "Tracking":[{"Name":"Region","Option":"Nowhere"}]}]}]}
                """.formatted(contactId), s);
        expect(unexpected, 200, mixed);
        String invoiceId = Sandbox.first(mixed, "Invoices").get("InvoiceID").asText();
        // an invoice in the supplier's second currency
        expect(unexpected, 200, api("PUT", "/Invoices", """
                {"Invoices":[{"Type":"ACCREC","Contact":{"ContactID":"%s"},"Date":"2026-11-21","DueDate":"2026-12-05",
                  "InvoiceNumber":"INV-NZ-1","CurrencyCode":"NZD","Status":"AUTHORISED","LineItems":[
                    {"Description":"Apples 1kg","Quantity":10,"UnitAmount":5.20,"AccountCode":"200","TaxType":"EXEMPTOUTPUT"}]}]}
                """.formatted(contactId), s));
        expect(unexpected, 400, api("PUT", "/Invoices", """
                {"Invoices":[{"Type":"ACCREC","Contact":{"ContactID":"%s"},"InvoiceNumber":"INV-1001",
                  "LineItems":[{"Description":"Again","Quantity":1,"UnitAmount":1,"AccountCode":"200"}]}]}
                """.formatted(contactId), s));
        HttpResponse<String> bill = api("PUT", "/Invoices", """
                {"Invoices":[{"Type":"ACCPAY","Contact":{"Name":"Fresh Produce Co"},"Date":"2026-11-21","DueDate":"2026-12-05",
                  "InvoiceNumber":"INV-1001","LineAmountTypes":"Inclusive","Status":"AUTHORISED","LineItems":[
                    {"ItemCode":"APL-01","Description":"Apples 1kg","Quantity":10,"UnitAmount":4.50,"AccountCode":"310","TaxType":"EXEMPTEXPENSES",
                     "Tracking":[{"Name":"Channel","Option":"Wholesale"}]},
                    {"Description":"Delivery","Quantity":1,"UnitAmount":16.50,"AccountCode":"425","TaxType":"INPUT"}]}]}
                """, v, "Idempotency-Key", "bill-" + UUID.randomUUID());
        expect(unexpected, 200, bill);
        String billId = Sandbox.first(bill, "Invoices").get("InvoiceID").asText();
        HttpResponse<String> draft = api("POST", "/Invoices?summarizeErrors=false", """
                {"Invoices":[{"Type":"ACCREC","Contact":{"Name":"Bayside Bistro"},"Date":"2026-11-22","DueDate":"2026-12-06",
                  "LineItems":[{"Description":"Bananas","Quantity":2,"UnitAmount":3.90,"AccountCode":"200","TaxType":"EXEMPTOUTPUT"}]},
                  {"Type":"ACCREC","Contact":{},"LineItems":[]}]}
                """, s);
        expect(unexpected, 200, draft);
        String draftId = Sandbox.first(draft, "Invoices").get("InvoiceID").asText();
        // reading invoices back
        expect(unexpected, 200, api("GET", "/Invoices?page=1&pageSize=50&where=" + enc("Status==\"AUTHORISED\" AND Type==\"ACCREC\""), null, s));
        expect(unexpected, 200, api("GET", "/Invoices?where=" + enc("Contact.ContactID==guid(\"" + contactId + "\")"), null, s));
        expect(unexpected, 200, api("GET", "/Invoices?IDs=" + invoiceId + "," + draftId + "&page=1", null, s));
        expect(unexpected, 200, api("GET", "/Invoices?Statuses=DRAFT,AUTHORISED&InvoiceNumbers=INV-1001", null, s));
        expect(unexpected, 200, api("GET", "/Invoices?page=1&order=" + enc("UpdatedDateUTC DESC"), null, s,
                "If-Modified-Since", "2026-11-21T00:00:00Z"));
        expect(unexpected, 200, api("GET", "/Invoices/" + invoiceId + "?unitdp=4", null, s));
        // updates: change, delete a draft, void
        expect(unexpected, 200, api("POST", "/Invoices/" + draftId, """
                {"Invoices":[{"Reference":"ORD-2002","LineItems":[{"Description":"Bananas","Quantity":3,"UnitAmount":3.90,"AccountCode":"200"}]}]}
                """, s));
        expect(unexpected, 200, api("POST", "/Invoices/" + draftId, "{\"Invoices\":[{\"Status\":\"DELETED\"}]}", s));
        // credit notes and an allocation
        HttpResponse<String> credit = api("PUT", "/CreditNotes?summarizeErrors=false", """
                {"CreditNotes":[{"Type":"ACCRECCREDIT","Contact":{"ContactID":"%s"},"Date":"2026-11-23","Status":"AUTHORISED",
                  "LineAmountTypes":"Exclusive","Reference":"Bruised apples",
                  "LineItems":[{"Description":"Bruised apples","Quantity":2,"UnitAmount":4.50,"AccountCode":"200","TaxType":"EXEMPTOUTPUT"}]}]}
                """.formatted(contactId), s);
        expect(unexpected, 200, credit);
        String creditId = Sandbox.first(credit, "CreditNotes").get("CreditNoteID").asText();
        expect(unexpected, 200, api("POST", "/CreditNotes", """
                {"CreditNotes":[{"Type":"ACCPAYCREDIT","Contact":{"Name":"Fresh Produce Co"},"Date":"2026-11-23",
                  "LineItems":[{"Description":"Short delivery","Quantity":1,"UnitAmount":4.50,"AccountCode":"310","TaxType":"EXEMPTEXPENSES"}]}]}
                """, v));
        expect(unexpected, 200, api("PUT", "/CreditNotes/" + creditId + "/Allocations", """
                {"Allocations":[{"Invoice":{"InvoiceID":"%s"},"Amount":9.00,"Date":"2026-11-23"}]}
                """.formatted(invoiceId), s));
        expect(unexpected, 200, api("GET", "/CreditNotes?page=1", null, s));
        // credit notes as the delivery lane sends them (F20): create, update by id, look up by where, read one
        HttpResponse<String> laneCredit = api("POST", "/CreditNotes?summarizeErrors=false", """
                {"CreditNotes":[{"Type":"ACCRECCREDIT","Contact":{"ContactID":"%s"},"Date":"2026-11-24","LineAmountTypes":"Exclusive",
                  "CreditNoteNumber":"CN-1001","Reference":"INV-1001","CurrencyCode":"AUD","Status":"AUTHORISED","LineItems":[
                    {"Description":"Apples 1kg","Quantity":2,"ItemCode":"APL-01","AccountCode":"200","TaxType":"EXEMPTOUTPUT",
                     "Tracking":[{"Name":"Region","Option":"North"}],"LineAmount":7.65},
                    {"Description":"Delivery refunded","Quantity":1,"UnitAmount":15.00,"AccountCode":"200","TaxType":"OUTPUT"}]}]}
                """.formatted(contactId), s, "Idempotency-Key", "lb-credit-notes-" + UUID.randomUUID());
        expect(unexpected, 200, laneCredit);
        String laneCreditId = Sandbox.first(laneCredit, "CreditNotes").get("CreditNoteID").asText();
        expect(unexpected, 200, api("POST", "/CreditNotes?summarizeErrors=false", """
                {"CreditNotes":[{"CreditNoteID":"%s","Type":"ACCRECCREDIT","Contact":{"ContactID":"%s"},"Date":"2026-11-24",
                  "LineAmountTypes":"Exclusive","CreditNoteNumber":"CN-1001","Reference":"INV-1001","CurrencyCode":"AUD",
                  "LineItems":[{"Description":"Delivery refunded","Quantity":1,"UnitAmount":15.00,"AccountCode":"200","TaxType":"OUTPUT"}]}]}
                """.formatted(laneCreditId, contactId), s, "Idempotency-Key", "lb-credit-notes-" + UUID.randomUUID()));
        expect(unexpected, 200, api("GET", "/CreditNotes?where=" + enc("(CreditNoteNumber==\"CN-1001\" AND Contact.ContactID==guid(\""
                + contactId + "\"))"), null, s));
        expect(unexpected, 200, api("GET", "/CreditNotes/" + laneCreditId, null, s));
        // payments
        expect(unexpected, 200, api("PUT", "/Payments", """
                {"Payments":[{"Invoice":{"InvoiceID":"%s"},"Account":{"Code":"855"},"Date":"2026-11-24","Amount":20.00,"Reference":"PAY-9"}]}
                """.formatted(invoiceId), s));
        expect(unexpected, 200, api("PUT", "/BatchPayments", """
                {"BatchPayments":[{"Account":{"Code":"090"},"Date":"2026-11-25","Reference":"Batch 1",
                  "Payments":[{"Invoice":{"InvoiceID":"%s"},"Amount":33.49}]}]}
                """.formatted(invoiceId), s));
        expect(unexpected, 200, api("GET", "/Payments?page=1", null, s));
        expect(unexpected, 200, api("GET", "/BatchPayments", null, s));
        // attachments
        expect(unexpected, 200, call("PUT", "/api.xro/2.0/Invoices/" + billId + "/Attachments/delivery-docket.pdf",
                "%PDF-1.4 sandbox".getBytes(StandardCharsets.UTF_8), v, "application/pdf"));
        expect(unexpected, 200, api("GET", "/Invoices/" + billId + "/Attachments", null, v));
        // an update of the bill, then voiding it
        expect(unexpected, 200, api("POST", "/Invoices/" + billId, "{\"Invoices\":[{\"InvoiceNumber\":\"SUP-77\"}]}", v));
        expect(unexpected, 200, api("POST", "/Invoices/" + billId, "{\"Invoices\":[{\"Status\":\"VOIDED\"}]}", v));

        JsonNode summary = Sandbox.json(call("GET", "/__contract/summary", null, null, null));
        String printed = Files.readString(proxyLog);
        System.out.println("contract proxy summary: " + summary);
        assertThat(unexpected).as("unexpected statuses; proxy said:%n%s", printed).isEmpty();
        assertThat(summary.get("requestViolations").asInt()).as("request violations:%n%s", printed).isZero();
        assertThat(summary.get("responseViolations").asInt()).as("response violations:%n%s", printed).isZero();
        assertThat(summary.get("requests").asInt()).isGreaterThanOrEqualTo(42);
    }

    private static void expect(List<String> unexpected, int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            unexpected.add(r.request().method() + " " + r.request().uri() + " -> " + r.statusCode() + " " + r.body());
        }
    }

    private static HttpResponse<String> api(String method, String path, String json, UUID tenant, String... headers) {
        return call(method, "/api.xro/2.0" + path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), tenant,
                "application/json", headers);
    }

    private static HttpResponse<String> call(String method, String path, byte[] body, UUID tenant, String type,
                                             String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(proxyBase + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", type);
        }
        if (tenant != null) {
            b.header("Authorization", "Bearer " + sandbox.token).header("xero-tenant-id", tenant.toString())
                    .header("Accept", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return sandbox.exec(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
