package io.ledgerbridge.xero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A credit note as sent to and read from Xero's Accounting API (schema {@code CreditNote} of
 * xero_accounting.yaml): {@code ACCRECCREDIT} (the supplier's credit to a customer) or
 * {@code ACCPAYCREDIT} (the venue's credit from a supplier). Unlike an invoice it has a
 * {@code CreditNoteNumber} and {@code CreditNoteID}, no {@code Url}, and LedgerBridge sends it no due
 * date. Only the fields LedgerBridge uses; money is BigDecimal, never double.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record XeroCreditNote(
        @JsonProperty("CreditNoteID") UUID creditNoteId,
        @JsonProperty("Type") String type,
        @JsonProperty("Contact") XeroContact contact,
        @JsonProperty("Date") String date,
        @JsonProperty("LineAmountTypes") String lineAmountTypes,
        @JsonProperty("CreditNoteNumber") String creditNoteNumber,
        @JsonProperty("Reference") String reference,
        @JsonProperty("CurrencyCode") String currencyCode,
        @JsonProperty("Status") String status,
        @JsonProperty("LineItems") List<XeroLineItem> lineItems,
        @JsonProperty("SubTotal") BigDecimal subTotal,
        @JsonProperty("TotalTax") BigDecimal totalTax,
        @JsonProperty("Total") BigDecimal total,
        @JsonProperty("RemainingCredit") BigDecimal remainingCredit,
        @JsonProperty("UpdatedDateUTC") String updatedDateUtc,
        @JsonProperty("StatusAttributeString") String statusAttributeString,
        @JsonProperty("HasErrors") Boolean hasErrors,
        @JsonProperty("ValidationErrors") List<XeroMessage> validationErrors,
        @JsonProperty("Warnings") List<XeroMessage> warnings) implements XeroDocument {

    /** A credit note to send: the fields Xero reads on create or update. */
    public static XeroCreditNote outgoing(UUID creditNoteId, String type, XeroContact contact, String date,
                                          String lineAmountTypes, String creditNoteNumber, String reference,
                                          String currencyCode, String status, List<XeroLineItem> lineItems) {
        return new XeroCreditNote(creditNoteId, type, contact, date, lineAmountTypes, creditNoteNumber, reference,
                currencyCode, status, lineItems, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public UUID xeroId() {
        return creditNoteId;
    }
}
