package io.ledgerbridge.sandbox.limits;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults on demand, for the whole sandbox or one tenant: a share of calls answered with an error status
 * instead of being done ({@code errorRate}: nothing happened), a share done and then answered with the
 * error status ({@code errorAfterWorkRate}: Xero saved it but answered 5xx), a share held open past any
 * client timeout (the write is still applied: the caller cannot know, as with a real timeout), and extra
 * latency on every call. At most one of the three happens to a call, drawn in that order. {@code reverseAnswers}
 * hands back the elements of a write's answer in reverse order (a client must confirm each answer against what it
 * sent, never trust the position). {@code only} narrows a
 * scope's faults to the calls whose method and path start with it (e.g. {@code "PUT /Payments"}), so a test can
 * fail one kind of call and no other. A {@code seed} makes a scope's draws repeat from run to run, so a test that
 * needs each kind of fault to happen at least once in its first calls gets them every time.
 */
public final class Faults {

    /** The fault settings of one scope. */
    public record Settings(double errorRate, int status, double errorAfterWorkRate, double timeoutRate, long latencyMs,
                           long timeoutMs, String only, boolean reverseAnswers) {

        public static final Settings NONE = new Settings(0, 503, 0, 0, 0, 30_000, null, false);

        public Settings(double errorRate, int status, double errorAfterWorkRate, double timeoutRate, long latencyMs,
                        long timeoutMs) {
            this(errorRate, status, errorAfterWorkRate, timeoutRate, latencyMs, timeoutMs, null, false);
        }

        public Settings {
            if (outOfRange(errorRate) || outOfRange(errorAfterWorkRate) || outOfRange(timeoutRate)) {
                throw new IllegalArgumentException("errorRate, errorAfterWorkRate and timeoutRate must be between 0 and 1");
            }
            if (status < 400 || status > 599 || latencyMs < 0 || timeoutMs < 0) {
                throw new IllegalArgumentException("status must be 4xx/5xx; latencyMs and timeoutMs not negative");
            }
            if (errorAfterWorkRate > 0 && status < 500) {
                throw new IllegalArgumentException("errorAfterWorkRate needs a 5xx status (e.g. 500 or 503): it stands for"
                        + " a server failure after the work was done; set status to 500 or 503, or errorAfterWorkRate to 0");
            }
        }

        public Settings with(Double errorRate, Integer status, Double errorAfterWorkRate, Double timeoutRate,
                             Long latencyMs, Long timeoutMs) {
            return with(errorRate, status, errorAfterWorkRate, timeoutRate, latencyMs, timeoutMs, only, null);
        }

        /** {@code only}: "" applies the faults to every call again; null keeps the current filter (as does a null flag). */
        public Settings with(Double errorRate, Integer status, Double errorAfterWorkRate, Double timeoutRate,
                             Long latencyMs, Long timeoutMs, String only, Boolean reverseAnswers) {
            return new Settings(errorRate != null ? errorRate : this.errorRate, status != null ? status : this.status,
                    errorAfterWorkRate != null ? errorAfterWorkRate : this.errorAfterWorkRate,
                    timeoutRate != null ? timeoutRate : this.timeoutRate, latencyMs != null ? latencyMs : this.latencyMs,
                    timeoutMs != null ? timeoutMs : this.timeoutMs,
                    only == null ? this.only : only.isBlank() ? null : only.trim(),
                    reverseAnswers != null ? reverseAnswers : this.reverseAnswers);
        }

        /** Whether the faults apply to a call of this method and path (below the API base, e.g. /Payments). */
        boolean applies(String method, String path) {
            return only == null || (method + " " + path).toLowerCase(java.util.Locale.ROOT)
                    .startsWith(only.toLowerCase(java.util.Locale.ROOT));
        }

        private static boolean outOfRange(double rate) {
            return !(rate >= 0 && rate <= 1);
        }
    }

    /**
     * What happens to one call: wait first, then maybe fail instead of the work ({@code errorStatus}), maybe
     * do the work and answer a failure ({@code errorAfterWorkStatus}), maybe hold the answer back.
     */
    public record Plan(long latencyMs, Integer errorStatus, Integer errorAfterWorkStatus, long holdMs,
                       boolean reverseAnswers) {
        public Plan(long latencyMs, Integer errorStatus, Integer errorAfterWorkStatus, long holdMs) {
            this(latencyMs, errorStatus, errorAfterWorkStatus, holdMs, false);
        }
    }

    private static final UUID GLOBAL = new UUID(0, 0);

    private volatile Settings global = Settings.NONE;
    private final Map<UUID, Settings> tenants = new ConcurrentHashMap<>();
    private final Map<UUID, java.util.Random> seeded = new ConcurrentHashMap<>();

    public Settings global() {
        return global;
    }

    public Map<UUID, Settings> tenants() {
        return Map.copyOf(tenants);
    }

    public Settings settingsFor(UUID tenantId) {
        return tenantId == null ? global : tenants.getOrDefault(tenantId, global);
    }

    public void set(UUID tenantId, Settings settings) {
        if (tenantId == null) {
            global = settings;
        } else {
            tenants.put(tenantId, settings);
        }
    }

    public void reset() {
        global = Settings.NONE;
        tenants.clear();
        seeded.clear();
    }

    /** From now on the scope's draws come from a generator seeded with {@code seed}: the same sequence every run. */
    public void seed(UUID tenantId, long seed) {
        seeded.put(tenantId == null ? GLOBAL : tenantId, new java.util.Random(seed));
    }

    public Plan plan(UUID tenantId) {
        return plan(tenantId, "", "");
    }

    /** The plan for one call, of {@code method} on {@code path} (below the API base). */
    public Plan plan(UUID tenantId, String method, String path) {
        Settings s = settingsFor(tenantId);
        if (!s.applies(method, path)) {
            return new Plan(s.latencyMs(), null, null, 0);
        }
        java.util.Random seed = seeded.get(tenantId != null && tenants.containsKey(tenantId) ? tenantId : GLOBAL);
        java.util.Random random = seed == null ? ThreadLocalRandom.current() : seed;
        boolean error;
        boolean afterWork;
        boolean timeout;
        synchronized (random) { // one call's draws in a row, so a seeded sequence does not depend on the threads
            error = draw(random, s.errorRate());
            afterWork = !error && draw(random, s.errorAfterWorkRate());
            timeout = !error && !afterWork && draw(random, s.timeoutRate());
        }
        return new Plan(s.latencyMs(), error ? s.status() : null, afterWork ? s.status() : null,
                timeout ? s.timeoutMs() : 0, s.reverseAnswers());
    }

    private static boolean draw(java.util.Random random, double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
