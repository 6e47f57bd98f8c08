package io.ledgerbridge.sync;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a sync can be asked for, as the API names it ({@code POST …/sync/{scope}}), each with the cooldown between
 * two manual triggers: a minute for the pulls of reference data, seconds for invoices.
 */
public enum SyncScope {
    CONTACTS("contacts", Duration.ofSeconds(60)),
    ITEMS("items", Duration.ofSeconds(60)),
    TAX_RATES("tax-rates", Duration.ofSeconds(60)),
    INVOICE_PUSH("invoice-push", Duration.ofSeconds(5)),
    INVOICE_PULL("invoice-pull", Duration.ofSeconds(10));

    private final String path;
    private final Duration cooldown;

    SyncScope(String path, Duration cooldown) {
        this.path = path;
        this.cooldown = cooldown;
    }

    public String path() {
        return path;
    }

    public Duration cooldown() {
        return cooldown;
    }

    static Optional<SyncScope> ofPath(String path) {
        String wanted = path == null ? "" : path.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(scope -> scope.path.equals(wanted)).findFirst();
    }
}
