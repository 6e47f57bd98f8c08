package io.ledgerbridge.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Xero remembers a key for minutes (FACTS.md §4) and refuses it for a different request. The key names the request
 * (its body) and the documents it carries at their versions and attempt counts: a resend of the very same call (a
 * crash before its answer was stored) is a replay, not a second write; after any recorded outcome of a document the
 * key is new, so an error Xero remembers against the old key (a 5xx) never blocks the next attempt. Exactly once does
 * not rest on the key, which lives minutes while backoff grows to ten: it rests on the look-up before any resend of a
 * document whose outcome is unknown.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    /** One document's write that is not a delivery of its own (a credit note's allocation), at its attempt count. */
    static String of(String kind, String workspaceId, String body, java.util.UUID documentId, int attempts) {
        return digest(kind, workspaceId, body, List.of(documentId + ":" + attempts));
    }

    static String of(String kind, String workspaceId, String body, List<DueDocument> carried) {
        return digest(kind, workspaceId, body, carried.stream()
                .map(due -> due.documentId() + ":" + due.version() + ":" + due.attempts()).toList());
    }

    private static String digest(String kind, String workspaceId, String body, List<String> carried) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((workspaceId + "|").getBytes(StandardCharsets.UTF_8));
            for (String document : carried) {
                sha.update((document + "|").getBytes(StandardCharsets.UTF_8));
            }
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            return "lb-" + kind + "-" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
