package io.ledgerbridge.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides which workspaces' lanes run a pass now: those with due documents and no pass already queued or running in
 * this replica; every tick, and right after a pass that left a whole batch due. Other replicas cannot take the same
 * documents (claims skip locked rows), and a slow or throttled workspace only ever holds its own lane.
 * <p>
 * A workspace is taken until its pass releases it. Should the hand-over to the lane queue fail, the route releases
 * it at once ({@link #handOverFailed}); and a workspace taken for longer than any pass can last (twice the claim
 * lease, which passes renew while they wait on Xero) is handed out again, so it can never stay busy forever.
 */
@Component("laneDispatcher")
class LaneDispatcher {

    private static final Logger log = LoggerFactory.getLogger(LaneDispatcher.class);

    private final DeliveryRepository documents;
    private final int maxLanesPerTick;
    private final int batchSize;
    private final Duration stuckAfter;
    private final Supplier<Instant> now;
    private final Map<String, Instant> active = new ConcurrentHashMap<>();

    @Autowired
    public LaneDispatcher(DeliveryRepository documents, DeliverySettings settings, Clock clock) {
        this(documents, settings.maxLanesPerTick(), settings.batchSize(), settings.claimLeaseSeconds(),
                clock::instant);
    }

    LaneDispatcher(DeliveryRepository documents, int maxLanesPerTick, int batchSize, Duration lease, Supplier<Instant> now) {
        this.documents = documents;
        this.maxLanesPerTick = maxLanesPerTick;
        this.batchSize = batchSize;
        this.stuckAfter = lease.multipliedBy(2);
        this.now = now;
    }

    /** Workspaces to start a pass for; each stays taken until {@link #release} is called for it. */
    public List<String> readyLanes() {
        return documents.workspacesWithDueDocuments(maxLanesPerTick).stream()
                .filter(this::take)
                .toList();
    }

    public void release(String workspaceId) {
        active.remove(workspaceId);
    }

    /** The pass could not be handed to its lane (the queue refused it): the workspace is free for the next tick. */
    public void handOverFailed(String workspaceId) {
        log.warn("Workspace {}: its delivery pass could not be handed to a lane; it goes at the next tick", workspaceId);
        release(workspaceId);
    }

    /**
     * After a pass: whether the same workspace goes again at once, because a whole batch is due (a backlog),
     * instead of at the next tick. Fewer wait for the tick, so documents arriving meanwhile join them and a call
     * still carries a full batch when it can. Takes the lane like {@link #readyLanes} does, so a workspace never
     * has two passes here. A throttled workspace's documents are not due, so it waits for its pacer as before.
     */
    public boolean continueLane(String workspaceId) {
        return !active.containsKey(workspaceId) && documents.hasBatchDue(workspaceId, batchSize) && take(workspaceId);
    }

    private boolean take(String workspaceId) {
        Instant at = now.get();
        boolean[] taken = {false};
        active.compute(workspaceId, (id, since) -> {
            if (since == null) {
                taken[0] = true;
                return at;
            }
            if (since.plus(stuckAfter).isBefore(at)) {
                log.warn("Workspace {} was taken for its delivery pass at {} and never released; handing it out again",
                        id, since);
                taken[0] = true;
                return at;
            }
            return since;
        });
        return taken[0];
    }
}
