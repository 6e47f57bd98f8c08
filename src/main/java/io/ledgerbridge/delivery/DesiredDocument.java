package io.ledgerbridge.delivery;

import java.math.BigDecimal;

/**
 * What one workspace's Xero should hold for one platform document, at one version. The event that asked for it
 * is known by its CloudEvents source and id together.
 */
public record DesiredDocument(
        String workspaceId,
        String sourceKey,
        String orderId,
        XeroType xeroType,
        long version,
        String eventId,
        String eventSource,
        String eventType,
        String number,
        String currency,
        BigDecimal total,
        String payloadJson) {

    /** The Xero document types LedgerBridge writes. */
    public enum XeroType { ACCREC, ACCPAY, ACCRECCREDIT, ACCPAYCREDIT }
}
