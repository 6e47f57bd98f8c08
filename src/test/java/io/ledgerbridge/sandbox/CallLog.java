package io.ledgerbridge.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.sandbox.http.Json;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last calls the sandbox answered, in a lock-free ring buffer (GET /sandbox/calls); each with the fault
 * that shaped its answer ({@code error}, {@code errorAfterWork}, {@code timeout} or null) and whether it was an
 * Idempotency-Key replay.
 */
final class CallLog {

    record Call(long sequence, Instant time, String method, String path, String tenantId, int status,
                String idempotencyKey, String fault, boolean replay, long durationMs) {
    }

    private final AtomicReferenceArray<Call> ring;
    private final AtomicLong next = new AtomicLong();

    CallLog(int size) {
        this.ring = new AtomicReferenceArray<>(size);
    }

    void add(Instant time, String method, String path, String tenantId, int status, String key, String fault,
             boolean replay, long durationMs) {
        long sequence = next.getAndIncrement();
        ring.set((int) (sequence % ring.length()),
                new Call(sequence, time, method, path, tenantId, status, key, fault, replay, durationMs));
    }

    void clear() {
        for (int i = 0; i < ring.length(); i++) {
            ring.set(i, null);
        }
    }

    /** Oldest first; only calls for {@code tenantId} when it is given; at most the last {@code limit}. */
    ArrayNode toJson(String tenantId, int limit) {
        long end = next.get();
        long start = Math.max(0, end - ring.length());
        java.util.List<Call> calls = new java.util.ArrayList<>();
        for (long s = start; s < end; s++) {
            Call c = ring.get((int) (s % ring.length()));
            if (c != null && c.sequence() == s && (tenantId == null || tenantId.equalsIgnoreCase(c.tenantId()))) {
                calls.add(c);
            }
        }
        ArrayNode out = Json.array();
        for (Call c : calls.subList(Math.max(0, calls.size() - limit), calls.size())) {
            ObjectNode n = out.addObject();
            n.put("time", c.time().toString());
            n.put("method", c.method());
            n.put("path", c.path());
            n.put("tenantId", c.tenantId());
            n.put("status", c.status());
            n.put("idempotencyKey", c.idempotencyKey());
            n.put("fault", c.fault());
            n.put("replay", c.replay());
            n.put("durationMs", c.durationMs());
        }
        return out;
    }
}
