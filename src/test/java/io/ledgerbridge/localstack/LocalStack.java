package io.ledgerbridge.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import io.ledgerbridge.sandbox.SandboxSettings;
import io.ledgerbridge.sandbox.XeroSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything LedgerBridge needs, in this process: PostgreSQL, a Kafka broker, a mail server and the Xero
 * sandbox (kept in its own package, {@code io.ledgerbridge.sandbox}, and only started here).
 * One stack per JVM: the local profile and {@link LocalStackMain} start it, and it stops cleanly when the JVM
 * shuts down, after the application that uses it.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static LocalStack running;

    private final LocalStackSettings settings;
    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final MailServer mail;
    private XeroSandbox sandbox;

    private LocalStack(LocalStackSettings settings) {
        this.settings = settings;
        this.postgres = new PostgresServer(settings);
        this.kafka = new KafkaServer(settings);
        this.mail = new MailServer(settings);
    }

    /**
     * Starts the stack, or returns the one this JVM already runs.
     *
     * @param stopAtShutdown registers how the stack is stopped when the JVM shuts down: after the application
     *                       has stopped, when it runs inside one (its Kafka consumers must leave their group
     *                       while the broker is still there, or shutting down waits out Camel's timeout)
     */
    public static synchronized LocalStack startOnce(LocalStackSettings settings, Consumer<Runnable> stopAtShutdown) {
        if (running == null) {
            LocalStack stack = new LocalStack(settings);
            stack.start();
            stopAtShutdown.accept(stack::close);
            running = stack;
        }
        return running;
    }

    public LocalStackSettings settings() {
        return settings;
    }

    private void start() {
        long started = System.nanoTime();
        if (settings.wipe()) {
            wipe(settings.dataDirectory());
        }
        // PostgreSQL mostly waits on its own process, so it starts while the broker does.
        CompletableFuture<Void> database = CompletableFuture.runAsync(() -> run(postgres::start));
        try {
            kafka.start();
            mail.start();
            if (settings.xeroSandbox()) {
                sandbox = XeroSandbox.start(SandboxSettings.defaults().withPort(settings.xeroSandboxPort()));
                if (settings.xeroSandboxWindowSeconds() != 60) {
                    setSandboxWindow(sandbox.baseUrl(), settings.xeroSandboxWindowSeconds());
                }
                log.info("Xero sandbox at {}", sandbox.baseUrl());
            }
            database.join();
        } catch (Exception e) {
            close();
            throw e instanceof CompletionException ce && ce.getCause() instanceof RuntimeException re
                    ? re : new IllegalStateException("The local stack did not start: " + e.getMessage(), e);
        }
        log.info("Local stack up in {} ms, data in {}", (System.nanoTime() - started) / 1_000_000,
                settings.dataDirectory());
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            quietly(sandbox);
        }
        quietly(mail);
        quietly(kafka);
        quietly(postgres);
    }

    /** The sandbox's rate window, through its control surface (PUT /sandbox/limits). */
    private static void setSandboxWindow(String baseUrl, int seconds) throws java.io.IOException, InterruptedException {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/sandbox/limits"))
                        .header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"windowSeconds\":" + seconds + "}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The sandbox refused its window of " + seconds + " s: " + response.body());
        }
    }

    private static void wipe(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        log.warn("Wiping local data in {}", directory);
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not wipe " + directory, e);
        }
    }

    private static void quietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
        }
    }

    private static void run(ThrowingAction action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }
}
