package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Idempotency-Key (FACTS §4): replay without redoing, 400 on a different request, expiry after the window. */
class IdempotencyTest extends SandboxTest {

    private static final String BODY = "{\"Invoices\":[" + invoice("ACCREC", "IDEM-1", "DRAFT", "10") + "]}";

    private static int count(String number) {
        return json(sandbox.get("/Invoices?InvoiceNumbers=" + number, SUPPLIER)).get("Invoices").size();
    }

    @Test
    void theSameKeyAndRequestReturnsTheFirstResponseWithoutDoingItAgain() {
        HttpResponse<String> first = sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "key-1");
        HttpResponse<String> again = sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "key-1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(count("IDEM-1")).isEqualTo(1);
    }

    @Test
    void replaysAFailureToo() {
        String bad = BODY.replace("\"200\"", "\"477\"");
        HttpResponse<String> first = sandbox.put("/Invoices", bad, SUPPLIER, "Idempotency-Key", "key-bad");
        HttpResponse<String> again = sandbox.put("/Invoices", bad, SUPPLIER, "Idempotency-Key", "key-bad");
        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void theSameKeyWithADifferentRequestIs400() {
        sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "key-2");
        HttpResponse<String> other = sandbox.put("/Invoices", BODY.replace("IDEM-1", "IDEM-2"), SUPPLIER,
                "Idempotency-Key", "key-2");
        assertThat(other.statusCode()).isEqualTo(400);
        JsonNode body = json(other);
        assertThat(body.get("Message").asText())
                .isEqualTo("The Idempotency-Key 'key-2' has already been used for a different request.");
        assertThat(count("IDEM-2")).isZero();
        HttpResponse<String> otherTenant = sandbox.put("/Invoices", BODY, VENUE, "Idempotency-Key", "key-2");
        assertThat(otherTenant.statusCode()).isEqualTo(400);
    }

    @Test
    void keysExpireAfterTheWindow() {
        sandbox.put("/Invoices", BODY.replace("IDEM-1", "IDEM-3").replace("\"Status\":\"DRAFT\"", "\"Status\":\"DRAFT\""),
                SUPPLIER, "Idempotency-Key", "key-3");
        sandbox.clock.advance(Duration.ofMinutes(6));
        HttpResponse<String> later = sandbox.put("/Invoices", BODY.replace("IDEM-1", "IDEM-4"), SUPPLIER,
                "Idempotency-Key", "key-3");
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(count("IDEM-4")).isEqualTo(1);
    }

    @Test
    void refusesKeysLongerThan128Characters() {
        HttpResponse<String> r = sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "k".repeat(129));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("Message").asText()).isEqualTo("The Idempotency-Key must be at most 128 characters long.");
        assertThat(sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "k".repeat(128)).statusCode()).isEqualTo(200);
    }

    @Test
    void replaysStillCountAgainstTheLimits() {
        HttpResponse<String> first = sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "key-4");
        HttpResponse<String> again = sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "key-4");
        int before = Integer.parseInt(first.headers().firstValue("X-MinLimit-Remaining").orElseThrow());
        int after = Integer.parseInt(again.headers().firstValue("X-MinLimit-Remaining").orElseThrow());
        assertThat(after).isEqualTo(before - 1);
    }

    @Test
    void getsIgnoreTheKey() {
        sandbox.get("/Invoices", SUPPLIER, "Idempotency-Key", "key-5");
        assertThat(sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "key-5").statusCode()).isEqualTo(200);
    }
}
