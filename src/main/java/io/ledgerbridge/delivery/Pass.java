package io.ledgerbridge.delivery;

import io.ledgerbridge.coding.Organisation;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.delivery.DeliveryDecisions.Timing;
import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.xero.XeroReply;
import java.util.ArrayList;
import java.util.List;

/**
 * What one pass of a workspace's lane works with: its claim, the workspace's connection and settings, the documents
 * still on their way ({@link #items}), those whose payment is due, and the outbox rows it wrote. Each step takes the
 * documents it settles out of {@link #items} and records their outcomes with {@link #apply}; a step that cannot go on
 * {@linkplain #stop stops} the pass, and every later step then does nothing.
 */
final class Pass {

    final Claim claim;
    final XeroConnection connection;
    final WorkspaceSettings settings;
    final Timing timing;
    /** Read once per pass, when a document needs coding. */
    Organisation organisation;
    final List<PassItem> items;
    /** Documents Xero holds whose payment is due, for the payment step. */
    final List<PassItem> payable = new ArrayList<>();
    private final List<Outbox.Row> published = new ArrayList<>();
    private final PassRecorder recorder;
    /** Why the pass cannot call Xero at all (set when the token could not be had); null when it can. */
    final XeroReply unavailable;
    boolean stopped;
    boolean reconnecting;

    /** A pass with documents: they start unread. */
    Pass(Claim claim, XeroConnection connection, WorkspaceSettings settings, Timing timing, XeroReply unavailable,
         PassRecorder recorder) {
        this.claim = claim;
        this.connection = connection;
        this.settings = settings;
        this.timing = timing;
        this.unavailable = unavailable;
        this.recorder = recorder;
        this.items = new ArrayList<>(claim.documents().stream().map(due -> new PassItem(due, null)).toList());
    }

    /** A pass that ends before it claims anything (the workspace's documents wait, or none is due). */
    private Pass(List<Outbox.Row> published) {
        this.claim = null;
        this.connection = null;
        this.settings = null;
        this.timing = null;
        this.unavailable = null;
        this.recorder = null;
        this.items = new ArrayList<>();
        this.published.addAll(published);
        this.stopped = true;
    }

    static Pass nothingClaimed(List<Outbox.Row> published) {
        return new Pass(published);
    }

    boolean claimed() {
        return claim != null;
    }

    String workspaceId() {
        return claim.workspaceId();
    }

    /** The outbox rows this pass wrote, held by it for the route to publish now. */
    List<Outbox.Row> published() {
        return published;
    }

    void published(List<Outbox.Row> rows) {
        published.addAll(rows);
    }

    /** Writes a step's outcomes in one short transaction; a reconnect among them stops the pass. */
    void apply(List<Outcome> outcomes) {
        recorder.apply(this, outcomes);
    }

    /** The documents still on their way get what a failed step means for them, and the pass ends. */
    void stop(XeroReply reply, String why) {
        apply(items.stream().map(item -> Outcome.of(item.due, DeliveryDecisions.notNow(item.due, reply, timing, why)))
                .toList());
        items.clear();
        stopped = true;
    }

    /** The status Xero's answer came with, for the attempt's record; null when there was no answer. */
    static Integer status(XeroReply reply) {
        if (reply instanceof XeroReply.Ok ok) {
            return ok.response().status();
        }
        if (reply instanceof XeroReply.Refused refused) {
            return refused.failure().status();
        }
        return null;
    }
}
