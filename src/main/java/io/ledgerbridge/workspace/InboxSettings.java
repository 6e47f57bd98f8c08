package io.ledgerbridge.workspace;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The shared inbox suppliers email invoices to ({@code ledgerbridge.mail.inbox-address}; the default in
 * config/application.yaml). A bad value stops the start and names its key.
 *
 * @param inboxAddress the inbox; each workspace gets a plus address on it ({@link InboundAddresses})
 */
@Validated
@ConfigurationProperties("ledgerbridge.mail")
public record InboxSettings(@NotBlank @Email String inboxAddress) {
}
