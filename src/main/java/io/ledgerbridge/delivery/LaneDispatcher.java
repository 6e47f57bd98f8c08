package io.ledgerbridge.delivery;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides which workspaces' lanes run a pass now: those with due documents and no pass already queued
 * or running in this replica; every tick, and right after a pass that left a whole batch due. Other replicas
 * cannot take the same documents (claims skip locked rows), and a slow or throttled workspace only ever holds
 * its own lane.
 */
@Component("laneDispatcher")
public class LaneDispatcher {

    private final DeliveryRepository documents;
    private final int maxLanesPerTick;
    private final int batchSize;
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    public LaneDispatcher(DeliveryRepository documents,
                          @Value("${ledgerbridge.delivery.max-lanes-per-tick:500}") int maxLanesPerTick,
                          @Value("${ledgerbridge.delivery.batch-size:50}") int batchSize) {
        this.documents = documents;
        this.maxLanesPerTick = maxLanesPerTick;
        this.batchSize = batchSize;
    }

    /** Workspaces to start a pass for; each stays taken until {@link #release} is called for it. */
    public List<String> readyLanes() {
        return documents.workspacesWithDueDocuments(maxLanesPerTick).stream()
                .filter(active::add)
                .toList();
    }

    public void release(String workspaceId) {
        active.remove(workspaceId);
    }

    /**
     * After a pass: whether the same workspace goes again at once, because a whole batch is due (a backlog),
     * instead of at the next tick. Fewer wait for the tick, so documents arriving meanwhile join them and a call
     * still carries a full batch when it can. Takes the lane like {@link #readyLanes} does, so a workspace never
     * has two passes here. A throttled workspace's documents are not due, so it waits for its pacer as before.
     */
    public boolean continueLane(String workspaceId) {
        return !active.contains(workspaceId) && documents.hasBatchDue(workspaceId, batchSize) && active.add(workspaceId);
    }
}
