package io.ledgerbridge.delivery;

import io.ledgerbridge.connection.TokenService;
import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what a pass decided: each step's outcomes in one short transaction, fenced by the pass's claim, with their
 * state changes in the outbox ({@link DeliveryRepository#apply}); and parks a workspace's documents when they cannot
 * go. Never calls Xero.
 */
@Component
class PassRecorder {

    private static final Logger log = LoggerFactory.getLogger(PassRecorder.class);

    private final DeliveryRepository documents;
    private final StatusEvents events;
    private final TokenService tokens;
    private final TransactionTemplate transaction;

    PassRecorder(DeliveryRepository documents, StatusEvents events, TokenService tokens, TransactionTemplate transaction) {
        this.documents = documents;
        this.events = events;
        this.tokens = tokens;
        this.transaction = transaction;
    }

    /** Writes the step's outcomes in one short transaction; a reconnect among them stops the pass. */
    void apply(Pass pass, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        DeliveryRepository.Applied applied = transaction.execute(status -> documents.apply(pass.claim, outcomes, events));
        List<Outcome> landed = applied.landed();
        pass.published(applied.rows());
        if (landed.size() < outcomes.size()) {
            log.warn("Workspace {}: {} outcome(s) not written: another pass holds those documents now",
                    pass.workspaceId(), outcomes.size() - landed.size());
        }
        if (pass.reconnecting) {
            return;
        }
        outcomes.stream().map(Outcome::transition)
                .filter(transition -> transition instanceof Transition.Waiting waiting
                        && waiting.reason() == WaitingReason.NEEDS_RECONNECT)
                .findFirst()
                .ifPresent(transition -> {
                    // the grant is gone: the workspace's other due documents wait with these
                    pass.reconnecting = true;
                    pass.stopped = true;
                    Transition.Waiting waiting = (Transition.Waiting) transition;
                    tokens.needsReconnect(pass.workspaceId(), waiting.message());
                    pass.published(park(pass.workspaceId(), WaitingReason.NEEDS_RECONNECT, waiting.message()));
                });
    }

    /**
     * Every due document of the workspace waits for {@code reason}, each state change told; in one transaction.
     *
     * @return the outbox rows written, for the route to publish
     */
    List<Outbox.Row> park(String workspaceId, WaitingReason reason, String error) {
        return park(workspaceId, reason, error, true);
    }

    /** The same, sparing what a started invoice push released unless {@code releasedToo}. */
    List<Outbox.Row> park(String workspaceId, WaitingReason reason, String error, boolean releasedToo) {
        List<DeliveryRepository.ParkedDocument> parked = new ArrayList<>();
        List<Outbox.Row> rows = transaction.execute(status -> {
            parked.addAll(documents.park(workspaceId, reason, error, releasedToo));
            return events.parked(workspaceId, parked, reason, error);
        });
        if (!parked.isEmpty()) {
            log.warn("Workspace {}: {} document(s) wait ({}): {}", workspaceId, parked.size(), reason, error);
        }
        return rows == null ? List.of() : rows;
    }
}
