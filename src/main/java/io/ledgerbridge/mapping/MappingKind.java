package io.ledgerbridge.mapping;

import java.util.Arrays;

/** The four kinds of mapping of the API path {@code /mappings/{kind}/{key}}. */
enum MappingKind {
    ITEMS("items"),
    SUPPLIERS("suppliers"),
    TAX_RATES("tax-rates"),
    TRACKING("tracking");

    private final String path;

    MappingKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static MappingKind fromPath(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown mapping kind '" + path
                        + "'; use items, suppliers, tax-rates or tracking."));
    }
}
