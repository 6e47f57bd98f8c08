package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Xero's rate limits and their headers (FACTS §2), run fast with small settable limits. */
class LimitsTest extends SandboxTest {

    private static void limits(String json) {
        assertThat(sandbox.send("PUT", "/sandbox/limits", json, null).statusCode()).isEqualTo(200);
    }

    private static String header(HttpResponse<String> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void everyAccountingResponseCarriesTheLimitHeaders() {
        HttpResponse<String> ok = sandbox.get("/Accounts", SUPPLIER);
        assertThat(header(ok, "X-MinLimit-Remaining")).isEqualTo("59");
        assertThat(header(ok, "X-DayLimit-Remaining")).isEqualTo("4999");
        assertThat(header(ok, "X-AppMinLimit-Remaining")).isEqualTo("9999");
        HttpResponse<String> notFound = sandbox.get("/Invoices/INV-404", SUPPLIER);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(header(notFound, "X-MinLimit-Remaining")).isEqualTo("58");
        HttpResponse<String> invalid = createInvoice(SUPPLIER, "{\"Type\":\"ACCREC\",\"Contact\":{}}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(header(invalid, "X-AppMinLimit-Remaining")).isEqualTo("9997");
    }

    @Test
    void theMinuteLimitAnswers429UntilTheWindowEnds() {
        limits("{\"perMinute\":3,\"windowSeconds\":10}");
        // 2.5 s into a fresh 10 s window, whatever earlier tests did to the clock
        sandbox.clock.advance(Duration.ofMillis(10_000 - sandbox.clock.millis() % 10_000 + 2500));
        for (int i = 2; i >= 0; i--) {
            assertThat(header(sandbox.get("/Accounts", SUPPLIER), "X-MinLimit-Remaining")).isEqualTo(String.valueOf(i));
        }
        HttpResponse<String> limited = sandbox.get("/Accounts", SUPPLIER);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(header(limited, "X-Rate-Limit-Problem")).isEqualTo("minute");
        assertThat(header(limited, "Retry-After")).isEqualTo("8");
        assertThat(header(limited, "X-MinLimit-Remaining")).isEqualTo("0");
        assertThat(limited.body()).isEmpty();
        assertThat(sandbox.get("/Accounts", VENUE).statusCode()).as("another tenant").isEqualTo(200);

        sandbox.clock.advance(Duration.ofSeconds(8));
        assertThat(sandbox.get("/Accounts", SUPPLIER).statusCode()).isEqualTo(200);
    }

    @Test
    void theDailyLimitAnswers429UntilMidnightUtc() {
        limits("{\"perDay\":2}");
        sandbox.get("/Accounts", SUPPLIER);
        assertThat(header(sandbox.get("/Accounts", SUPPLIER), "X-DayLimit-Remaining")).isEqualTo("0");
        HttpResponse<String> limited = sandbox.get("/Accounts", SUPPLIER);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(header(limited, "X-Rate-Limit-Problem")).isEqualTo("day");
        long secondsToMidnight = Duration.between(sandbox.clock.instant(),
                sandbox.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1))).toSeconds();
        assertThat(header(limited, "Retry-After")).isEqualTo(String.valueOf(secondsToMidnight));
        assertThat(header(limited, "X-DayLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void theAppLimitCountsEveryTenant() {
        limits("{\"appPerMinute\":3}");
        sandbox.get("/Accounts", SUPPLIER);
        sandbox.get("/Accounts", VENUE);
        assertThat(header(sandbox.get("/Accounts", SUPPLIER), "X-AppMinLimit-Remaining")).isEqualTo("0");
        HttpResponse<String> limited = sandbox.get("/Accounts", VENUE);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(header(limited, "X-Rate-Limit-Problem")).isEqualTo("appminute");
        assertThat(header(limited, "Retry-After")).isNotNull();
    }

    @Test
    void theConcurrentLimitRefusesACallBeyondTheCallsInFlight() {
        limits("{\"concurrent\":2}");
        sandbox.send("PUT", "/sandbox/faults", "{\"latencyMs\":700}", null);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var request = sandbox.builder("GET", "/api.xro/2.0/Accounts", null, null)
                    .header("Authorization", "Bearer " + sandbox.token).header("xero-tenant-id", SUPPLIER.toString()).build();
            calls.add(sandbox.http.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> done = calls.stream().map(CompletableFuture::join).toList();
        assertThat(done).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 200, 429);
        HttpResponse<String> limited = done.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(header(limited, "X-Rate-Limit-Problem")).isEqualTo("concurrent");
        assertThat(header(limited, "Retry-After")).isNull();
    }

    @Test
    void limitsAreReadAndChangedPartlyAndResetWithTheSandbox() {
        HttpResponse<String> changed = sandbox.send("PUT", "/sandbox/limits", "{\"perMinute\":10}", null);
        assertThat(json(changed).get("perMinute").asInt()).isEqualTo(10);
        assertThat(json(changed).get("concurrent").asInt()).isEqualTo(5);
        assertThat(sandbox.send("PUT", "/sandbox/limits", "{\"perMinute\":0}", null).statusCode()).isEqualTo(400);
        sandbox.reset();
        assertThat(json(sandbox.send("GET", "/sandbox/limits", null, null)).get("perMinute").asInt()).isEqualTo(60);
    }
}
