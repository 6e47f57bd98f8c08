package io.ledgerbridge.sandbox.limits;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults on demand, for the whole sandbox or one tenant: a share of calls answered with an error
 * status, a share held open past any client timeout (the write is still applied: the caller cannot
 * know, as with a real timeout), and extra latency on every call.
 */
public final class Faults {

    /** The fault settings of one scope. */
    public record Settings(double errorRate, int status, double timeoutRate, long latencyMs, long timeoutMs) {

        public static final Settings NONE = new Settings(0, 503, 0, 0, 30_000);

        public Settings {
            if (errorRate < 0 || errorRate > 1 || timeoutRate < 0 || timeoutRate > 1) {
                throw new IllegalArgumentException("errorRate and timeoutRate must be between 0 and 1");
            }
            if (status < 400 || status > 599 || latencyMs < 0 || timeoutMs < 0) {
                throw new IllegalArgumentException("status must be 4xx/5xx; latencyMs and timeoutMs not negative");
            }
        }

        public Settings with(Double errorRate, Integer status, Double timeoutRate, Long latencyMs, Long timeoutMs) {
            return new Settings(errorRate != null ? errorRate : this.errorRate, status != null ? status : this.status,
                    timeoutRate != null ? timeoutRate : this.timeoutRate, latencyMs != null ? latencyMs : this.latencyMs,
                    timeoutMs != null ? timeoutMs : this.timeoutMs);
        }
    }

    /** What happens to one call: wait first, maybe fail, maybe hold the answer back. */
    public record Plan(long latencyMs, Integer errorStatus, long holdMs) {
    }

    private volatile Settings global = Settings.NONE;
    private final Map<UUID, Settings> tenants = new ConcurrentHashMap<>();

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
    }

    public Plan plan(UUID tenantId) {
        Settings s = settingsFor(tenantId);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean error = s.errorRate() > 0 && random.nextDouble() < s.errorRate();
        boolean timeout = !error && s.timeoutRate() > 0 && random.nextDouble() < s.timeoutRate();
        return new Plan(s.latencyMs(), error ? s.status() : null, timeout ? s.timeoutMs() : 0);
    }
}
