package io.ledgerbridge.mapping;

/** A mapping of a workspace was created, changed or deleted (published in the transaction that saved it). */
public record MappingChanged(String workspaceId, MappingKind kind, String key) {
}
