package io.ledgerbridge.xero;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * How long {@link PacedXero} waits for a permit before it throws {@link ThrottledException} and the lane hands the
 * work back for later. The key is a delivery setting ({@code ledgerbridge.delivery.longest-permit-wait-ms}, the
 * default in config/application.yaml), read here because the waiting is done here: xero does not depend on delivery.
 * A bad value stops the start and names its key.
 *
 * @param longestPermitWaitMs the longest wait; 0 never waits
 */
@Validated
@ConfigurationProperties("ledgerbridge.delivery")
public record PermitWaitSettings(
        @NotNull @DurationMin(millis = 0) @DurationUnit(ChronoUnit.MILLIS) Duration longestPermitWaitMs) {
}
