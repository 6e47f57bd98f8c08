package io.ledgerbridge.delivery;

import io.ledgerbridge.xero.XeroAnswerException;
import io.ledgerbridge.xero.PacedXero;
import io.ledgerbridge.coding.Organisation;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.XeroRequest;
import io.ledgerbridge.xero.XeroResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Each organisation's chart of accounts, tax rates, tracking categories, items and currencies, read from
 * Xero (five paced calls) and kept for a while, so coding can check every account, tax type, tracking
 * option and currency before anything is sent. {@link #forget} drops one after a pull, a webhook or a
 * rejection that says it changed. A read that fails part-way keeps what it got: the next pass asks only for the
 * rest (under a 429 storm five reads in a row rarely all get through; one at a time they do). Each complete read is
 * published as {@link OrganisationRead}, so what was saved against an older copy can be checked again.
 */
@Component
class OrganisationCache {

    private record Entry(Organisation organisation, Instant loadedAt) {
    }

    /** What one organisation's five reads returned so far, and when the first of them was read. */
    private record Partial(Map<String, String> bodies, Instant startedAt) {
    }

    private static final List<String> PARTS = List.of("/Accounts", "/TaxRates", "/TrackingCategories", "/Items",
            "/Currencies");

    private final PacedXero xero;
    private final Clock clock;
    private final Duration timeToLive;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Partial> partials = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;

    @Autowired
    public OrganisationCache(PacedXero xero, Clock clock, DeliverySettings settings, ApplicationEventPublisher events) {
        this(xero, clock, settings.organisationCacheMinutes(), events);
    }

    OrganisationCache(PacedXero xero, Clock clock, Duration timeToLive) {
        this(xero, clock, timeToLive, event -> { });
    }

    OrganisationCache(PacedXero xero, Clock clock, Duration timeToLive, ApplicationEventPublisher events) {
        this.xero = xero;
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.events = events;
    }

    /** One organisation's chart and the rest, just read from Xero for the workspace. */
    record OrganisationRead(String workspaceId, Organisation organisation) {
    }

    public Organisation get(XeroConnection connection) {
        Entry entry = entries.get(connection.workspaceId());
        if (entry != null && entry.loadedAt().plus(timeToLive).isAfter(clock.instant())) {
            return entry.organisation();
        }
        Instant now = clock.instant();
        Partial partial = partials.compute(connection.workspaceId(), (id, known) ->
                known == null || known.startedAt().plus(timeToLive).isBefore(now)
                        ? new Partial(new ConcurrentHashMap<>(), now) : known);
        for (String part : PARTS) {
            if (!partial.bodies().containsKey(part)) {
                partial.bodies().put(part, read(connection, part));
            }
        }
        Map<String, String> bodies = partial.bodies();
        Organisation loaded = OrganisationReader.read(
                connection.tenantName() == null ? "the Xero organisation" : connection.tenantName(),
                bodies.get("/Accounts"), bodies.get("/TaxRates"), bodies.get("/TrackingCategories"), bodies.get("/Items"),
                bodies.get("/Currencies"));
        entries.put(connection.workspaceId(), new Entry(loaded, partial.startedAt()));
        partials.remove(connection.workspaceId(), partial);
        events.publishEvent(new OrganisationRead(connection.workspaceId(), loaded));
        return loaded;
    }

    /** The organisation read for the workspace and not yet stale, without reading Xero. */
    Optional<Organisation> cached(String workspaceId) {
        Entry entry = entries.get(workspaceId);
        return entry != null && entry.loadedAt().plus(timeToLive).isAfter(clock.instant())
                ? Optional.of(entry.organisation()) : Optional.empty();
    }

    public void forget(String workspaceId) {
        entries.remove(workspaceId);
        partials.remove(workspaceId);
    }

    private String read(XeroConnection connection, String path) {
        XeroResponse response = xero.call(connection, XeroRequest.get(connection.workspaceId(), path, null), Priority.PUSH);
        if (!response.ok()) {
            throw new XeroAnswerException(response);
        }
        return response.body();
    }
}
