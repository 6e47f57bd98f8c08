package io.ledgerbridge.delivery;

import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.xero.XeroAnswerException;
import io.ledgerbridge.xero.ThrottledException;
import io.ledgerbridge.xero.PacedXero;
import io.ledgerbridge.connection.XeroClientSettings;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.delivery.ContactMatcher.Match;
import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.order.OrderDocument.Address;
import io.ledgerbridge.order.OrderDocument.Party;
import io.ledgerbridge.pull.CustomerCreated;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.workspace.WorkspaceSettings.AddressField;
import io.ledgerbridge.workspace.WorkspaceSettings.PhoneField;
import io.ledgerbridge.xero.XeroContact;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroMessage;
import io.ledgerbridge.xero.XeroRequest;
import io.ledgerbridge.xero.XeroResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Xero contacts of documents' other parties (F14): the stored link (made by a pass, or when the platform had the
 * customer created in Xero first: {@link CustomerCreated}), else a match by {@link ContactMatcher} among the
 * organisation's contacts ({@link ContactDirectory}), else a new contact (F8 decides which phone and address go with it). A pass resolves all its parties together: one look-up and at most one create call for up to 50 new
 * parties. No transaction is held while Xero is asked: a party's contact is created only by the pass that reserved
 * it ({@code contact_creations}, one short statement), so two lanes or two replicas never create the same contact
 * twice; a reservation left by a pass that died runs out, and the contact it may have created is then found in the
 * directory (read again from the time before the create). Each answer is taken for the party it names. The create's
 * Idempotency-Key is new for every attempt: the reservation is what keeps a contact single, and a key Xero remembers a
 * 5xx against (FACTS.md §4) must never hold up the next attempt.
 */
@Component
class ContactResolver {


    /** A contact to use, or why the document has to wait (and what a person can do), or that another pass has it. */
    public record Resolution(UUID contactId, String problem, String fixHint, boolean beingCreated) {
        static Resolution of(UUID contactId) {
            return new Resolution(contactId, null, null, false);
        }

        static Resolution problem(String problem, String fixHint) {
            return new Resolution(null, problem, fixHint, false);
        }

        static Resolution beingCreatedElsewhere() {
            return new Resolution(null, null, null, true);
        }
    }

    private final PacedXero xero;
    private final JdbcClient jdbc;
    private final XeroJson xeroJson;
    private final ContactDirectory directory;
    /** How long a reservation to create a contact lasts: longer than a create call can take (twice Xero's timeout). */
    private final Duration reservation;

    public ContactResolver(PacedXero xero, JdbcClient jdbc, XeroJson xeroJson, ContactDirectory directory,
                           XeroClientSettings xeroClient) {
        this.xero = xero;
        this.jdbc = jdbc;
        this.xeroJson = xeroJson;
        this.directory = directory;
        this.reservation = xeroClient.timeoutMs().multipliedBy(2).plusSeconds(5);
    }

    /**
     * @return each party's resolution, by {@link ContactMatcher#partyKey}
     * @throws RuntimeException what a call to Xero throws ({@link PacedXero#failed} reads it); links made before it stay
     */
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
        List<XeroContact> candidates = List.copyOf(directory.current(connection));
        Map<String, Party> missing = new TreeMap<>();
        byKey.forEach((key, party) -> {
            if (resolved.containsKey(key)) {
                return;
            }
            Match match = ContactMatcher.match(party, candidates);
            if (match.ambiguous()) {
                resolved.put(key, Resolution.problem("The contact is ambiguous: " + match.ambiguity(),
                        FixHints.FIX_DUPLICATE_CONTACTS));
            } else if (match.found()) {
                resolved.put(key, link(workspaceId, key, match.contact()));
            } else {
                missing.put(key, party);
            }
        });
        if (missing.isEmpty()) {
            return resolved;
        }
        List<String> reserved = reserve(workspaceId, missing.keySet());
        Map<String, Party> mine = new TreeMap<>();
        missing.forEach((key, party) -> {
            if (reserved.contains(key)) {
                mine.put(key, party);
            } else {
                resolved.put(key, Resolution.beingCreatedElsewhere());
            }
        });
        if (!mine.isEmpty()) {
            resolved.putAll(create(connection, mine, settings));
        }
        return resolved;
    }

    private Map<String, UUID> links(String workspaceId, Collection<String> keys) {
        Map<String, UUID> links = new HashMap<>();
        jdbc.sql("SELECT party_key, contact_id FROM contact_links WHERE workspace_id = :ws AND party_key IN (:keys)")
                .param("ws", workspaceId).param("keys", keys)
                .query((row, n) -> links.put(row.getString(1), row.getObject(2, UUID.class)))
                .list();
        return links;
    }

    /** Links the party to the contact, unless another pass linked it first: then that link wins. */
    private Resolution link(String workspaceId, String key, XeroContact contact) {
        jdbc.sql("""
                INSERT INTO contact_links (workspace_id, party_key, contact_id, contact_name)
                VALUES (:ws, :key, :contact, :name) ON CONFLICT (workspace_id, party_key) DO NOTHING
                """)
                .param("ws", workspaceId).param("key", key)
                .param("contact", contact.contactId()).param("name", contact.name())
                .update();
        return Resolution.of(links(workspaceId, List.of(key)).get(key));
    }

    /**
     * A customer the platform had created in Xero (F31) is its party's contact from now on, replacing an older link: the
     * platform said which contact is the party's, so its next document uses it with no look-up.
     */
    @EventListener
    void customerCreated(CustomerCreated created) {
        String key = ContactMatcher.partyKey(new Party(created.platformId(), created.name(), null, null, null, null, null));
        jdbc.sql("""
                INSERT INTO contact_links (workspace_id, party_key, contact_id, contact_name)
                VALUES (:ws, :key, :contact, :name)
                ON CONFLICT (workspace_id, party_key) DO UPDATE
                   SET contact_id = EXCLUDED.contact_id, contact_name = EXCLUDED.contact_name, linked_at = now()
                """)
                .param("ws", created.workspaceId()).param("key", key)
                .param("contact", created.contactId()).param("name", created.name())
                .update();
    }

    /** The parties this pass may create: those no other pass has reserved (or whose reservation ran out). */
    private List<String> reserve(String workspaceId, Collection<String> keys) {
        return jdbc.sql("""
                INSERT INTO contact_creations (workspace_id, party_key, claimed_until)
                SELECT :ws, key, now() + CAST(:lease AS interval) FROM unnest(CAST(:keys AS text[])) AS key
                ON CONFLICT (workspace_id, party_key) DO UPDATE SET claimed_until = EXCLUDED.claimed_until
                 WHERE contact_creations.claimed_until < now()
                RETURNING party_key
                """)
                .param("ws", workspaceId).param("lease", reservation.toSeconds() + " seconds")
                .param("keys", keys.toArray(String[]::new))
                .query(String.class)
                .list();
    }

    private void unreserve(String workspaceId, Collection<String> keys) {
        jdbc.sql("DELETE FROM contact_creations WHERE workspace_id = :ws AND party_key IN (:keys)")
                .param("ws", workspaceId).param("keys", keys)
                .update();
    }

    /** One {@code PUT /Contacts?summarizeErrors=false} for every party nothing matched; each answer to its party. */
    private Map<String, Resolution> create(XeroConnection connection, Map<String, Party> missing, WorkspaceSettings settings) {
        List<XeroContact> contacts = missing.values().stream()
                .map(party -> new XeroContact(null, party.workspaceId(), party.name(), party.email(), party.taxNumber(),
                        null, phones(party, settings.contactPhoneField()), addresses(party, settings.contactAddressField()),
                        null, null))
                .toList();
        String body = xeroJson.write(Map.of("Contacts", contacts));
        XeroResponse response;
        try {
            response = xero.call(connection, XeroRequest.write(connection.workspaceId(), "PUT", "/Contacts",
                    "summarizeErrors=false", body, "lb-contacts-" + UUID.randomUUID()), Priority.PUSH);
        } catch (ThrottledException notSent) {
            unreserve(connection.workspaceId(), missing.keySet());
            throw notSent;
        }
        if (!response.ok()) {
            if (!response.failure().outcomeUnknown()) {
                unreserve(connection.workspaceId(), missing.keySet());
            }
            // otherwise Xero may have created them: the reservations run out, and the directory shows what exists
            throw new XeroAnswerException(response);
        }
        List<XeroContact> answers = xeroJson.list(response.body(), "Contacts", XeroContact.class);
        Map<String, Resolution> resolved = new HashMap<>();
        List<XeroContact> created = new ArrayList<>();
        List<XeroContact> sent = new ArrayList<>(contacts);
        boolean[] used = new boolean[answers.size()];
        int i = 0;
        for (Map.Entry<String, Party> party : missing.entrySet()) {
            XeroContact answer = answerFor(sent.get(i), i, answers, used);
            i++;
            if (answer == null || answer.contactId() == null || "ERROR".equals(answer.statusAttributeString())) {
                String why = answer == null ? "Xero's answer did not name it"
                        : answer.validationErrors() == null ? "no reason given"
                        : String.join(" ", answer.validationErrors().stream().map(XeroMessage::message).toList());
                resolved.put(party.getKey(), Resolution.problem("Xero refused to create the contact '"
                        + party.getValue().name() + "': " + why,
                        FixHints.CORRECT_THE_PARTY));
                continue;
            }
            created.add(answer);
            resolved.put(party.getKey(), link(connection.workspaceId(), party.getKey(), answer));
        }
        unreserve(connection.workspaceId(), missing.keySet());
        directory.add(connection.workspaceId(), created);
        return resolved;
    }

    /**
     * Xero's answer for a contact sent: the one at its position when it bears the name sent (Xero echoes it), else
     * the first unused one that does; none when no answer does (never another party's contact).
     */
    private static XeroContact answerFor(XeroContact sent, int position, List<XeroContact> answers, boolean[] used) {
        if (position < answers.size() && !used[position] && sameName(sent, answers.get(position))) {
            used[position] = true;
            return answers.get(position);
        }
        for (int j = 0; j < answers.size(); j++) {
            if (!used[j] && sameName(sent, answers.get(j))) {
                used[j] = true;
                return answers.get(j);
            }
        }
        return null;
    }

    private static boolean sameName(XeroContact sent, XeroContact answer) {
        return sent.name() != null && answer.name() != null && sent.name().trim().equalsIgnoreCase(answer.name().trim());
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
