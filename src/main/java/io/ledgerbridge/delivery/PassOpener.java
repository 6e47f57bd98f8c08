package io.ledgerbridge.delivery;

import io.ledgerbridge.connection.NeedsReconnectException;
import io.ledgerbridge.connection.NotConnectedException;
import io.ledgerbridge.connection.TokenService;
import io.ledgerbridge.connection.TokenUnavailableException;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.delivery.DeliveryDecisions.Timing;
import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import io.ledgerbridge.workspace.WorkspaceRepository;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.xero.PacingSettings;
import io.ledgerbridge.xero.XeroReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Opens and closes a pass. Opening parks the workspace's documents when they cannot go (sync off, manual sync, not
 * connected, needs reconnect), else claims up to a batch of due documents under a token and binds the claim to this
 * thread, so that it is renewed while the pass waits on Xero ({@link PassClaims}). Closing releases the claim.
 */
@Component
class PassOpener {

    /** Xero advises about 50 elements per request (FACTS.md §3): the most ledgerbridge.delivery.batch-size may be. */
    static final int MAX_BATCH = 50;

    private final DeliveryRepository documents;
    private final WorkspaceRepository workspaces;
    private final TokenService tokens;
    private final PassClaims claims;
    private final PassRecorder recorder;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;
    private final Duration pacingWindow;

    PassOpener(DeliveryRepository documents, WorkspaceRepository workspaces, TokenService tokens, PassClaims claims,
               PassRecorder recorder, Clock clock, DeliverySettings settings, PacingSettings pacing) {
        this.documents = documents;
        this.workspaces = workspaces;
        this.tokens = tokens;
        this.claims = claims;
        this.recorder = recorder;
        this.clock = clock;
        this.batchSize = settings.batchSize();
        this.lease = settings.claimLeaseSeconds();
        this.pacingWindow = pacing.window();
    }

    /** A claimed pass, or one that claimed nothing (with the rows of the documents it parked). */
    Pass open(String workspaceId) {
        WorkspaceSettings settings = workspaces.settings(workspaceId).orElseThrow();
        if (!settings.modules().invoicePush()) {
            return Pass.nothingClaimed(recorder.park(workspaceId, WaitingReason.SYNC_OFF, DeliveryMessages.SYNC_OFF));
        }
        List<Outbox.Row> parked = List.of();
        if (!settings.automaticSync()) {
            // what arrived since the last started push waits for the next; what that push released goes on
            parked = recorder.park(workspaceId, WaitingReason.MANUAL_SYNC, DeliveryMessages.MANUAL_SYNC, false);
            if (!documents.hasManualRelease(workspaceId)) {
                return Pass.nothingClaimed(parked);
            }
        }
        XeroConnection connection = null;
        XeroReply unavailable = null;
        try {
            connection = tokens.connection(workspaceId);
        } catch (NotConnectedException e) {
            return Pass.nothingClaimed(recorder.park(workspaceId, WaitingReason.NOT_CONNECTED, e.getMessage()));
        } catch (NeedsReconnectException e) {
            return Pass.nothingClaimed(recorder.park(workspaceId, WaitingReason.NEEDS_RECONNECT, e.getMessage()));
        } catch (TokenUnavailableException e) {
            unavailable = new XeroReply.Unavailable(e.getMessage());
        }
        Claim claim = documents.claim(workspaceId, batchSize, lease, clock.instant());
        if (claim.isEmpty()) {
            return Pass.nothingClaimed(parked);
        }
        claims.bind(claim);
        Pass pass = new Pass(claim, connection, settings, new Timing(clock.instant(), pacingWindow), unavailable, recorder);
        pass.published(parked);
        return pass;
    }

    /**
     * A fault of ours: what the pass still holds goes back with backoff instead of waiting out the lease; the fault is
     * logged by the route's error handler.
     */
    void giveBack(Pass pass, RuntimeException fault) {
        Claim claim = pass.claim;
        Instant next = pass.timing.backoff(claim.documents().stream().mapToInt(DueDocument::failures).max().orElse(0));
        try {
            pass.apply(claim.documents().stream().filter(due -> claim.holds(due.documentId()))
                    .map(due -> Outcome.of(due, new Transition.RetryLater(next,
                            "Sync unsuccessful (LedgerBridge fault): " + fault))).toList());
        } catch (RuntimeException alsoFailed) {
            fault.addSuppressed(alsoFailed);
        }
    }

    /** The claim's documents are free again (those not settled are due when their time comes). */
    void close(Pass pass) {
        claims.unbind();
        documents.release(pass.claim);
    }
}
