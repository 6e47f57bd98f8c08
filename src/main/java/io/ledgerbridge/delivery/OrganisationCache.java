package io.ledgerbridge.delivery;

import io.ledgerbridge.coding.Organisation;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.delivery.pacing.Priority;
import io.ledgerbridge.xero.XeroRequest;
import io.ledgerbridge.xero.XeroResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each organisation's chart of accounts, tax rates, tracking categories, items and currencies, read from
 * Xero (five paced calls) and kept for a while, so coding can check every account, tax type, tracking
 * option and currency before anything is sent. {@link #forget} drops one after a pull, a webhook or a
 * rejection that says it changed.
 */
@Component
public class OrganisationCache {

    private record Entry(Organisation organisation, Instant loadedAt) {
    }

    private final PacedXero xero;
    private final Clock clock;
    private final Duration timeToLive;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public OrganisationCache(PacedXero xero, Clock clock,
                             @Value("${ledgerbridge.delivery.organisation-cache-minutes:10}") long minutes) {
        this.xero = xero;
        this.clock = clock;
        this.timeToLive = Duration.ofMinutes(minutes);
    }

    public Organisation get(XeroConnection connection) {
        Entry entry = entries.get(connection.workspaceId());
        if (entry != null && entry.loadedAt().plus(timeToLive).isAfter(clock.instant())) {
            return entry.organisation();
        }
        Organisation loaded = OrganisationReader.read(
                connection.tenantName() == null ? "the Xero organisation" : connection.tenantName(),
                read(connection, "/Accounts"), read(connection, "/TaxRates"),
                read(connection, "/TrackingCategories"), read(connection, "/Items"), read(connection, "/Currencies"));
        entries.put(connection.workspaceId(), new Entry(loaded, clock.instant()));
        return loaded;
    }

    public void forget(String workspaceId) {
        entries.remove(workspaceId);
    }

    private String read(XeroConnection connection, String path) {
        XeroResponse response = xero.call(connection, XeroRequest.get(connection.workspaceId(), path, null), Priority.PUSH);
        if (!response.ok()) {
            throw new XeroAnswerException(response);
        }
        return response.body();
    }
}
