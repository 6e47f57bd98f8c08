package io.ledgerbridge.deadletter;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Dead letters ({@code ledgerbridge.dead-letters.*}; the default, and why, in config/application.yaml). A bad value
 * stops the start and names its key.
 *
 * @param maxMessageBytes a dead letter larger than this (bytes, as published) goes out without the original message
 */
@Validated
@ConfigurationProperties("ledgerbridge.dead-letters")
public record DeadLetterSettings(@Positive int maxMessageBytes) {
}
