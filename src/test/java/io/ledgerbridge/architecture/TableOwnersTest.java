package io.ledgerbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table: the SQL that reads or writes a table is in one feature's package only. Another feature asks
 * the owner (its public repository methods) or listens to its events. A new table gets its owner here.
 */
class TableOwnersTest {

    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("workspaces", "workspace"),
            Map.entry("workspace_settings", "workspace"),
            Map.entry("item_mappings", "mapping"),
            Map.entry("supplier_mappings", "mapping"),
            Map.entry("tax_mappings", "mapping"),
            Map.entry("tracking_mappings", "mapping"),
            Map.entry("xero_connections", "connection"),
            Map.entry("xero_connect_requests", "connection"),
            Map.entry("dead_letters", "deadletter"),
            Map.entry("documents", "delivery"),
            Map.entry("document_attempts", "delivery"),
            Map.entry("processed_events", "delivery"),
            Map.entry("outbox", "delivery"),
            Map.entry("contact_links", "delivery"),
            Map.entry("contact_creations", "delivery"),
            Map.entry("sync_runs", "sync"),
            Map.entry("invoice_status_pulls", "delivery"),
            Map.entry("credit_note_allocations", "delivery"),
            Map.entry("payouts", "delivery"),
            Map.entry("account_rechecks", "delivery"),
            Map.entry("xero_refresh_marks", "pull"),
            Map.entry("xero_tax_rates", "pull"),
            Map.entry("pull_watermarks", "pull"));

    private static final Pattern TABLE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_]{3,})\\b");
    private static final Path FEATURES = Path.of("src/main/java/io/ledgerbridge");

    @Test
    void everyTableIsReadAndWrittenByItsOwnerOnly() throws IOException {
        Map<String, Set<String>> usedBy = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(FEATURES)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String feature = FEATURES.relativize(source).getName(0).toString();
                Matcher sql = TABLE.matcher(Files.readString(source));
                while (sql.find()) {
                    if (!sql.group(1).equals("unnest")) {
                        usedBy.computeIfAbsent(sql.group(1), table -> new TreeSet<>()).add(feature);
                    }
                }
            }
        }
        assertThat(usedBy).as("tables found in the SQL").isNotEmpty();
        usedBy.forEach((table, features) -> assertThat(features)
                .as("the features whose SQL names table %s (owner: %s)", table, OWNERS.get(table))
                .containsExactly(OWNERS.getOrDefault(table, "(no owner declared in TableOwnersTest)")));
    }
}
