package io.ledgerbridge.connection;

import java.util.UUID;

/** One organisation a login reaches, as {@code GET /connections} lists it. */
public record XeroOrganisation(UUID connectionId, UUID tenantId, String tenantName) {
}
