package io.ledgerbridge.xero.pacing;

import io.ledgerbridge.xero.PacingSettings;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This replica's pacers: one {@link TenantPacer} per Xero tenant, made on first use, all sharing one
 * {@link AppPacer}, so every lane and pull route calling a tenant goes through the same limits.
 * Thread-safe. Pacers are never dropped: one is about a kilobyte (most of it the log of its last {@code perMinute}
 * starts), and dropping one would forget a pause and those starts.
 */
public final class PacerRegistry {

    private final PacingSettings settings;
    private final AppPacer app;
    private final ConcurrentMap<String, TenantPacer> tenants = new ConcurrentHashMap<>();

    public PacerRegistry(PacingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.app = new AppPacer(settings);
    }

    /** The pacer of this Xero tenant id, made on first use. */
    public TenantPacer forTenant(String tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return tenants.computeIfAbsent(tenantId, id -> new TenantPacer(id, settings, app));
    }

    public AppPacer app() {
        return app;
    }

    public PacingSettings settings() {
        return settings;
    }

    /** Every tenant's snapshot, by tenant id. */
    public SortedMap<String, TenantPacer.Snapshot> snapshots(Instant now) {
        SortedMap<String, TenantPacer.Snapshot> snapshots = new TreeMap<>();
        for (Map.Entry<String, TenantPacer> tenant : tenants.entrySet()) {
            snapshots.put(tenant.getKey(), tenant.getValue().snapshot(now));
        }
        return snapshots;
    }
}
