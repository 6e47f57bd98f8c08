package io.ledgerbridge.sandbox.accounting;

import java.util.List;
import java.util.UUID;

/** A tracking category with its options (FACTS §10). */
record TrackingCategory(UUID id, String name, String status, List<Option> options) {

    record Option(UUID id, String name, String status) {
        boolean isActive() {
            return "ACTIVE".equals(status);
        }
    }

    boolean isActive() {
        return "ACTIVE".equals(status);
    }

    Option option(String optionName) {
        return options.stream().filter(o -> o.isActive() && o.name().equalsIgnoreCase(optionName.trim()))
                .findFirst().orElse(null);
    }

    Option option(UUID optionId) {
        return options.stream().filter(o -> o.isActive() && o.id().equals(optionId)).findFirst().orElse(null);
    }
}
