package io.ledgerbridge.delivery;

import io.ledgerbridge.api.ConflictException;
import io.ledgerbridge.api.NotFoundException;
import io.ledgerbridge.workspace.WorkspaceRepository;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's platform payouts (F24) and what became of each: applied as one batch payment, waiting, or failed. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/payouts")
class PayoutController {

    private final PayoutRepository payouts;
    private final WorkspaceRepository workspaces;

    PayoutController(PayoutRepository payouts, WorkspaceRepository workspaces) {
        this.payouts = payouts;
        this.workspaces = workspaces;
    }

    @GetMapping
    public List<PayoutView> list(@PathVariable String workspaceId, @RequestParam Optional<String> status,
                                 @RequestParam(defaultValue = "100") int limit,
                                 @RequestParam(defaultValue = "0") int offset) {
        requireWorkspace(workspaceId);
        Optional<PayoutState> state = status.map(value -> {
            try {
                return PayoutState.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown status '" + value + "'; use one of "
                        + Arrays.stream(PayoutState.values()).map(Enum::name).toList() + ".");
            }
        });
        Paging.check(limit, offset);
        return payouts.list(workspaceId, state, limit, offset);
    }

    @GetMapping("/{payoutId}")
    public PayoutView get(@PathVariable String workspaceId, @PathVariable String payoutId) {
        requireWorkspace(workspaceId);
        return payouts.find(workspaceId, payoutId).orElseThrow(() -> new NotFoundException(
                "Workspace '" + workspaceId + "' has no payout '" + payoutId + "'."));
    }

    /**
     * Puts a FAILED payout back to due once what failed it is fixed (e.g. the order it named has reached LedgerBridge):
     * 202, it is applied by itself; its batch payment is a new attempt, with a new Idempotency-Key. 404 for a payout
     * the workspace does not have, 409 for one that is not FAILED.
     */
    @PostMapping("/{payoutId}/retry")
    public ResponseEntity<PayoutView> retry(@PathVariable String workspaceId, @PathVariable String payoutId) {
        PayoutView payout = get(workspaceId, payoutId);
        if (!payouts.retry(workspaceId, payoutId)) {
            throw new ConflictException("Payout not failed", "Payout '" + payoutId + "' is " + payout.state()
                    + ": only a FAILED payout can be retried. " + (PayoutState.APPLIED.name().equals(payout.state())
                    ? "It is in Xero already; nothing to do." : "It is still on its way and goes by itself."));
        }
        return ResponseEntity.accepted().body(get(workspaceId, payoutId));
    }

    private void requireWorkspace(String workspaceId) {
        if (!workspaces.exists(workspaceId)) {
            throw NotFoundException.workspace(workspaceId);
        }
    }
}
