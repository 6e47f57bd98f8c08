package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The control surface of CONTRACTS.md, and starting the sandbox through its public API. */
class ControlApiTest extends SandboxTest {

    @Test
    void listsTheSeededTenants() {
        JsonNode tenants = json(sandbox.send("GET", "/sandbox/tenants", null, null));
        assertThat(tenants).hasSize(2);
        assertThat(tenants.get(0).get("tenantId").asText()).isEqualTo(SUPPLIER.toString());
        assertThat(tenants.get(0).get("name").asText()).isEqualTo("Demo Fresh Produce Co");
        assertThat(tenants.get(0).get("role").asText()).isEqualTo("supplier");
        assertThat(tenants.get(1).get("tenantId").asText()).isEqualTo(VENUE.toString());
        assertThat(tenants.get(1).get("name").asText()).isEqualTo("Demo Harbour Cafe");
    }

    @Test
    void addsOrganisationsForManyTenantRunsUntilReset() {
        HttpResponse<String> added = sandbox.send("POST", "/sandbox/tenants", "{\"name\":\"Bench Org 3\"}", null);
        assertThat(added.statusCode()).isEqualTo(201);
        java.util.UUID id = java.util.UUID.fromString(json(added).get("tenantId").asText());
        sandbox.token = sandbox.mintToken();
        assertThat(json(sandbox.get("/Accounts", id)).get("Accounts")).hasSizeGreaterThan(20);
        assertThat(createInvoice(id, invoice("ACCREC", "B-1", "AUTHORISED", "10")).statusCode()).isEqualTo(200);
        assertThat(json(sandbox.send("GET", "/sandbox/tenants", null, null))).hasSize(3);
        sandbox.reset();
        assertThat(json(sandbox.send("GET", "/sandbox/tenants", null, null))).hasSize(2);
    }

    @Test
    void pagesThroughThousandsOfDocuments() {
        StringBuilder batch = new StringBuilder();
        for (int call = 0; call < 40; call++) {
            batch.setLength(0);
            for (int i = 0; i < 50; i++) {
                batch.append(batch.isEmpty() ? "" : ",").append(invoice("ACCREC", "BULK-" + (call * 50 + i), "AUTHORISED", "10"));
            }
            assertThat(sandbox.put("/Invoices", "{\"Invoices\":[" + batch + "]}", SUPPLIER).statusCode()).isEqualTo(200);
            sandbox.clock.advance(java.time.Duration.ofSeconds(1));
        }
        JsonNode last = json(sandbox.get("/Invoices?page=20&pageSize=100", SUPPLIER));
        assertThat(last.get("pagination").get("itemCount").asInt()).isEqualTo(2000);
        assertThat(last.get("Invoices")).hasSize(100);
        assertThat(last.get("Invoices").get(99).get("InvoiceNumber").asText()).isEqualTo("BULK-1999");
    }

    @Test
    void logsEveryCall() {
        createInvoice(SUPPLIER, invoice("ACCREC", "LOG-1", "DRAFT", "1"));
        sandbox.put("/Invoices", "{\"Invoices\":[" + invoice("ACCREC", "LOG-2", "DRAFT", "1") + "]}", VENUE,
                "Idempotency-Key", "log-key");
        JsonNode calls = json(sandbox.send("GET", "/sandbox/calls?limit=2", null, null));
        assertThat(calls).hasSize(2);
        JsonNode last = calls.get(1);
        assertThat(last.get("method").asText()).isEqualTo("PUT");
        assertThat(last.get("path").asText()).isEqualTo("/api.xro/2.0/Invoices");
        assertThat(last.get("tenantId").asText()).isEqualTo(VENUE.toString());
        assertThat(last.get("status").asInt()).isEqualTo(200);
        assertThat(last.get("idempotencyKey").asText()).isEqualTo("log-key");
        assertThat(last.get("time").asText()).isEqualTo(sandbox.clock.instant().toString());
        assertThat(json(sandbox.send("GET", "/sandbox/calls?tenantId=" + SUPPLIER, null, null)))
                .allMatch(c -> c.get("tenantId").asText().equals(SUPPLIER.toString()));
    }

    @Test
    void paysAnInvoiceInsideXero() {
        String id = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "PAY-1", "AUTHORISED", "10")));
        HttpResponse<String> part = sandbox.send("POST", "/sandbox/tenants/" + SUPPLIER + "/invoices/" + id + "/pay",
                "{\"amount\":4.00,\"date\":\"2026-11-22\"}", null);
        assertThat(part.statusCode()).as(part.body()).isEqualTo(200);
        assertThat(first(part, "Payments").get("Account").get("Code").asText()).isEqualTo("090");
        sandbox.send("POST", "/sandbox/tenants/" + SUPPLIER + "/invoices/" + id + "/pay", null, null);
        JsonNode invoice = first(sandbox.get("/Invoices/" + id, SUPPLIER), "Invoices");
        assertThat(invoice.get("Status").asText()).isEqualTo("PAID");
        assertThat(invoice.get("AmountPaid").decimalValue()).isEqualByComparingTo("11.00");

        assertThat(sandbox.send("POST", "/sandbox/tenants/" + SUPPLIER + "/invoices/" + id + "/pay", null, null).statusCode())
                .isEqualTo(400);
        assertThat(sandbox.send("POST", "/sandbox/tenants/" + SUPPLIER + "/invoices/INV-NOPE/pay", null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void resetForgetsDocumentsCallsAndTokens() {
        createInvoice(SUPPLIER, invoice("ACCREC", "R-1", "DRAFT", "1"));
        String oldToken = sandbox.token;
        sandbox.reset();
        assertThat(json(sandbox.send("GET", "/sandbox/tenants/" + SUPPLIER + "/documents", null, null)).get("Invoices")).isEmpty();
        assertThat(json(sandbox.send("GET", "/sandbox/calls", null, null))).isEmpty();
        sandbox.token = oldToken;
        assertThat(sandbox.get("/Accounts", SUPPLIER).statusCode()).isEqualTo(401);
    }

    @Test
    void mintsTokensForChosenTenants() {
        JsonNode minted = json(sandbox.send("POST", "/sandbox/tokens", "{\"tenantIds\":[\"" + VENUE + "\"]}", null));
        assertThat(minted.get("expires_in").asInt()).isEqualTo(1800);
        assertThat(minted.get("refresh_token").asText()).isNotBlank();
        sandbox.token = minted.get("access_token").asText();
        assertThat(sandbox.get("/Accounts", VENUE).statusCode()).isEqualTo(200);
        assertThat(sandbox.get("/Accounts", SUPPLIER).statusCode()).isEqualTo(403);
        assertThat(sandbox.send("POST", "/sandbox/tokens", "{\"tenantIds\":[\"" + java.util.UUID.randomUUID() + "\"]}", null)
                .statusCode()).isEqualTo(404);
        assertThat(sandbox.send("GET", "/sandbox/nothing", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void startsOnAFreePortThroughThePublicApi() throws Exception {
        try (XeroSandbox other = XeroSandbox.start(SandboxSettings.defaults().withPort(0))) {
            assertThat(other.port()).isPositive();
            assertThat(other.baseUrl()).isEqualTo("http://localhost:" + other.port());
            assertThat(other.tenants()).containsEntry(XeroSandbox.SUPPLIER_TENANT, "Demo Fresh Produce Co")
                    .containsEntry(XeroSandbox.VENUE_TENANT, "Demo Harbour Cafe");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(other.baseUrl()
                    + "/sandbox/tenants")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void readsItsSettingsFromPropertiesOrTheEnvironment() {
        Map<String, String> values = Map.of("sandbox.port", "18089", "sandbox.access-token-lifetime", "PT5M",
                "sandbox.refresh-grace", "60", "sandbox.webhook-url", "http://localhost:8080/webhooks/xero");
        SandboxSettings settings = SandboxSettings.from(values::get);
        assertThat(settings.port()).isEqualTo(18089);
        assertThat(settings.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.refreshGrace()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.idempotencyWindow()).isEqualTo(Duration.ofMinutes(6));
        assertThat(settings.webhookUrl()).isEqualTo("http://localhost:8080/webhooks/xero");
        assertThat(SandboxSettings.defaults().port()).isEqualTo(8089);
    }
}
