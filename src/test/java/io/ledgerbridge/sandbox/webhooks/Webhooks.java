package io.ledgerbridge.sandbox.webhooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.sandbox.accounting.ChangeListener;
import io.ledgerbridge.sandbox.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Xero's webhooks (FACTS §14): INVOICE, CONTACT and CREDITNOTE events, batched and POSTed to one URL
 * with {@code x-xero-signature} = Base64(HMAC-SHA256(key, raw body)). Setting the URL runs the
 * intent-to-receive handshake first: empty payloads, some correctly and some wrongly signed, which the
 * receiver must answer 200 and 401; events are delivered only once it passed. Delivery runs on its own
 * thread, so a slow or failing receiver never slows the API down. A failed batch is retried a few
 * times, not for 24 hours as Xero does.
 */
public final class Webhooks implements ChangeListener, AutoCloseable {

    static final int MAX_ATTEMPTS = 5;
    static final int MAX_BATCH = 100;
    /** How often a handshake that found nobody listening is tried again. */
    static final long HANDSHAKE_RETRY_MS = 1000;
    private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(ObjectNode event, int attempts) {
    }

    private final Clock clock;
    private final String apiBase;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<ObjectNode> queue = new ConcurrentLinkedQueue<>();
    private final Deque<Pending> retries = new ArrayDeque<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Deque<ObjectNode> deliveries = new ArrayDeque<>();
    private volatile String url;
    private volatile String key;
    private volatile ObjectNode intentToReceive;
    private volatile boolean active;
    private volatile boolean unreachable;
    private long nextHandshakeAt;
    private int delivered;
    private int failed;

    /** @param apiBase the sandbox's own API base, e.g. http://localhost:8089/api.xro/2.0, for resourceUrl */
    public Webhooks(Clock clock, String apiBase, String key, long batchDelayMs) {
        this.clock = clock;
        this.apiBase = apiBase;
        this.key = key;
        sender.scheduleWithFixedDelay(this::flushQuietly, batchDelayMs, batchDelayMs, TimeUnit.MILLISECONDS);
    }

    /** Points delivery at {@code newUrl} (null turns it off) and runs the intent-to-receive handshake. */
    public synchronized ObjectNode configure(String newUrl, String newKey) {
        if (newKey != null && !newKey.isBlank()) {
            key = newKey;
        }
        url = newUrl == null || newUrl.isBlank() ? null : newUrl;
        active = false;
        queue.clear();
        synchronized (retries) {
            retries.clear();
        }
        runHandshake();
        return status();
    }

    /**
     * Runs the handshake; when nobody answered at all (the receiver is not up yet, as when the sandbox starts
     * before LedgerBridge), the delivery thread tries again every {@link #HANDSHAKE_RETRY_MS} ms.
     */
    private synchronized void runHandshake() {
        intentToReceive = url == null ? null : handshake();
        active = intentToReceive != null && intentToReceive.path("passed").asBoolean();
        unreachable = false;
        if (intentToReceive != null && !active) {
            unreachable = true;
            intentToReceive.get("checks").forEach(c -> unreachable &= c.get("status").asInt() == 0);
        }
        nextHandshakeAt = System.currentTimeMillis() + HANDSHAKE_RETRY_MS;
    }

    private synchronized void retryHandshakeIfDue() {
        if (url != null && !active && unreachable && System.currentTimeMillis() >= nextHandshakeAt) {
            runHandshake();
        }
    }

    public synchronized void reset(String defaultKey) {
        configure(null, defaultKey);
        synchronized (deliveries) {
            deliveries.clear();
            delivered = 0;
            failed = 0;
        }
        sequence.set(0);
    }

    public ObjectNode status() {
        ObjectNode n = Json.object();
        n.put("url", url);
        n.put("active", active);
        n.set("intentToReceive", intentToReceive);
        n.put("queued", queue.size());
        synchronized (deliveries) {
            n.put("delivered", delivered);
            n.put("failed", failed);
            ArrayNode recent = n.putArray("recentDeliveries");
            deliveries.forEach(recent::add);
        }
        return n;
    }

    @Override
    public void changed(UUID tenantId, String category, String eventType, UUID resourceId, Map<String, String> data) {
        if (!active) {
            return;
        }
        String collection = switch (category) {
            case "INVOICE" -> "Invoices";
            case "CONTACT" -> "Contacts";
            default -> "CreditNotes";
        };
        ObjectNode e = Json.object();
        e.put("resourceUrl", apiBase + "/" + collection + "/" + resourceId);
        e.put("resourceId", resourceId.toString());
        e.put("eventDateUtc", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(EVENT_DATE));
        e.put("eventType", eventType);
        e.put("eventCategory", category);
        e.put("tenantId", tenantId.toString());
        e.put("tenantType", "ORGANISATION");
        if (data != null) {
            ObjectNode d = e.putObject("data");
            data.forEach(d::put);
        }
        queue.add(e);
    }

    /** Signs a body as Xero does: Base64(HMAC-SHA256(key, body)). */
    public static String sign(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode handshake() {
        ObjectNode result = Json.object();
        ArrayNode checks = result.putArray("checks");
        boolean passed = true;
        for (boolean correct : List.of(true, false, true, false)) {
            ObjectNode payload = Json.object();
            payload.putArray("events");
            payload.put("firstEventSequence", 0);
            payload.put("lastEventSequence", 0);
            payload.put("entropy", entropy());
            byte[] body = Json.bytes(payload);
            String signature = correct ? sign(key, body) : sign(key + "-wrong", body);
            int status = post(body, signature);
            int expected = correct ? 200 : 401;
            checks.addObject().put("correctlySigned", correct).put("status", status).put("expected", expected);
            passed &= status == expected;
        }
        result.put("passed", passed);
        return result;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // delivery problems never reach the API; they show in status()
        }
    }

    private void flush() {
        retryHandshakeIfDue();
        String target = url;
        if (target == null || !active) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        synchronized (retries) {
            while (!retries.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(retries.poll());
            }
        }
        ObjectNode next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(new Pending(next, 0));
        }
        if (batch.isEmpty()) {
            return;
        }
        int first = sequence.get() + 1;
        ObjectNode payload = Json.object();
        ArrayNode events = payload.putArray("events");
        batch.forEach(p -> events.add(p.event()));
        int last = sequence.addAndGet(batch.size());
        payload.put("firstEventSequence", first);
        payload.put("lastEventSequence", last);
        payload.put("entropy", entropy());
        byte[] body = Json.bytes(payload);
        int status = post(body, sign(key, body));
        boolean ok = status >= 200 && status < 300;
        record(first, last, batch.size(), status);
        if (!ok) {
            synchronized (retries) {
                batch.stream().filter(p -> p.attempts() + 1 < MAX_ATTEMPTS)
                        .forEach(p -> retries.add(new Pending(p.event(), p.attempts() + 1)));
            }
        }
    }

    private void record(int first, int last, int count, int status) {
        synchronized (deliveries) {
            if (status >= 200 && status < 300) {
                delivered += count;
            } else {
                failed += count;
            }
            deliveries.addLast(Json.object().put("firstEventSequence", first).put("lastEventSequence", last)
                    .put("events", count).put("status", status));
            while (deliveries.size() > 20) {
                deliveries.removeFirst();
            }
        }
    }

    /** POSTs a payload; 0 when the receiver could not be reached or did not answer within 5 seconds. */
    private int post(byte[] body, String signature) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").header("x-xero-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String entropy() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return sb.toString();
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
