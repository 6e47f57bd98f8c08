package io.ledgerbridge.delivery;

/**
 * A platform payout as intake records it (F24): the supplier workspace, the platform's payout id (unique per
 * workspace), the event that brought it and the event's data as JSON.
 */
public record DesiredPayout(String workspaceId, String payoutId, String eventId, String payloadJson) {
}
