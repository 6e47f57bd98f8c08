package io.ledgerbridge.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.deadletter.DeadLetterRecorder;
import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import io.ledgerbridge.delivery.Transition.PaymentNeed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a pass's outcomes tell the platform: one xero.sync.status record per state change, and for a document that
 * failed for good its dead letter (a dead_letters row and a xero.sync.dlq message). Written to the outbox in the
 * transaction that records the outcomes, so none is lost to an exception after the commit; the rows come back to the
 * pass, which hands them to the sync-status route to publish at once.
 */
@Component
class StatusEvents {

    private final Outbox outbox;
    private final DeadLetterRecorder deadLetters;
    private final ObjectMapper json;
    private final Clock clock;

    StatusEvents(Outbox outbox, DeadLetterRecorder deadLetters, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.json = json;
        this.clock = clock;
    }

    /** The state change an outcome makes, or null when it makes none the platform hears of (a retry, a look-up). */
    SyncStatusEvent of(DueDocument due, Transition transition) {
        if (transition instanceof Transition.Delivered delivered) {
            if (delivered.glAccountRequired()) {
                return event(due, "WAITING", WaitingReason.GL_ACCOUNT_REQUIRED.name(), delivered.xeroId(),
                        delivered.xeroStatus(), DeliveryMessages.glAccountRequired(delivered.linesWithoutAccount()),
                        DeliveryMessages.GL_ACCOUNT_REQUIRED_FIX);
            }
            if (delivered.payment() == PaymentNeed.AWAITS_APPROVAL) {
                return event(due, "WAITING", WaitingReason.PAYMENT_AWAITS_APPROVAL.name(), delivered.xeroId(),
                        delivered.xeroStatus(), DeliveryMessages.paymentAwaitsApproval(delivered.xeroStatus()),
                        DeliveryMessages.fix(WaitingReason.PAYMENT_AWAITS_APPROVAL));
            }
            return event(due, "SYNCED", null, delivered.xeroId(), delivered.xeroStatus(), null, null);
        }
        if (transition instanceof Transition.Voided voided) {
            return event(due, "VOIDED", null, voided.xeroId() != null ? voided.xeroId() : due.xeroId(), voided.xeroStatus(),
                    null, null);
        }
        if (transition instanceof Transition.Failed failed) {
            return event(due, "FAILED", null, due.xeroId(), due.xeroStatus(), failed.reason(), failed.fixHint());
        }
        if (transition instanceof Transition.PaymentRefused refused) {
            return event(due, "FAILED", null, due.xeroId(), due.xeroStatus(), refused.reason(), refused.fixHint());
        }
        if (transition instanceof Transition.Locked locked) {
            return event(due, "LOCKED", null, due.xeroId(), locked.xeroStatus(), locked.reason(),
                    DeliveryMessages.CHANGE_IT_IN_XERO_FIX);
        }
        if (transition instanceof Transition.OverQuota over) {
            return event(due, "WAITING", "OVER_QUOTA", due.xeroId(), due.xeroStatus(), over.reason(), over.fixHint());
        }
        if (transition instanceof Transition.Waiting waiting) {
            return event(due, "WAITING", waiting.reason().name(), due.xeroId(), due.xeroStatus(), waiting.message(),
                    waiting.fixHint());
        }
        if (transition instanceof Transition.Paid paid) {
            return event(due, "PAID", null, due.xeroId(), paid.xeroStatus(), null, null);
        }
        return null;
    }

    /** How long the writer of outbox rows holds them before the sweep may publish them instead. */
    static final int HOLD_SECONDS = 30;

    /**
     * Within the caller's transaction: the outcomes' state changes and dead letters, into the outbox.
     *
     * @return the rows written, held for the caller to publish once it has committed
     */
    List<Outbox.Row> publish(List<Outcome> outcomes) {
        List<Outbox.Row> rows = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            SyncStatusEvent event = of(outcome.document(), outcome.transition());
            if (event != null) {
                rows.addAll(rows(event));
            }
        }
        return outbox.add(rows, HOLD_SECONDS);
    }

    /** State changes found in Xero (the invoice status pull), within the caller's transaction; the sweep publishes them. */
    List<Outbox.Row> told(List<SyncStatusEvent> changes) {
        List<Outbox.Row> rows = new ArrayList<>();
        changes.forEach(event -> rows.addAll(rows(event)));
        return rows.isEmpty() ? List.of() : outbox.add(rows, 0);
    }

    /**
     * A credit note Xero holds (it stays SYNCED) whose allocation Xero refused for good: its status event carries the
     * plain reason and what a person does, within the caller's transaction; the sweep publishes it.
     */
    List<Outbox.Row> allocationRefused(DueAllocation due, AllocationOutcome.Refused refused) {
        return told(List.of(new SyncStatusEvent(due.workspaceId(), due.documentId(), due.orderId(), due.xeroType(),
                due.version(), "SYNCED", null, due.creditNoteXeroId(), due.creditNoteXeroStatus(), refused.reason(),
                refused.fixHint(), clock.instant())));
    }

    /** A newer version of a credit note LOCKED because Xero refused to remove our allocation of it (see above). */
    List<Outbox.Row> removalRefused(DueRemoval due, RemovalOutcome.Refused refused) {
        return told(List.of(new SyncStatusEvent(due.workspaceId(), due.documentId(), due.orderId(), due.xeroType(),
                due.version(), "LOCKED", null, due.creditNoteXeroId(), null, refused.reason(),
                DeliveryMessages.CHANGE_IT_IN_XERO_FIX, clock.instant())));
    }

    /** A workspace's parked documents, one state change each, within the caller's transaction. */
    List<Outbox.Row> parked(String workspaceId, List<DeliveryRepository.ParkedDocument> parked, WaitingReason reason,
                            String error) {
        List<Outbox.Row> rows = new ArrayList<>();
        for (DeliveryRepository.ParkedDocument document : parked) {
            rows.addAll(rows(new SyncStatusEvent(workspaceId, document.documentId(), document.orderId(),
                    document.xeroType(), document.version(), "WAITING", reason.name(), document.xeroId(),
                    document.xeroStatus(), error, DeliveryMessages.fix(reason), clock.instant())));
        }
        return outbox.add(rows, HOLD_SECONDS);
    }

    /**
     * A payout that failed for good (F24), within the caller's transaction: its dead letter (a dead_letters row and a
     * xero.sync.dlq message); the sweep publishes it.
     */
    List<Outbox.Row> payoutFailed(String workspaceId, String payoutId, String eventId, String payloadJson, String reason,
                                  String fixHint, int attempts) {
        try {
            String letter = deadLetters.payoutFailure(workspaceId, payoutId, eventId,
                    reason + (fixHint == null ? "" : " " + fixHint), attempts, payloadJson);
            return outbox.add(List.of(new Outbox.Row(0, workspaceId, Outbox.Topic.DEAD_LETTER, workspaceId, letter)), 0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A dead letter could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private List<Outbox.Row> rows(SyncStatusEvent event) {
        try {
            String record = json.writeValueAsString(event);
            List<Outbox.Row> rows = new ArrayList<>(2);
            rows.add(new Outbox.Row(0, event.workspaceId(), Outbox.Topic.SYNC_STATUS, event.workspaceId(), record));
            if (event.failed()) {
                String reason = event.error() + (event.fixHint() == null ? "" : " " + event.fixHint());
                rows.add(new Outbox.Row(0, event.workspaceId(), Outbox.Topic.DEAD_LETTER, event.workspaceId(),
                        deadLetters.documentFailure(event.workspaceId(), event.documentId(), event.orderId(), reason, record)));
            }
            return rows;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A state change could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private SyncStatusEvent event(DueDocument due, String state, String reason, UUID xeroId, String xeroStatus,
                                  String error, String fixHint) {
        return new SyncStatusEvent(due.workspaceId(), due.documentId(), due.orderId(), due.xeroType(), due.version(),
                state, reason, xeroId, xeroStatus, error, fixHint, clock.instant());
    }
}
