package io.ledgerbridge.delivery;

import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.delivery.ContactMatcher.Match;
import io.ledgerbridge.delivery.pacing.Priority;
import io.ledgerbridge.order.OrderDocument.Address;
import io.ledgerbridge.order.OrderDocument.Party;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.workspace.WorkspaceSettings.AddressField;
import io.ledgerbridge.workspace.WorkspaceSettings.PhoneField;
import io.ledgerbridge.xero.XeroContact;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroMessage;
import io.ledgerbridge.xero.XeroRequest;
import io.ledgerbridge.xero.XeroResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Xero contacts of documents' other parties (F14): the stored link, else a match by {@link ContactMatcher}
 * among the organisation's contacts ({@link ContactDirectory}), else a new contact (F8 decides which phone
 * and address go with it). A pass resolves all its parties together: one look-up and at most one create call
 * for up to 50 new parties. Looking up and creating happen under per-party advisory locks, taken in key order,
 * so two lanes or two replicas never create the same contact twice; the create also carries an
 * Idempotency-Key derived from what it creates.
 */
@Component
public class ContactResolver {

    /** A contact to use, or why the document has to wait for a person and what they can do. */
    public record Resolution(UUID contactId, String problem, String fixHint) {
        static Resolution of(UUID contactId) {
            return new Resolution(contactId, null, null);
        }
    }

    private final PacedXero xero;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final XeroJson xeroJson;
    private final ContactDirectory directory;

    public ContactResolver(PacedXero xero, JdbcClient jdbc, TransactionTemplate transaction, XeroJson xeroJson,
                           ContactDirectory directory) {
        this.xero = xero;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.xeroJson = xeroJson;
        this.directory = directory;
    }

    /** @return each party's resolution, by {@link ContactMatcher#partyKey} */
    public Map<String, Resolution> resolveAll(XeroConnection connection, Collection<Party> parties,
                                              WorkspaceSettings settings) {
        String workspaceId = connection.workspaceId();
        Map<String, Party> byKey = new TreeMap<>();
        parties.forEach(party -> byKey.putIfAbsent(ContactMatcher.partyKey(party), party));
        Map<String, Resolution> resolved = new HashMap<>();
        links(workspaceId, byKey.keySet()).forEach((key, contact) -> resolved.put(key, Resolution.of(contact)));
        if (resolved.size() == byKey.size()) {
            return resolved;
        }
        return transaction.execute(status -> {
            // in key order (a TreeMap), so two passes wanting the same parties cannot deadlock
            byKey.keySet().stream().filter(key -> !resolved.containsKey(key)).forEach(key ->
                    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:lock))")
                            .param("lock", workspaceId + "|" + key).query(Object.class).optional());
            links(workspaceId, byKey.keySet()).forEach((key, contact) -> resolved.put(key, Resolution.of(contact)));
            Map<String, Party> unlinked = new TreeMap<>(byKey);
            unlinked.keySet().removeAll(resolved.keySet());
            if (unlinked.isEmpty()) {
                return resolved;
            }
            List<XeroContact> candidates = List.copyOf(directory.current(connection));
            Map<String, Party> missing = new TreeMap<>();
            unlinked.forEach((key, party) -> {
                Match match = ContactMatcher.match(party, candidates);
                if (match.ambiguous()) {
                    resolved.put(key, new Resolution(null, "The contact is ambiguous: " + match.ambiguity(),
                            "Fix the duplicates in Xero, then re-sync."));
                } else if (match.found()) {
                    resolved.put(key, link(workspaceId, key, match.contact()));
                } else {
                    missing.put(key, party);
                }
            });
            if (!missing.isEmpty()) {
                create(connection, missing, settings).forEach(resolved::put);
            }
            return resolved;
        });
    }

    private Map<String, UUID> links(String workspaceId, Collection<String> keys) {
        Map<String, UUID> links = new HashMap<>();
        jdbc.sql("SELECT party_key, contact_id FROM contact_links WHERE workspace_id = :ws AND party_key IN (:keys)")
                .param("ws", workspaceId).param("keys", keys)
                .query((row, n) -> links.put(row.getString(1), row.getObject(2, UUID.class)))
                .list();
        return links;
    }

    private Resolution link(String workspaceId, String key, XeroContact contact) {
        jdbc.sql("""
                INSERT INTO contact_links (workspace_id, party_key, contact_id, contact_name)
                VALUES (:ws, :key, :contact, :name) ON CONFLICT (workspace_id, party_key) DO NOTHING
                """)
                .param("ws", workspaceId).param("key", key)
                .param("contact", contact.contactId()).param("name", contact.name())
                .update();
        return Resolution.of(contact.contactId());
    }

    /** One {@code PUT /Contacts?summarizeErrors=false} for every party nothing matched; each answer to its party. */
    private Map<String, Resolution> create(XeroConnection connection, Map<String, Party> missing, WorkspaceSettings settings) {
        List<XeroContact> contacts = missing.values().stream()
                .map(party -> new XeroContact(null, party.workspaceId(), party.name(), party.email(), party.taxNumber(),
                        null, phones(party, settings.contactPhoneField()), addresses(party, settings.contactAddressField()),
                        null, null))
                .toList();
        String body = xeroJson.write(Map.of("Contacts", contacts));
        XeroResponse response = xero.call(connection, XeroRequest.write(connection.workspaceId(), "PUT", "/Contacts",
                "summarizeErrors=false", body, "contacts-" + UUID.nameUUIDFromBytes(
                        (connection.workspaceId() + "|" + body).getBytes(StandardCharsets.UTF_8))), Priority.PUSH);
        if (!response.ok()) {
            throw new XeroAnswerException(response);
        }
        List<XeroContact> answers = xeroJson.list(response.body(), "Contacts", XeroContact.class);
        Map<String, Resolution> resolved = new HashMap<>();
        List<XeroContact> created = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Party> party : missing.entrySet()) {
            XeroContact answer = i < answers.size() ? answers.get(i) : null;
            i++;
            if (answer == null || answer.contactId() == null || "ERROR".equals(answer.statusAttributeString())) {
                String why = answer == null || answer.validationErrors() == null ? "no answer for it"
                        : String.join(" ", answer.validationErrors().stream().map(XeroMessage::message).toList());
                resolved.put(party.getKey(), new Resolution(null, "Xero refused to create the contact '"
                        + party.getValue().name() + "': " + why,
                        "Correct the party's details on the platform (or create the contact in Xero), then re-sync."));
                continue;
            }
            created.add(answer);
            resolved.put(party.getKey(), link(connection.workspaceId(), party.getKey(), answer));
        }
        directory.add(connection.workspaceId(), created);
        return resolved;
    }

    private static List<XeroContact.Phone> phones(Party party, PhoneField field) {
        if (party.phone() == null || party.phone().isBlank() || field == PhoneField.DO_NOT_SYNC) {
            return null;
        }
        return List.of(new XeroContact.Phone(field.name(), party.phone()));
    }

    /** Billing goes to Xero's postal (POBOX) address, delivery to its street address. */
    private static List<XeroContact.Address> addresses(Party party, AddressField field) {
        Address address = switch (field) {
            case BILLING -> party.billingAddress();
            case DELIVERY -> party.deliveryAddress();
            case DO_NOT_SYNC -> null;
        };
        if (address == null) {
            return null;
        }
        List<String> lines = address.lines() == null ? List.of() : address.lines();
        return List.of(new XeroContact.Address(field == AddressField.BILLING ? "POBOX" : "STREET",
                lines.isEmpty() ? null : lines.get(0), lines.size() > 1 ? lines.get(1) : null,
                address.city(), address.region(), address.postalCode(), address.country()));
    }
}
