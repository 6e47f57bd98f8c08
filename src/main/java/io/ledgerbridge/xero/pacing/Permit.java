package io.ledgerbridge.xero.pacing;

import io.ledgerbridge.xero.Priority;
import java.time.Instant;

/**
 * Leave to start one call to Xero for one tenant. Hand it back exactly once, with
 * {@link TenantPacer#completed} when Xero answered or {@link TenantPacer#failedWithoutAnswer} when it did not
 * (do it in a {@code finally}): until then it holds one of the tenant's in-flight slots.
 *
 * @param tenantId  the Xero tenant the call is for
 * @param id        unique within that tenant's pacer
 * @param priority  what the call is for
 * @param startedAt when the permit was granted, which the pacer takes as the call's start
 */
public record Permit(String tenantId, long id, Priority priority, Instant startedAt) {
}
