package io.ledgerbridge.delivery;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * One pass of a workspace's delivery lane: an orchestrator over pure decisions ({@link DeliveryDecisions}). It claims
 * up to a batch of due documents under a token, then each step gathers what Xero says, decides each document's
 * {@link Transition}, and records the step's transitions in one short transaction, fenced by the claim's token
 * ({@link PassRecorder}). Xero is never called inside a transaction, and a document is never sent while the outcome
 * of an earlier write of it is unknown.
 * <p>
 * claim → hold credit notes whose allocation is to be removed first → code → resolve contacts → look up → quota → cancels → send → pay → record (each step records its own).
 */
@Component("deliveryLane")
class DeliveryLane {

    private final PassOpener passes;
    private final AllocationHold allocationHold;
    private final LaneDispatcher dispatcher;
    private final CodingStep code;
    private final ContactStep contacts;
    private final LookupStep lookUps;
    private final QuotaStep quota;
    private final CancelStep cancels;
    private final WriteStep send;
    private final PaymentStep pay;

    DeliveryLane(PassOpener passes, AllocationHold allocationHold, LaneDispatcher dispatcher, CodingStep code,
                 ContactStep contacts, LookupStep lookUps,
                 QuotaStep quota, CancelStep cancels, WriteStep send, PaymentStep pay) {
        this.passes = passes;
        this.allocationHold = allocationHold;
        this.dispatcher = dispatcher;
        this.code = code;
        this.contacts = contacts;
        this.lookUps = lookUps;
        this.quota = quota;
        this.cancels = cancels;
        this.send = send;
        this.pay = pay;
    }

    /**
     * One pass; the lane is free for the next pass when it returns, whatever happened.
     *
     * @return the outbox rows the pass wrote (its state changes and dead letters), held for the route to publish now
     */
    public List<Outbox.Row> run(String workspaceId) {
        try {
            Pass pass = passes.open(workspaceId);
            if (pass.claimed()) {
                deliver(pass);
            }
            return pass.published();
        } finally {
            dispatcher.release(workspaceId);
        }
    }

    private void deliver(Pass pass) {
        try {
            if (pass.unavailable != null) {
                pass.stop(pass.unavailable, DeliveryMessages.TEMPORARY);
            }
            allocationHold.run(pass);
            code.run(pass);
            contacts.run(pass);
            lookUps.run(pass);
            quota.run(pass);
            cancels.run(pass);
            send.run(pass);
            pay.run(pass);
        } catch (RuntimeException fault) {
            passes.giveBack(pass, fault);
            throw fault;
        } finally {
            passes.close(pass);
        }
    }
}
