package io.ledgerbridge.workspace;

import java.util.List;

/** One tracking category of an organisation with its active options, as the mapping checks need it. */
public record ChartTracking(String name, boolean active, List<String> activeOptions) {
}
