package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerbridge.sandbox.http.Response;
import io.ledgerbridge.sandbox.limits.IdempotencyCache;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Idempotency-Key (FACTS §4): replay without redoing, 400 on a different request, expiry after the window;
 * a 5xx answer (an injected fault or an internal error) is remembered against the key like any other.
 */
class IdempotencyTest extends SandboxTest {

    private static final String BODY = "{\"Invoices\":[" + invoice("ACCREC", "IDEM-1", "DRAFT", "10") + "]}";

    private static void faults(String json) {
        assertThat(sandbox.send("PUT", "/sandbox/faults", json, null).statusCode()).isEqualTo(200);
    }

    private static int remaining(HttpResponse<String> r) {
        return Integer.parseInt(r.headers().firstValue("X-MinLimit-Remaining").orElseThrow());
    }

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

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void aKeyedWriteAnswered5xxGetsThatAnswerAgainForTheKeysWindow(int status) {
        faults("{\"errorRate\":1.0,\"status\":" + status + "}");
        HttpResponse<String> failed = sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "key-5xx");
        assertThat(failed.statusCode()).isEqualTo(status);
        faults("{\"errorRate\":0}");

        HttpResponse<String> again = sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "key-5xx");
        assertThat(again.statusCode()).as("the same key and request while the key lives").isEqualTo(status);
        assertThat(again.body()).isEqualTo(failed.body());
        assertThat(remaining(again)).as("a replayed 5xx still counts against the limits").isEqualTo(remaining(failed) - 1);
        assertThat(count("IDEM-1")).isZero();

        HttpResponse<String> other = sandbox.put("/Invoices", BODY.replace("IDEM-1", "IDEM-2"), SUPPLIER,
                "Idempotency-Key", "key-5xx");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(json(other).get("Message").asText())
                .isEqualTo("The Idempotency-Key 'key-5xx' has already been used for a different request.");

        sandbox.clock.advance(Duration.ofMinutes(5).plusSeconds(59));
        assertThat(sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "key-5xx").statusCode()).isEqualTo(status);
        sandbox.clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> later = sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "key-5xx");
        assertThat(later.statusCode()).as("after the window the key is new").isEqualTo(200);
        assertThat(count("IDEM-1")).isEqualTo(1);
    }

    @Test
    void aWriteWithoutAKeyAnswered5xxLeavesNothingBehind() {
        faults("{\"errorRate\":1.0,\"status\":503}");
        assertThat(sandbox.put("/Invoices", BODY, SUPPLIER).statusCode()).isEqualTo(503);
        faults("{\"errorRate\":0}");
        assertThat(sandbox.put("/Invoices", BODY, SUPPLIER).statusCode()).isEqualTo(200);
        assertThat(count("IDEM-1")).isEqualTo(1);
    }

    @Test
    void anInjected4xxIsNotRememberedAsXeroAnswersALimitBeforeLookingAtTheKey() {
        faults("{\"errorRate\":1.0,\"status\":429}");
        assertThat(sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "key-429").statusCode()).isEqualTo(429);
        faults("{\"errorRate\":0}");
        assertThat(sandbox.put("/Invoices", BODY, SUPPLIER, "Idempotency-Key", "key-429").statusCode()).isEqualTo(200);
        assertThat(count("IDEM-1")).isEqualTo(1);
    }

    @Test
    void anInternalErrorIsRememberedAgainstTheKeyAsXeros500() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:30:00Z"));
        IdempotencyCache cache = new IdempotencyCache(clock, Duration.ofMinutes(6));
        AtomicInteger runs = new AtomicInteger();
        Supplier<Response> failing = () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("the work broke");
        };

        IdempotencyCache.Outcome first = cache.run("key-boom", "request-a", failing);
        assertThat(first).isInstanceOf(IdempotencyCache.Fresh.class);
        Response error = ((IdempotencyCache.Fresh) first).response();
        assertThat(error.status()).isEqualTo(500);
        assertThat(error.bodyText()).contains("\"Title\":\"An error occurred\"");

        IdempotencyCache.Outcome again = cache.run("key-boom", "request-a", failing);
        assertThat(again).isInstanceOf(IdempotencyCache.Replay.class);
        assertThat(((IdempotencyCache.Replay) again).response().bodyText()).isEqualTo(error.bodyText());
        assertThat(runs).as("the work is not redone").hasValue(1);
        assertThat(cache.run("key-boom", "request-b", failing)).isInstanceOf(IdempotencyCache.Mismatch.class);

        clock.advance(Duration.ofMinutes(6));
        IdempotencyCache.Outcome later = cache.run("key-boom", "request-a", () -> Response.empty(200));
        assertThat(later).isInstanceOf(IdempotencyCache.Fresh.class);
        assertThat(((IdempotencyCache.Fresh) later).response().status()).isEqualTo(200);
    }
}
