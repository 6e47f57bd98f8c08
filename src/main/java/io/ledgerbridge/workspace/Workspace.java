package io.ledgerbridge.workspace;

import java.time.OffsetDateTime;
import java.util.Set;

/** A customer of the ordering platform: a supplier, a venue, or both. */
public record Workspace(
        String workspaceId,
        String name,
        Set<Role> roles,
        Plan plan,
        String financeEmail,
        String inboundAddress,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** Supplier: sales invoices (ACCREC) in its Xero. Venue: bills (ACCPAY). */
    public enum Role { SUPPLIER, VENUE }

    /** FREE syncs 30 invoices a month; PRO is unlimited. */
    public enum Plan { FREE, PRO }
}
