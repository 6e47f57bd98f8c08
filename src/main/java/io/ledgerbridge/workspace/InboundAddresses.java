package io.ledgerbridge.workspace;

import org.springframework.stereotype.Component;

/** The dedicated address a workspace's suppliers email invoices to: plus-addressing on the shared inbox. */
@Component
public class InboundAddresses {

    private final String inbox;

    public InboundAddresses(InboxSettings settings) {
        String inbox = settings.inboxAddress();
        if (!inbox.contains("@")) {
            throw new IllegalArgumentException("ledgerbridge.mail.inbox-address must be an email address: " + inbox);
        }
        this.inbox = inbox;
    }

    public String forWorkspace(String workspaceId) {
        int at = inbox.indexOf('@');
        return inbox.substring(0, at) + "+" + workspaceId + inbox.substring(at);
    }
}
