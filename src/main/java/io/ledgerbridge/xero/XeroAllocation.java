package io.ledgerbridge.xero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Part of a credit note applied to an invoice (schema {@code Allocation} of xero_accounting.yaml): what
 * {@code PUT /CreditNotes/{id}/Allocations} sends and answers, and what a credit note lists under {@code Allocations}.
 * Xero's answer to the PUT need not carry an {@code AllocationID} (its own example has none), so it may be null.
 * Money is BigDecimal; the date goes out as {@code yyyy-MM-dd} and comes back as {@code /Date(ms+0000)/}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record XeroAllocation(
        @JsonProperty("AllocationID") UUID allocationId,
        @JsonProperty("Amount") BigDecimal amount,
        @JsonProperty("Date") String date,
        @JsonProperty("Invoice") InvoiceReference invoice,
        @JsonProperty("StatusAttributeString") String statusAttributeString,
        @JsonProperty("ValidationErrors") List<XeroMessage> validationErrors) {

    /** The invoice an allocation applies credit to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InvoiceReference(@JsonProperty("InvoiceID") UUID invoiceId) {
    }

    /** An allocation to send: the three fields the schema requires. */
    public static XeroAllocation outgoing(UUID invoiceId, BigDecimal amount, String date) {
        return new XeroAllocation(null, amount, date, new InvoiceReference(invoiceId), null, null);
    }

    /** Whether Xero refused this element (summarizeErrors=false answers each element with its own errors). */
    public boolean failed() {
        return "ERROR".equals(statusAttributeString) || (validationErrors != null && !validationErrors.isEmpty());
    }
}
