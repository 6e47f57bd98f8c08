package io.ledgerbridge.intake;

import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.support.PermanentFailureException;
import java.util.Set;

/** The event names no workspace LedgerBridge knows, so there is nowhere to record it. */
public class UnknownWorkspaceException extends PermanentFailureException {

    public UnknownWorkspaceException(String eventId, String orderId, Set<String> named) {
        super(named.isEmpty()
                ? "Event " + eventId + " (order " + orderId + ") names no workspace: " + FixHints.NAME_A_WORKSPACE
                : "Event " + eventId + " (order " + orderId + ") names " + String.join(" and ", quoted(named))
                        + ", and LedgerBridge knows no workspace of that name. " + FixHints.CREATE_THE_WORKSPACE_AND_RESEND);
    }

    private static Iterable<String> quoted(Set<String> names) {
        return names.stream().map(name -> "workspace '" + name + "'").toList();
    }
}
