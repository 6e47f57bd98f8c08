package io.ledgerbridge.intake;

import io.ledgerbridge.support.PermanentFailureException;
import java.util.Set;

/** The event names no workspace LedgerBridge knows, so there is nowhere to record it. */
public class UnknownWorkspaceException extends PermanentFailureException {

    public UnknownWorkspaceException(String eventId, String orderId, Set<String> named) {
        super(named.isEmpty()
                ? "Event " + eventId + " (order " + orderId + ") names no workspace: set data.supplier.workspaceId"
                        + " or data.buyer.workspaceId."
                : "Event " + eventId + " (order " + orderId + ") names " + String.join(" and ", quoted(named))
                        + ", and LedgerBridge knows no workspace of that name. Create it with PUT /api/v1/workspaces/{id}"
                        + " and re-send the event.");
    }

    private static Iterable<String> quoted(Set<String> names) {
        return names.stream().map(name -> "workspace '" + name + "'").toList();
    }
}
