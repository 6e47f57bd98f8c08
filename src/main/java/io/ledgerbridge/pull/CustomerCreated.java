package io.ledgerbridge.pull;

import java.util.UUID;

/**
 * A customer the platform asked for was created in Xero (F31): {@code platformId} is the party's id on the platform
 * (its workspace id, kept as the contact's ContactNumber), {@code contactId} the contact Xero created. The feature that
 * links parties to contacts links them, so the party's next document uses that contact with no look-up.
 */
public record CustomerCreated(String workspaceId, String platformId, UUID contactId, String name) {
}
