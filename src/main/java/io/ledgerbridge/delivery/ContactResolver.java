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
import io.ledgerbridge.xero.XeroRequest;
import io.ledgerbridge.xero.XeroResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Xero contact of a document's other party (F14): the stored link, else a search in Xero matched by
 * {@link ContactMatcher}, else a new contact (F8 decides which phone and address go with it). Looking up
 * and creating happen under a per-party advisory lock, so two lanes or two replicas never create the same
 * contact twice; the create also carries an Idempotency-Key derived from the party.
 */
@Component
public class ContactResolver {

    /** A contact to use, or a reason the document has to wait for a person. */
    public record Resolution(UUID contactId, String problem) {
    }

    private final PacedXero xero;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final XeroJson xeroJson;

    public ContactResolver(PacedXero xero, JdbcClient jdbc, TransactionTemplate transaction, XeroJson xeroJson) {
        this.xero = xero;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.xeroJson = xeroJson;
    }

    public Resolution resolve(XeroConnection connection, Party party, WorkspaceSettings settings) {
        String key = ContactMatcher.partyKey(party);
        Optional<UUID> linked = link(connection.workspaceId(), key);
        if (linked.isPresent()) {
            return new Resolution(linked.get(), null);
        }
        return transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:lock))")
                    .param("lock", connection.workspaceId() + "|" + key)
                    .query(Object.class).optional();
            Optional<UUID> raced = link(connection.workspaceId(), key);
            if (raced.isPresent()) {
                return new Resolution(raced.get(), null);
            }
            Match match = ContactMatcher.match(party, search(connection, party));
            if (match.ambiguous()) {
                return new Resolution(null, match.ambiguity());
            }
            XeroContact contact = match.found() ? match.contact() : create(connection, party, settings, key);
            jdbc.sql("""
                    INSERT INTO contact_links (workspace_id, party_key, contact_id, contact_name)
                    VALUES (:ws, :key, :contact, :name) ON CONFLICT (workspace_id, party_key) DO NOTHING
                    """)
                    .param("ws", connection.workspaceId()).param("key", key)
                    .param("contact", contact.contactId()).param("name", contact.name())
                    .update();
            return new Resolution(contact.contactId(), null);
        });
    }

    private Optional<UUID> link(String workspaceId, String key) {
        return jdbc.sql("SELECT contact_id FROM contact_links WHERE workspace_id = :ws AND party_key = :key")
                .param("ws", workspaceId).param("key", key)
                .query(UUID.class).optional();
    }

    /** Candidates: Xero's search over name, contact number and email, by name and by each identifier we have. */
    private List<XeroContact> search(XeroConnection connection, Party party) {
        Map<UUID, XeroContact> found = new LinkedHashMap<>();
        for (String term : new String[] {party.name(), party.workspaceId(), party.email()}) {
            if (term == null || term.isBlank()) {
                continue;
            }
            XeroResponse response = xero.call(connection, XeroRequest.get(connection.workspaceId(), "/Contacts",
                    "searchTerm=" + URLEncoder.encode(term, StandardCharsets.UTF_8)), Priority.PUSH);
            if (!response.ok()) {
                throw new XeroAnswerException(response);
            }
            xeroJson.list(response.body(), "Contacts", XeroContact.class)
                    .forEach(contact -> found.putIfAbsent(contact.contactId(), contact));
        }
        return new ArrayList<>(found.values());
    }

    private XeroContact create(XeroConnection connection, Party party, WorkspaceSettings settings, String key) {
        XeroContact contact = new XeroContact(null, party.workspaceId(), party.name(), party.email(), party.taxNumber(),
                null, phones(party, settings.contactPhoneField()), addresses(party, settings.contactAddressField()), null, null);
        String body = xeroJson.write(Map.of("Contacts", List.of(contact)));
        XeroResponse response = xero.call(connection, XeroRequest.write(connection.workspaceId(), "PUT", "/Contacts",
                null, body, "contact-" + UUID.nameUUIDFromBytes((connection.workspaceId() + "|" + key)
                        .getBytes(StandardCharsets.UTF_8))), Priority.PUSH);
        if (!response.ok()) {
            throw new XeroAnswerException(response);
        }
        return xeroJson.list(response.body(), "Contacts", XeroContact.class).get(0);
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
