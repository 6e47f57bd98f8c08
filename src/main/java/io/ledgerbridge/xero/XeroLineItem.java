package io.ledgerbridge.xero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** A line of an invoice, bill or credit note (schema {@code LineItem}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record XeroLineItem(
        @JsonProperty("Description") String description,
        @JsonProperty("Quantity") BigDecimal quantity,
        @JsonProperty("UnitAmount") BigDecimal unitAmount,
        @JsonProperty("ItemCode") String itemCode,
        @JsonProperty("AccountCode") String accountCode,
        @JsonProperty("TaxType") String taxType,
        @JsonProperty("DiscountRate") BigDecimal discountRate,
        @JsonProperty("Tracking") List<Tracking> tracking,
        @JsonProperty("LineAmount") BigDecimal lineAmount,
        @JsonProperty("TaxAmount") BigDecimal taxAmount) {

    /** A tracking category and option by name (schema {@code LineItemTracking}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tracking(@JsonProperty("Name") String name, @JsonProperty("Option") String option) {
    }
}
