package io.ledgerbridge.sandbox.limits;

import io.ledgerbridge.sandbox.http.Response;
import io.ledgerbridge.sandbox.http.XeroErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Xero's Idempotency-Key (FACTS §4): keys are scoped to the app (the sandbox has one) and remembered for
 * a window from the first call. The same key with the same request gets the first response again
 * without the work being redone (a concurrent duplicate waits for the first); the same key with a
 * different request is refused; after the window the key is new again. Failures are remembered like
 * any other answer, as Xero caches internal errors against the key too: work that throws is answered
 * (and, while the key lives, answered again) with Xero's 500.
 */
public final class IdempotencyCache {

    public static final int MAX_KEY_LENGTH = 128;

    /** The outcome of a call that carried a key. */
    public sealed interface Outcome permits Fresh, Replay, Mismatch {
    }

    /** First use: the response came from running the request. */
    public record Fresh(Response response) implements Outcome {
    }

    /** A repeat: the first call's response. */
    public record Replay(Response response) implements Outcome {
    }

    /** The key was first used for a different request. */
    public record Mismatch() implements Outcome {
    }

    private record Entry(String fingerprint, CompletableFuture<Response> response, Instant created) {
    }

    private final Clock clock;
    private volatile Duration window;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public IdempotencyCache(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }

    public void clear() {
        entries.clear();
    }

    public Outcome run(String key, String fingerprint, Supplier<Response> work) {
        Instant now = clock.instant();
        if (entries.size() > 10_000) {
            entries.values().removeIf(e -> expired(e, now));
        }
        Entry mine = new Entry(fingerprint, new CompletableFuture<>(), now);
        Entry existing = entries.compute(key, (k, e) -> e == null || expired(e, now) ? mine : e);
        if (existing != mine) {
            if (!existing.fingerprint().equals(fingerprint)) {
                return new Mismatch();
            }
            return new Replay(existing.response().join());
        }
        Response response;
        try {
            response = work.get();
        } catch (RuntimeException e) {
            response = XeroErrors.serverError();
        }
        mine.response().complete(response);
        return new Fresh(response);
    }

    private boolean expired(Entry e, Instant now) {
        return !now.isBefore(e.created().plus(window));
    }
}
