package db.migration;

import io.ledgerbridge.delivery.ContactMatcher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Contact links of parties known by name only were kept under a key that dropped every character outside
 * [a-z0-9]: "Café 東京" and "Café 大阪" shared the key {@code name:cafe}, and with it one contact, and a name with no
 * Latin letters had the key {@code name:null}. Parties are now keyed by {@link ContactMatcher#nameKey} (letters of
 * every script kept). The party's own name was never stored, so each link is keyed again by the name of the contact
 * it points to: the party whose name is that contact's name keeps the link, any other party is matched again on its
 * next pass (and, when no contact has its name, gets one of its own). Two links that would share a key with
 * different contacts are both dropped, so neither is guessed. Written in Java, as it needs the service's own
 * normalisation; it runs once per database and touches every workspace's links, which is its purpose.
 */
public class V9__party_names_in_every_script extends BaseJavaMigration {

    private record Link(String workspaceId, String key, UUID contactId, String contactName) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Link> links = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT workspace_id, party_key, contact_id, contact_name FROM contact_links WHERE party_key LIKE 'name:%'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                links.add(new Link(rows.getString(1), rows.getString(2), rows.getObject(3, UUID.class), rows.getString(4)));
            }
        }
        Map<String, Set<UUID>> contactsByNewKey = new HashMap<>();
        Map<String, Link> linkByNewKey = new HashMap<>();
        for (Link link : links) {
            String newKey = link.workspaceId() + "\u0000" + ContactMatcher.nameKey(link.contactName());
            contactsByNewKey.computeIfAbsent(newKey, key -> new HashSet<>()).add(link.contactId());
            linkByNewKey.put(newKey, link);
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM contact_links WHERE workspace_id = ? AND party_key = ?")) {
            for (Link link : links) {
                delete.setString(1, link.workspaceId());
                delete.setString(2, link.key());
                delete.addBatch();
            }
            delete.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO contact_links (workspace_id, party_key, contact_id, contact_name) VALUES (?, ?, ?, ?)
                ON CONFLICT (workspace_id, party_key) DO NOTHING
                """)) {
            for (Map.Entry<String, Link> entry : linkByNewKey.entrySet()) {
                if (contactsByNewKey.get(entry.getKey()).size() != 1) {
                    continue;
                }
                Link link = entry.getValue();
                insert.setString(1, link.workspaceId());
                insert.setString(2, ContactMatcher.nameKey(link.contactName()));
                insert.setObject(3, link.contactId());
                insert.setString(4, link.contactName());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
