package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Attachments on invoices (FACTS §11): raw-body upload, at most 10 per document, 10 MB each. */
class AttachmentsTest extends SandboxTest {

    private static HttpResponse<String> upload(String invoiceId, String name, byte[] content, String type, String method) {
        return sandbox.exec(sandbox.builder("GET", "/api.xro/2.0/Invoices/" + invoiceId + "/Attachments/" + name, null, null)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(content)).header("Content-Type", type)
                .header("Authorization", "Bearer " + sandbox.token).header("xero-tenant-id", VENUE.toString()));
    }

    private static String bill() {
        return createdId(sandbox.put("/Invoices", "{\"Invoices\":[" + invoice("ACCPAY", "SUP-1", "AUTHORISED", "10") + "]}", VENUE));
    }

    @Test
    void uploadsTheRawBodyAndListsIt() {
        String id = bill();
        byte[] pdf = "%PDF-1.4 docket".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = upload(id, "docket.pdf", pdf, "application/pdf", "PUT");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode a = first(r, "Attachments");
        assertThat(a.get("FileName").asText()).isEqualTo("docket.pdf");
        assertThat(a.get("MimeType").asText()).isEqualTo("application/pdf");
        assertThat(a.get("ContentLength").asInt()).isEqualTo(pdf.length);
        assertThat(a.get("Url").asText()).endsWith("/Invoices/" + id + "/Attachments/docket.pdf");
        assertThat(a.get("AttachmentID").asText()).hasSize(36);

        assertThat(json(sandbox.get("/Invoices/" + id + "/Attachments", VENUE)).get("Attachments")).hasSize(1);
        HttpResponse<String> download = sandbox.get("/Invoices/" + id + "/Attachments/docket.pdf", VENUE);
        assertThat(download.body()).isEqualTo("%PDF-1.4 docket");
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        JsonNode invoice = first(sandbox.get("/Invoices/" + id, VENUE), "Invoices");
        assertThat(invoice.get("HasAttachments").asBoolean()).isTrue();
        assertThat(invoice.get("Attachments").get(0).get("FileName").asText()).isEqualTo("docket.pdf");
    }

    @Test
    void allowsTenPerDocumentAndReplacesBySameName() {
        String id = bill();
        for (int i = 1; i <= 10; i++) {
            assertThat(upload(id, "page-" + i + ".png", new byte[] {1, 2, 3}, "image/png", i % 2 == 0 ? "POST" : "PUT")
                    .statusCode()).isEqualTo(200);
        }
        HttpResponse<String> eleventh = upload(id, "page-11.png", new byte[] {1}, "image/png", "PUT");
        assertThat(eleventh.statusCode()).isEqualTo(400);
        JsonNode body = json(eleventh);
        assertThat(body.get("Type").asText()).isEqualTo("ValidationException");
        assertThat(messages(body.get("Elements").get(0))).containsExactly(
                "The maximum number of attachments (10) has been reached for this document.");
        assertThat(upload(id, "page-3.png", new byte[] {9, 9}, "image/png", "PUT").statusCode()).isEqualTo(200);
        assertThat(json(sandbox.get("/Invoices/" + id + "/Attachments", VENUE)).get("Attachments")).hasSize(10);
    }

    @Test
    void refusesAFileOverTenMegabytes() {
        String id = bill();
        HttpResponse<String> r = upload(id, "huge.pdf", new byte[10 * 1024 * 1024 + 1], "application/pdf", "PUT");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(messages(json(r).get("Elements").get(0))).containsExactly("The attachment exceeds the maximum size of 10 MB.");
        assertThat(upload(id, "max.pdf", new byte[10 * 1024 * 1024], "application/pdf", "PUT").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesForbiddenFileNamesAndUnknownInvoices() {
        String id = bill();
        HttpResponse<String> r = upload(id, "a*b.pdf", new byte[] {1}, "application/pdf", "PUT");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(messages(json(r).get("Elements").get(0))).containsExactly(
                "The file name 'a*b.pdf' contains characters that are not allowed.");
        assertThat(upload("0d8a5c1e-0000-4000-8000-000000000000", "x.pdf", new byte[] {1}, "application/pdf", "PUT")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void theControlSurfaceListsDocumentsWithTheirAttachments() {
        String id = bill();
        upload(id, "docket.pdf", new byte[] {1}, "application/pdf", "PUT");
        JsonNode documents = json(sandbox.send("GET", "/sandbox/tenants/" + VENUE + "/documents", null, null));
        assertThat(documents.get("Invoices")).hasSize(1);
        assertThat(documents.get("Invoices").get(0).get("Attachments").get(0).get("FileName").asText()).isEqualTo("docket.pdf");
        assertThat(documents.get("CreditNotes")).isEmpty();
    }
}
