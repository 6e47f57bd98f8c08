package io.ledgerbridge.xero;

import java.time.Instant;

/**
 * One call to Xero's Accounting API for one workspace's organisation.
 *
 * @param path            below the API base, e.g. {@code /Invoices}
 * @param query           the query string without {@code ?}, or null
 * @param body            JSON, or null for a GET
 * @param idempotencyKey  for PUT and POST (max 128 characters), or null
 * @param ifModifiedSince for GETs that support it, or null
 */
public record XeroRequest(String workspaceId, String method, String path, String query, String body,
                          String idempotencyKey, Instant ifModifiedSince) {

    public static XeroRequest get(String workspaceId, String path, String query) {
        return new XeroRequest(workspaceId, "GET", path, query, null, null, null);
    }

    public static XeroRequest write(String workspaceId, String method, String path, String query, String body,
                                    String idempotencyKey) {
        if (idempotencyKey != null && idempotencyKey.length() > 128) {
            throw new IllegalArgumentException("Xero takes Idempotency-Key values of at most 128 characters");
        }
        return new XeroRequest(workspaceId, method, path, query, body, idempotencyKey, null);
    }

    public XeroRequest ifModifiedSince(Instant since) {
        return new XeroRequest(workspaceId, method, path, query, body, idempotencyKey, since);
    }
}
