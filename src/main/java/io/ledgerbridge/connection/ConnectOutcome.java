package io.ledgerbridge.connection;

import java.util.List;
import java.util.UUID;

/** Where a step of the connect flow left the person: connected, choosing, or stopped with what to do about it. */
sealed interface ConnectOutcome {

    /** {@code reconnected}: to the organisation the workspace was linked to, so what waited goes again. */
    record Connected(String workspaceId, UUID tenantId, String organisationName, boolean reconnected) implements ConnectOutcome {
    }

    /** The login reaches several organisations; {@code choiceToken} goes with the choice, never in a URL. */
    record ChooseOrganisation(String workspaceId, String choiceToken, List<XeroOrganisation> organisations)
            implements ConnectOutcome {
    }

    /**
     * Nothing was connected. {@code status} is the HTTP status of the page or problem; {@code title} and {@code
     * detail} say what happened, {@code whatToDo} what to do.
     */
    record Stopped(int status, String title, String detail, String whatToDo) implements ConnectOutcome {
    }
}
