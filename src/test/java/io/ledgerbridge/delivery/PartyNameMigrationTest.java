package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V9 keys name-only contact links again with the normalisation that keeps every script: a link that two parties
 * shared under the old key goes to the party whose name is its contact's, a collision is dropped rather than guessed.
 */
class PartyNameMigrationTest {

    @Test
    void linksAreKeyedAgainByTheNameOfTheContactTheyPointTo() {
        TestDatabase.Database db = TestDatabase.fresh("8");
        db.jdbc().sql("INSERT INTO workspaces (workspace_id, name, roles, inbound_address) VALUES ('ws-a', 'A', '{VENUE}', 'a@x')")
                .update();
        UUID tokyo = UUID.randomUUID();
        UUID harbour = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID byWorkspace = UUID.randomUUID();
        for (Object[] link : List.of(
                // "Café 大阪" got this link under the old key, as "Café 東京" did: it is Tokyo's café
                new Object[] {"name:cafe", tokyo, "Café 東京"},
                new Object[] {"name:harbour cafe", harbour, "Harbour Cafe"},
                // two old keys whose contacts now share one key, with different contacts: neither is guessed
                new Object[] {"name:o neill", first, "O'Neill"},
                new Object[] {"name:o neill s", second, "O’Neill"},
                new Object[] {"ws:ws-b", byWorkspace, "Bee"})) {
            db.jdbc().sql("INSERT INTO contact_links (workspace_id, party_key, contact_id, contact_name) VALUES ('ws-a', :k, :c, :n)")
                    .param("k", link[0]).param("c", link[1]).param("n", link[2]).update();
        }

        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load().migrate();

        Map<String, UUID> links = new java.util.HashMap<>();
        db.jdbc().sql("SELECT party_key, contact_id FROM contact_links WHERE workspace_id = 'ws-a'")
                .query((rs, n) -> links.put(rs.getString(1), rs.getObject(2, UUID.class))).list();
        assertThat(links).containsEntry("name:cafe 東京", tokyo).containsEntry("name:harbour cafe", harbour)
                .containsEntry("ws:ws-b", byWorkspace).doesNotContainKey("name:cafe");
        assertThat(links.values()).doesNotContain(first, second);
        assertThat(ContactMatcher.partyKey(new io.ledgerbridge.order.OrderDocument.Party(null, "Café 大阪", null, null,
                null, null, null))).as("Osaka's café finds no link: it is matched again, and gets a contact of its own")
                .isNotIn(links.keySet());
    }
}
