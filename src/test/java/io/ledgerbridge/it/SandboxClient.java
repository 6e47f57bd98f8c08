package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The sandbox's control surface, as the tests use it: what "Xero" holds, grants, limits and faults. */
final class SandboxClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    SandboxClient(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    /** A control call that must succeed; its body. */
    String control(String method, String path, String body) {
        return send(method, path, body, HttpRequest.newBuilder());
    }

    /** A call to the organisation's Accounting API, as its owner's own app would make it; the body of a 2xx. */
    JsonNode accounting(UUID tenant, String method, String path, String body) {
        return read(send(method, "/api.xro/2.0" + path, body, HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + grant(tenant).get("access_token").asText())
                .header("xero-tenant-id", tenant.toString())
                .header("Accept", "application/json")));
    }

    private String send(String method, String path, String body, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.uri(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("The sandbox did not answer " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A grant for one organisation, minted without the consent page. */
    JsonNode grant(UUID tenant) {
        return read(control("POST", "/sandbox/tokens", "{\"tenantIds\":[\"" + tenant + "\"]}"));
    }

    /** The organisation's invoices and bills with this number, as Xero holds them. */
    List<JsonNode> invoices(UUID tenant, String number) {
        return documents(tenant, "Invoices", "InvoiceNumber", number);
    }

    /** The organisation's credit notes with this number, as Xero holds them. */
    List<JsonNode> creditNotes(UUID tenant, String number) {
        return documents(tenant, "CreditNotes", "CreditNoteNumber", number);
    }

    /** The organisation's invoices and bills that carry this Url (LedgerBridge puts one on each it writes). */
    List<JsonNode> invoicesWithUrl(UUID tenant, String url) {
        return documents(tenant, "Invoices", "Url", url);
    }

    /** The organisation's credit notes for this platform number and Xero type (ACCRECCREDIT or ACCPAYCREDIT). */
    List<JsonNode> creditNotes(UUID tenant, String number, String type) {
        return creditNotes(tenant, number).stream().filter(note -> type.equals(note.path("Type").asText())).toList();
    }

    /** Every call the sandbox answered for the organisation, oldest first: method, path, status, key. */
    List<JsonNode> calls(UUID tenant) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode calls = read(control("GET", "/sandbox/calls?tenantId=" + tenant, null));
        (calls.isArray() ? calls : calls.path("calls")).forEach(found::add);
        return found;
    }

    private List<JsonNode> documents(UUID tenant, String collection, String numberField, String number) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode document : read(control("GET", "/sandbox/tenants/" + tenant + "/documents", null)).path(collection)) {
            if (number.equals(document.path(numberField).asText())) {
                found.add(document);
            }
        }
        return found;
    }

    /** Every invoice, bill and credit note of the organisation, as Xero holds them. */
    JsonNode documents(UUID tenant) {
        return read(control("GET", "/sandbox/tenants/" + tenant + "/documents", null));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }
}
