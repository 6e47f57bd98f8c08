package io.ledgerbridge.pull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Xero's webhooks ({@code ledgerbridge.webhooks.*}; the default in config/application.yaml).
 *
 * @param key the webhook signing key of the app in Xero's developer portal; empty: every delivery is refused (401),
 *            and the polls alone bring Xero's changes back
 */
@Validated
@ConfigurationProperties("ledgerbridge.webhooks")
public record WebhookSettings(String key) {

    /** Without the key, so that a log line never shows it. */
    @Override
    public String toString() {
        return "WebhookSettings[key=" + (key == null || key.isEmpty() ? "(none)" : "(set)") + "]";
    }
}
