package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SQL of the documents table names states as literals ({@code state = 'PENDING'}); each one must be a
 * {@link DocumentState} (each payment state a {@link PaymentState}, each allocation state an
 * {@link AllocationState}), so that a renamed or mistyped state fails here rather than silently matching no row. The
 * payouts table's state is a {@link PayoutState}: in the payout sources ({@code Payout*.java}) a {@code state} literal
 * must be one of those.
 */
class StateNamesInSqlTest {

    private static final Path FEATURE = Path.of("src/main/java/io/ledgerbridge/delivery");
    /** {@code state = 'X'}, {@code state <> 'X'}, {@code state IN ('X', 'Y')}, {@code state = CASE … THEN 'X' ELSE 'Y' END}. */
    private static final Pattern COMPARED = Pattern.compile("(?<![a-z_.])(state|payment_state|allocation_state)\\s*(?:=|<>|!=)\\s*'([A-Z_]+)'");
    private static final Pattern LISTED = Pattern.compile("(?<![a-z_.])(state|payment_state|allocation_state)\\s+(?:NOT\\s+)?IN\\s*\\(([^)]*)\\)");
    private static final Pattern CASE = Pattern.compile("(?<![a-z_.])(state|payment_state|allocation_state)\\s*=\\s*CASE(.*?)END", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("'([A-Z_]+)'");

    @Test
    void everyStateTheSqlNamesIsOneOfTheEnums() throws IOException {
        Set<String> documentStates = names(DocumentState.values());
        Set<String> paymentStates = names(PaymentState.values());
        Set<String> allocationStates = names(AllocationState.values());
        Set<String> payoutStates = names(PayoutState.values());
        Set<String> unknown = new TreeSet<>();
        int seen = 0;
        try (Stream<Path> sources = Files.list(FEATURE)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                for (Pattern pattern : new Pattern[] {COMPARED, LISTED, CASE}) {
                    Matcher sql = pattern.matcher(text);
                    while (sql.find()) {
                        boolean payouts = source.getFileName().toString().startsWith("Payout");
                        Set<String> allowed = sql.group(1).equals("state") ? (payouts ? payoutStates : documentStates)
                                : sql.group(1).equals("payment_state") ? paymentStates : allocationStates;
                        Matcher literal = LITERAL.matcher(pattern == COMPARED ? "'" + sql.group(2) + "'" : sql.group(2));
                        while (literal.find()) {
                            seen++;
                            if (!allowed.contains(literal.group(1))) {
                                unknown.add(source.getFileName() + ": " + sql.group(1) + " '" + literal.group(1) + "'");
                            }
                        }
                    }
                }
            }
        }
        assertThat(seen).as("state literals found in the SQL").isGreaterThan(10);
        assertThat(unknown).as("states the SQL names that are not in the enums").isEmpty();
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }
}
