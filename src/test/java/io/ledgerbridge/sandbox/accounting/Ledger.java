package io.ledgerbridge.sandbox.accounting;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Every organisation the sandbox holds, by tenant id. */
public final class Ledger {

    /** The seeded supplier organisation, "Demo Fresh Produce Co". */
    public static final UUID SUPPLIER_TENANT = Seed.SUPPLIER_ID;
    /** The seeded venue organisation, "Demo Harbour Cafe". */
    public static final UUID VENUE_TENANT = Seed.VENUE_ID;

    private final Clock clock;
    private final Map<UUID, Organisation> organisations = new ConcurrentHashMap<>();

    public Ledger(Clock clock) {
        this.clock = clock;
        reset();
    }

    /** Back to the two seeded organisations, with nothing else in them. */
    public void reset() {
        organisations.clear();
        Seed.organisations(clock).forEach(o -> organisations.put(o.tenantId, o));
    }

    /** Adds an organisation with the seeded chart of accounts; reset() removes it again. */
    public Organisation add(UUID tenantId, String name) {
        Organisation org = Seed.extra(tenantId, name, clock);
        if (organisations.putIfAbsent(tenantId, org) != null) {
            throw new IllegalArgumentException("Tenant " + tenantId + " already exists");
        }
        return org;
    }

    public Organisation get(UUID tenantId) {
        return tenantId == null ? null : organisations.get(tenantId);
    }

    public Collection<Organisation> all() {
        return organisations.values().stream().sorted(java.util.Comparator.comparing(Organisation::name)).toList();
    }
}
