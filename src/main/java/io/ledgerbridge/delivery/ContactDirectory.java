package io.ledgerbridge.delivery;

import io.ledgerbridge.xero.XeroAnswerException;
import io.ledgerbridge.xero.PacedXero;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.XeroContact;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroRequest;
import io.ledgerbridge.xero.XeroResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each organisation's contacts, as the candidates {@link ContactMatcher} chooses from. The first read takes
 * the whole list in pages of 1,000 (one call for most organisations); later reads ask only for what changed
 * since ({@code If-Modified-Since}, one call), archived contacts included so an archiving is seen too. That
 * keeps finding the contacts of a pass with 50 new parties to one or two calls, where a search per party
 * would cost up to three calls each, at Xero's 60 a minute.
 */
@Component
class ContactDirectory {

    static final int PAGE_SIZE = 1000;

    private record Entry(Map<UUID, XeroContact> contacts, Instant readAt) {
    }

    private final PacedXero xero;
    private final XeroJson xeroJson;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public ContactDirectory(PacedXero xero, XeroJson xeroJson, Clock clock) {
        this.xero = xero;
        this.xeroJson = xeroJson;
        this.clock = clock;
    }

    /** Every contact of the organisation as Xero has it now (read, or brought up to date with one call). */
    public Collection<XeroContact> current(XeroConnection connection) {
        String workspaceId = connection.workspaceId();
        Entry known = entries.get(workspaceId);
        Instant readAt = clock.instant();
        Map<UUID, XeroContact> contacts = known == null ? new HashMap<>() : new HashMap<>(known.contacts());
        // Xero compares If-Modified-Since to the second: a second back, so nothing changed meanwhile is missed.
        Instant since = known == null ? null : known.readAt().minusSeconds(1);
        for (int page = 1; ; page++) {
            XeroRequest request = XeroRequest.get(workspaceId, "/Contacts",
                    "includeArchived=true&page=" + page + "&pageSize=" + PAGE_SIZE);
            XeroResponse response = xero.call(connection, since == null ? request : request.ifModifiedSince(since),
                    Priority.PUSH);
            if (!response.ok()) {
                throw new XeroAnswerException(response);
            }
            List<XeroContact> read = xeroJson.list(response.body(), "Contacts", XeroContact.class);
            read.forEach(contact -> contacts.put(contact.contactId(), contact));
            if (read.size() < PAGE_SIZE) {
                break;
            }
        }
        entries.put(workspaceId, new Entry(Map.copyOf(contacts), readAt));
        return contacts.values();
    }

    /** Drops what was read of the workspace's contacts: its organisation changed, or was connected again. */
    public void forget(String workspaceId) {
        entries.remove(workspaceId);
    }

    /** Contacts this service just created: known without reading them back. */
    public void add(String workspaceId, Collection<XeroContact> created) {
        entries.computeIfPresent(workspaceId, (id, entry) -> {
            Map<UUID, XeroContact> contacts = new HashMap<>(entry.contacts());
            created.forEach(contact -> contacts.put(contact.contactId(), contact));
            return new Entry(Map.copyOf(contacts), entry.readAt());
        });
    }
}
