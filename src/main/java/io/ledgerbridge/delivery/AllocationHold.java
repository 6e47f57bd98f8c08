package io.ledgerbridge.delivery;

import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The pass's first step, for credit notes only: one that Xero holds with LedgerBridge's allocation (or one that may
 * be there) waits ({@link WaitingReason#ALLOCATION_REMOVAL}), because Xero refuses to change an allocated credit
 * note. {@link CreditNoteAllocations} removes the allocation and releases it; it then goes like any other. One read
 * (the allocations of the pass's credit notes), a pure decision each ({@link AllocationDecisions#hold}), one write.
 */
@Component
class AllocationHold {

    private final AllocationRepository allocations;

    AllocationHold(AllocationRepository allocations) {
        this.allocations = allocations;
    }

    void run(Pass pass) {
        if (pass.stopped) {
            return;
        }
        List<PassItem> candidates = pass.items.stream()
                .filter(item -> item.due.creditNote() && item.due.xeroId() != null).toList();
        if (candidates.isEmpty()) {
            return;
        }
        Map<java.util.UUID, AllocationState> states = allocations.states(pass.workspaceId(),
                candidates.stream().map(item -> item.due.documentId()).toList());
        List<Outcome> held = new ArrayList<>();
        for (PassItem item : candidates) {
            Transition hold = AllocationDecisions.hold(item.due, states.get(item.due.documentId()));
            if (hold != null) {
                held.add(Outcome.of(item.due, hold));
                pass.items.remove(item);
            }
        }
        pass.apply(held);
    }
}
