package io.ledgerbridge.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * How the lanes deliver ({@code ledgerbridge.delivery.*}; the defaults, and why each is what it is, are in
 * config/application.yaml). A bad value stops the start and names its key. Each component is named after its key,
 * so that a validation failure names the key as it is written; a plain number in a duration key is read in the unit
 * its name gives (a value such as {@code 2m} works too).
 * <p>
 * The dispatch period, the number of lanes and the period of credit-note allocation ({@code dispatch-period-ms},
 * {@code lanes}, {@code allocation-period-ms}) are read by routes/xero-delivery.camel.yaml only, and the longest wait for a permit ({@code longest-permit-wait-ms}) by
 * {@link io.ledgerbridge.xero.PermitWaitSettings}.
 *
 * @param documentUrl              where the platform shows a document; {@code {documentId}} is replaced by its id
 * @param batchSize                documents per call to Xero: 1 to {@value PassOpener#MAX_BATCH}, as Xero advises
 * @param claimLeaseSeconds        how long a pass holds the documents it claimed
 * @param maxLanesPerTick          workspaces the dispatcher looks at per tick
 * @param debounceMs               a burst of updates to one order within this time costs one call
 * @param organisationCacheMinutes how long an organisation's accounts, tax rates, tracking and items are kept
 */
@Validated
@ConfigurationProperties("ledgerbridge.delivery")
public record DeliverySettings(
        @NotBlank String documentUrl,
        @Min(1) @Max(PassOpener.MAX_BATCH) int batchSize,
        @NotNull @DurationMin(seconds = 1) @DurationUnit(ChronoUnit.SECONDS) Duration claimLeaseSeconds,
        @Min(1) int maxLanesPerTick,
        @NotNull @DurationMin(millis = 0) @DurationUnit(ChronoUnit.MILLIS) Duration debounceMs,
        @NotNull @DurationMin(millis = 0) @DurationUnit(ChronoUnit.MINUTES) Duration organisationCacheMinutes) {
}
