package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Faults on demand: error statuses with Xero's bodies, held calls that still apply, latency, per tenant. */
class FaultsTest extends SandboxTest {

    private static void faults(String json) {
        assertThat(sandbox.send("PUT", "/sandbox/faults", json, null).statusCode()).isEqualTo(200);
    }

    @Test
    void answers503WithXerosPlainTextAndDoesNotApplyTheCall() {
        faults("{\"errorRate\":1.0,\"status\":503}");
        HttpResponse<String> r = createInvoice(SUPPLIER, invoice("ACCREC", "F-1", "DRAFT", "1"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("The Xero API is currently offline for maintenance");
        assertThat(r.headers().firstValue("X-MinLimit-Remaining")).isPresent();
        faults("{\"errorRate\":0}");
        assertThat(json(sandbox.get("/Invoices?InvoiceNumbers=F-1", SUPPLIER)).get("Invoices")).isEmpty();
    }

    @Test
    void answers500WithXerosJsonBody() {
        faults("{\"errorRate\":1.0,\"status\":500}");
        HttpResponse<String> r = sandbox.get("/Accounts", SUPPLIER);
        assertThat(r.statusCode()).isEqualTo(500);
        JsonNode body = json(r);
        assertThat(body.get("Title").asText()).isEqualTo("An error occurred");
        assertThat(body.get("Detail").asText()).isEqualTo(
                "An error occurred in Xero. Check the API Status page http://status.developer.xero.com for current service status.");
        assertThat(body.get("Status").asInt()).isEqualTo(500);
    }

    @Test
    void faultsCanBeScopedToOneTenant() {
        faults("{\"tenantId\":\"" + VENUE + "\",\"errorRate\":1.0,\"status\":503}");
        assertThat(sandbox.get("/Accounts", VENUE).statusCode()).isEqualTo(503);
        assertThat(sandbox.get("/Accounts", SUPPLIER).statusCode()).isEqualTo(200);
        JsonNode state = json(sandbox.send("GET", "/sandbox/faults", null, null));
        assertThat(state.get("tenants").get(VENUE.toString()).get("errorRate").asDouble()).isEqualTo(1.0);
        sandbox.reset();
        assertThat(sandbox.get("/Accounts", VENUE).statusCode()).isEqualTo(200);
    }

    @Test
    void aTimedOutWriteIsStillApplied() {
        faults("{\"timeoutRate\":1.0,\"timeoutMs\":1500}");
        var request = sandbox.builder("PUT", "/api.xro/2.0/Invoices",
                        "{\"Invoices\":[" + invoice("ACCREC", "T-1", "DRAFT", "1") + "]}", "application/json")
                .header("Authorization", "Bearer " + sandbox.token).header("xero-tenant-id", SUPPLIER.toString())
                .timeout(Duration.ofMillis(300));
        assertThatThrownBy(() -> sandbox.http.send(request.build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        faults("{\"timeoutRate\":0}");
        assertThat(json(sandbox.get("/Invoices?InvoiceNumbers=T-1", SUPPLIER)).get("Invoices")).hasSize(1);
    }

    @Test
    void addsLatency() {
        faults("{\"latencyMs\":250}");
        long started = System.nanoTime();
        assertThat(sandbox.get("/Accounts", SUPPLIER).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void refusesNonsense() {
        assertThat(sandbox.send("PUT", "/sandbox/faults", "{\"errorRate\":2}", null).statusCode()).isEqualTo(400);
        assertThat(sandbox.send("PUT", "/sandbox/faults", "{\"tenantId\":\"" + java.util.UUID.randomUUID()
                + "\",\"errorRate\":1}", null).statusCode()).isEqualTo(404);
    }
}
