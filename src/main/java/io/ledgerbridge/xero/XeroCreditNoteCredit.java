package io.ledgerbridge.xero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A credit note as {@code GET /CreditNotes/{id}} shows where its credit went: its status, total, the credit not yet
 * used ({@code RemainingCredit}) and its {@code Allocations}. What LedgerBridge reads before it sends an allocation
 * again whose first sending got no answer, so that an allocation Xero made is found, not made twice.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record XeroCreditNoteCredit(
        @JsonProperty("CreditNoteID") UUID creditNoteId,
        @JsonProperty("Status") String status,
        @JsonProperty("Total") BigDecimal total,
        @JsonProperty("RemainingCredit") BigDecimal remainingCredit,
        @JsonProperty("Allocations") List<XeroAllocation> allocations) {
}
