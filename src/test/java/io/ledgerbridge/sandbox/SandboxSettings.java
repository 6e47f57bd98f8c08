package io.ledgerbridge.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * How a {@link XeroSandbox} runs.
 *
 * @param host                where it listens and what its base URL names
 * @param port                8089 by default; 0 takes any free port
 * @param accessTokenLifetime how long an access token works (Xero: 30 minutes)
 * @param refreshGrace        how long a replaced refresh token keeps working (Xero: 30 minutes)
 * @param idempotencyWindow   how long an Idempotency-Key is remembered (Xero: 6 minutes)
 * @param webhookKey          the key webhook payloads are signed with
 * @param webhookUrl          where webhooks go from the start, or null until set with PUT /sandbox/webhooks
 * @param threads             HTTP worker threads (at least 32, so limits and held calls can be exercised)
 * @param callLogSize         how many calls GET /sandbox/calls remembers
 */
public record SandboxSettings(String host, int port, Duration accessTokenLifetime, Duration refreshGrace,
                              Duration idempotencyWindow, String webhookKey, String webhookUrl, int threads,
                              int callLogSize) {

    public static final String PREFIX = "sandbox.";

    public SandboxSettings {
        if (threads < 32) {
            throw new IllegalArgumentException("threads must be at least 32");
        }
        if (port < 0 || callLogSize < 1) {
            throw new IllegalArgumentException("port must not be negative and callLogSize must be positive");
        }
    }

    public static SandboxSettings defaults() {
        return new SandboxSettings("localhost", 8089, Duration.ofMinutes(30), Duration.ofMinutes(30),
                Duration.ofMinutes(6), "sandbox-webhook-signing-key", null, 64, 10_000);
    }

    public SandboxSettings withPort(int newPort) {
        return new SandboxSettings(host, newPort, accessTokenLifetime, refreshGrace, idempotencyWindow, webhookKey,
                webhookUrl, threads, callLogSize);
    }

    public SandboxSettings withAccessTokenLifetime(Duration lifetime) {
        return new SandboxSettings(host, port, lifetime, refreshGrace, idempotencyWindow, webhookKey, webhookUrl,
                threads, callLogSize);
    }

    public SandboxSettings withRefreshGrace(Duration grace) {
        return new SandboxSettings(host, port, accessTokenLifetime, grace, idempotencyWindow, webhookKey, webhookUrl,
                threads, callLogSize);
    }

    public SandboxSettings withIdempotencyWindow(Duration window) {
        return new SandboxSettings(host, port, accessTokenLifetime, refreshGrace, window, webhookKey, webhookUrl,
                threads, callLogSize);
    }

    public SandboxSettings withWebhook(String url, String key) {
        return new SandboxSettings(host, port, accessTokenLifetime, refreshGrace, idempotencyWindow, key, url,
                threads, callLogSize);
    }

    /**
     * Reads every setting through {@code lookup} (a key such as {@code sandbox.port} to its value, or null):
     * {@code sandbox.host}, {@code sandbox.port}, {@code sandbox.access-token-lifetime},
     * {@code sandbox.refresh-grace}, {@code sandbox.idempotency-window} (ISO-8601 durations such as PT30M,
     * or seconds), {@code sandbox.webhook-key}, {@code sandbox.webhook-url}.
     */
    public static SandboxSettings from(Function<String, String> lookup) {
        SandboxSettings d = defaults();
        Function<String, String> get = key -> {
            String value = lookup.apply(PREFIX + key);
            return value == null || value.isBlank() ? null : value.trim();
        };
        return new SandboxSettings(
                orDefault(get.apply("host"), d.host),
                get.apply("port") == null ? d.port : Integer.parseInt(get.apply("port")),
                duration(get.apply("access-token-lifetime"), d.accessTokenLifetime),
                duration(get.apply("refresh-grace"), d.refreshGrace),
                duration(get.apply("idempotency-window"), d.idempotencyWindow),
                orDefault(get.apply("webhook-key"), d.webhookKey),
                get.apply("webhook-url"),
                d.threads, d.callLogSize);
    }

    /** A system property, else the environment variable of the same key (sandbox.port → SANDBOX_PORT). */
    public static String systemLookup(String key) {
        String value = System.getProperty(key);
        return value != null ? value : System.getenv(key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static Duration duration(String value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        return value.toUpperCase(Locale.ROOT).startsWith("P") ? Duration.parse(value) : Duration.ofSeconds(Long.parseLong(value));
    }
}
