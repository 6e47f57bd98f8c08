package io.ledgerbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A sandbox on a free port and a hand-moved clock, with a small HTTP client for the tests. */
final class Sandbox implements AutoCloseable {

    static final UUID SUPPLIER = XeroSandbox.SUPPLIER_TENANT;
    static final UUID VENUE = XeroSandbox.VENUE_TENANT;
    static final ObjectMapper JSON = io.ledgerbridge.sandbox.http.Json.MAPPER;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:30:00Z"));
    final XeroSandbox xero;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String token;

    Sandbox() {
        this(SandboxSettings.defaults());
    }

    Sandbox(SandboxSettings settings) {
        xero = XeroSandbox.start(settings.withPort(0), clock);
        token = mintToken();
    }

    /** Back to the seeded state, with a fresh token for both organisations. */
    void reset() {
        send("POST", "/sandbox/reset", null, null);
        token = mintToken();
    }

    String mintToken(UUID... tenants) {
        StringBuilder ids = new StringBuilder();
        for (UUID t : tenants) {
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(t).append('"');
        }
        return json(send("POST", "/sandbox/tokens", "{\"tenantIds\":[" + ids + "]}", null)).get("access_token").asText();
    }

    HttpResponse<String> api(String method, String path, String body, UUID tenant, String... headers) {
        HttpRequest.Builder b = builder(method, "/api.xro/2.0" + path, body, "application/json")
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (tenant != null) {
            b.header("xero-tenant-id", tenant.toString());
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return exec(b);
    }

    HttpResponse<String> get(String path, UUID tenant, String... headers) {
        return api("GET", path, null, tenant, headers);
    }

    HttpResponse<String> put(String path, String body, UUID tenant, String... headers) {
        return api("PUT", path, body, tenant, headers);
    }

    HttpResponse<String> post(String path, String body, UUID tenant, String... headers) {
        return api("POST", path, body, tenant, headers);
    }

    /** A call to the control surface or the identity service, without a token. */
    HttpResponse<String> send(String method, String path, String body, String contentType) {
        return exec(builder(method, path, body, contentType == null ? "application/json" : contentType));
    }

    HttpRequest.Builder builder(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(xero.baseUrl() + path)).timeout(Duration.ofSeconds(20));
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> exec(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** The first element of a response's collection. */
    static JsonNode first(HttpResponse<String> response, String collection) {
        return json(response).get(collection).get(0);
    }

    @Override
    public void close() {
        xero.close();
    }
}
