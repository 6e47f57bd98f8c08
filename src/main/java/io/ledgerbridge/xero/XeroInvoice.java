package io.ledgerbridge.xero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * An invoice or bill as sent to and read from Xero's Accounting API (schema {@code Invoice} of
 * xero_accounting.yaml). Only the fields LedgerBridge uses; money is BigDecimal, never double.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record XeroInvoice(
        @JsonProperty("InvoiceID") UUID invoiceId,
        @JsonProperty("Type") String type,
        @JsonProperty("Contact") XeroContact contact,
        @JsonProperty("Date") String date,
        @JsonProperty("DueDate") String dueDate,
        @JsonProperty("LineAmountTypes") String lineAmountTypes,
        @JsonProperty("InvoiceNumber") String invoiceNumber,
        @JsonProperty("Reference") String reference,
        @JsonProperty("Url") String url,
        @JsonProperty("CurrencyCode") String currencyCode,
        @JsonProperty("Status") String status,
        @JsonProperty("LineItems") List<XeroLineItem> lineItems,
        @JsonProperty("SubTotal") BigDecimal subTotal,
        @JsonProperty("TotalTax") BigDecimal totalTax,
        @JsonProperty("Total") BigDecimal total,
        @JsonProperty("AmountDue") BigDecimal amountDue,
        @JsonProperty("AmountPaid") BigDecimal amountPaid,
        @JsonProperty("Payments") List<XeroPayment> payments,
        @JsonProperty("UpdatedDateUTC") String updatedDateUtc,
        @JsonProperty("StatusAttributeString") String statusAttributeString,
        @JsonProperty("HasErrors") Boolean hasErrors,
        @JsonProperty("ValidationErrors") List<XeroMessage> validationErrors,
        @JsonProperty("Warnings") List<XeroMessage> warnings) implements XeroDocument {

    /** A document to send: the fields Xero reads on create or update. */
    public static XeroInvoice outgoing(UUID invoiceId, String type, XeroContact contact, String date, String dueDate,
                                       String lineAmountTypes, String invoiceNumber, String reference, String url,
                                       String currencyCode, String status, List<XeroLineItem> lineItems) {
        return new XeroInvoice(invoiceId, type, contact, date, dueDate, lineAmountTypes, invoiceNumber, reference, url,
                currencyCode, status, lineItems, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The invoice's date, from Xero's .NET form or an ISO date; null when there is none. */
    public java.time.LocalDate issued() {
        return XeroDates.localDate(date);
    }

    @Override
    public UUID xeroId() {
        return invoiceId;
    }
}
