package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Faults on demand: error statuses with Xero's bodies (instead of the work, or after it), held calls that
 * still apply, latency, per tenant.
 */
class FaultsTest extends SandboxTest {

    private static void faults(String json) {
        HttpResponse<String> r = sandbox.send("PUT", "/sandbox/faults", json, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static int invoicesNumbered(UUID tenant, String number) {
        return json(sandbox.get("/Invoices?InvoiceNumbers=" + number, tenant)).get("Invoices").size();
    }

    /** The call log's entries for one method and path, oldest first. */
    private static List<JsonNode> calls(String method, String path) {
        List<JsonNode> out = new ArrayList<>();
        json(sandbox.send("GET", "/sandbox/calls", null, null)).forEach(c -> {
            if (c.get("method").asText().equals(method) && c.get("path").asText().equals(path)) {
                out.add(c);
            }
        });
        return out;
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

    @Test
    void anErrorAfterTheWorkAppliesTheWriteAndAnswersTheStatus() {
        faults("{\"errorAfterWorkRate\":1.0,\"status\":503}");
        HttpResponse<String> r = createInvoice(SUPPLIER, invoice("ACCREC", "AW-1", "DRAFT", "1"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("The Xero API is currently offline for maintenance");
        assertThat(r.headers().firstValue("X-MinLimit-Remaining")).isPresent();
        faults("{\"errorAfterWorkRate\":0}");
        assertThat(invoicesNumbered(SUPPLIER, "AW-1")).as("Xero saved it although it answered 503").isEqualTo(1);

        faults("{\"errorRate\":1.0,\"status\":503}");
        assertThat(createInvoice(SUPPLIER, invoice("ACCREC", "AW-2", "DRAFT", "1")).statusCode()).isEqualTo(503);
        faults("{\"errorRate\":0}");
        assertThat(invoicesNumbered(SUPPLIER, "AW-2")).as("errorRate still answers instead of the work").isZero();

        List<JsonNode> puts = calls("PUT", "/api.xro/2.0/Invoices");
        assertThat(puts).extracting(c -> c.get("status").asInt()).containsExactly(503, 503);
        assertThat(puts).extracting(c -> c.get("fault").asText()).containsExactly("errorAfterWork", "error");
        assertThat(calls("GET", "/api.xro/2.0/Invoices?InvoiceNumbers=AW-1").get(0).get("fault").isNull()).isTrue();
    }

    @Test
    void aKeyedWriteAnsweredAnErrorAfterTheWorkKeepsThatAnswerAndIsNotDoneTwice() {
        String body = "{\"Invoices\":[" + invoice("ACCREC", "AW-3", "DRAFT", "1") + "]}";
        faults("{\"errorAfterWorkRate\":1.0,\"status\":500}");
        HttpResponse<String> failed = sandbox.put("/Invoices", body, SUPPLIER, "Idempotency-Key", "aw-key");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(json(failed).get("Title").asText()).isEqualTo("An error occurred");
        faults("{\"errorAfterWorkRate\":0}");

        HttpResponse<String> again = sandbox.put("/Invoices", body, SUPPLIER, "Idempotency-Key", "aw-key");
        assertThat(again.statusCode()).isEqualTo(500);
        assertThat(again.body()).isEqualTo(failed.body());
        assertThat(invoicesNumbered(SUPPLIER, "AW-3")).isEqualTo(1);
        assertThat(calls("PUT", "/api.xro/2.0/Invoices")).extracting(c -> c.get("status").asInt(),
                c -> c.get("fault").asText(null), c -> c.get("replay").asBoolean())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(500, "errorAfterWork", false),
                        org.assertj.core.groups.Tuple.tuple(500, null, true));

        sandbox.clock.advance(Duration.ofMinutes(6));
        HttpResponse<String> later = sandbox.put("/Invoices", body, SUPPLIER, "Idempotency-Key", "aw-key");
        assertThat(later.statusCode()).as("a new key: the write is tried again and meets the saved one").isEqualTo(400);
        assertThat(messages(json(later).get("Elements").get(0))).containsExactly("Invoice # must be unique.");
    }

    @Test
    void anErrorAfterTheWorkCanBeScopedToOneTenant() {
        faults("{\"tenantId\":\"" + VENUE + "\",\"errorAfterWorkRate\":1.0,\"status\":503}");
        assertThat(createInvoice(VENUE, invoice("ACCPAY", "AW-4", "DRAFT", "1")).statusCode()).isEqualTo(503);
        assertThat(createInvoice(SUPPLIER, invoice("ACCREC", "AW-5", "DRAFT", "1")).statusCode()).isEqualTo(200);
        JsonNode state = json(sandbox.send("GET", "/sandbox/faults", null, null));
        assertThat(state.get("tenants").get(VENUE.toString()).get("errorAfterWorkRate").asDouble()).isEqualTo(1.0);
        assertThat(state.get("global").get("errorAfterWorkRate").asDouble()).isZero();
        faults("{\"tenantId\":\"" + VENUE + "\",\"errorAfterWorkRate\":0}");
        assertThat(invoicesNumbered(VENUE, "AW-4")).isEqualTo(1);
    }

    @Test
    void refusesAnErrorAfterTheWorkThatIsNotAServerError() {
        HttpResponse<String> rate = sandbox.send("PUT", "/sandbox/faults", "{\"errorAfterWorkRate\":1.5}", null);
        assertThat(rate.statusCode()).isEqualTo(400);
        assertThat(json(rate).get("error").asText()).isEqualTo("errorRate, errorAfterWorkRate and timeoutRate must be between 0 and 1");
        HttpResponse<String> status = sandbox.send("PUT", "/sandbox/faults", "{\"errorAfterWorkRate\":0.5,\"status\":429}", null);
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(json(status).get("error").asText()).isEqualTo("errorAfterWorkRate needs a 5xx status (e.g. 500 or 503): it stands for"
                + " a server failure after the work was done; set status to 500 or 503, or errorAfterWorkRate to 0");
        assertThat(json(sandbox.send("GET", "/sandbox/faults", null, null)).get("global").get("status").asInt()).isEqualTo(503);
    }

    @Test
    void faultsNarrowedToOneKindOfCallLeaveEveryOtherCallAlone() {
        faults("{\"errorRate\":1.0,\"status\":503,\"only\":\"PUT /Payments\"}");
        try {
            assertThat(createInvoice(SUPPLIER, invoice("ACCREC", "F-ONLY", "DRAFT", "1")).statusCode()).isEqualTo(200);
            assertThat(sandbox.get("/Accounts", SUPPLIER).statusCode()).isEqualTo(200);
            assertThat(sandbox.put("/Payments", "{\"Payments\":[]}", SUPPLIER).statusCode())
                    .isEqualTo(503);
        } finally {
            faults("{\"errorRate\":0,\"only\":null}");
        }
        JsonNode only = json(sandbox.send("GET", "/sandbox/faults", null, null)).path("global").path("only");
        assertThat(only.isNull() || only.isMissingNode()).as("every call again").isTrue();
    }

    @Test
    void reversedAnswersHandBackAWritesElementsInReverseOrderAndApplyTheWriteAsSent() {
        faults("{\"reverseAnswers\":true}");
        try {
            HttpResponse<String> r = sandbox.post("/Invoices?summarizeErrors=false", "{\"Invoices\":["
                    + invoice("ACCREC", "REV-1", "DRAFT", "1") + "," + invoice("ACCREC", "REV-2", "DRAFT", "2") + "]}", SUPPLIER);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode answers = json(r).get("Invoices");
            assertThat(answers.get(0).get("InvoiceNumber").asText()).isEqualTo("REV-2");
            assertThat(answers.get(1).get("InvoiceNumber").asText()).isEqualTo("REV-1");
        } finally {
            faults("{\"reverseAnswers\":false}");
        }
        assertThat(invoicesNumbered(SUPPLIER, "REV-1")).isEqualTo(1);
        assertThat(invoicesNumbered(SUPPLIER, "REV-2")).isEqualTo(1);
    }
}
