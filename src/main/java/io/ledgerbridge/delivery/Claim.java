package io.ledgerbridge.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents one pass holds: claimed with a token of its own for {@code lease}. Every outcome the pass writes is
 * fenced by the token, so once the claim has run out and another pass has taken a document, nothing this pass
 * writes about it lands. The pass renews the claim while it talks to Xero ({@link PassClaims}).
 */
final class Claim {

    private final UUID token;
    private final String workspaceId;
    private final Duration lease;
    private final List<DueDocument> documents;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private volatile Instant renewedAt;

    Claim(UUID token, String workspaceId, Duration lease, List<DueDocument> documents, Instant claimedAt) {
        this.token = token;
        this.workspaceId = workspaceId;
        this.lease = lease;
        this.documents = List.copyOf(documents);
        documents.forEach(document -> held.add(document.documentId()));
        this.renewedAt = claimedAt;
    }

    UUID token() {
        return token;
    }

    String workspaceId() {
        return workspaceId;
    }

    Duration lease() {
        return lease;
    }

    List<DueDocument> documents() {
        return documents;
    }

    boolean isEmpty() {
        return documents.isEmpty();
    }

    /** Whether the pass still holds the document (it has not settled it, and the claim was not lost). */
    boolean holds(UUID documentId) {
        return held.contains(documentId);
    }

    Set<UUID> held() {
        return Set.copyOf(held);
    }

    /** The pass wrote an outcome that ends its hold on the document. */
    void settled(UUID documentId) {
        held.remove(documentId);
    }

    /** A renewal kept only {@code stillHeld}; the rest another pass may have taken. */
    void renewed(Set<UUID> stillHeld, Instant at) {
        held.retainAll(stillHeld);
        renewedAt = at;
    }

    /** A renewal is due once a quarter of the lease has gone: well before another pass could take the documents. */
    boolean renewalDue(Instant now) {
        return !held.isEmpty() && Duration.between(renewedAt, now).compareTo(lease.dividedBy(4)) >= 0;
    }
}
