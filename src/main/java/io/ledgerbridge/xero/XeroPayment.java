package io.ledgerbridge.xero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A payment (schema {@code Payment}) as Xero answers it: on its own after {@code PUT /Payments}, or among an invoice's
 * {@code Payments}. Money is BigDecimal. Xero writes dates as {@code /Date(ms+0000)/} in answers (FACTS.md §12);
 * {@link #date()} reads either form.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record XeroPayment(
        @JsonProperty("PaymentID") UUID paymentId,
        @JsonProperty("Amount") BigDecimal amount,
        @JsonProperty("Date") String dateText,
        @JsonProperty("Reference") String reference,
        @JsonProperty("Status") String status,
        @JsonProperty("Invoice") XeroInvoiceReference invoice,
        @JsonProperty("StatusAttributeString") String statusAttributeString,
        @JsonProperty("ValidationErrors") List<XeroMessage> validationErrors) {

    /** The invoice a payment is for: its id, and its status once the payment is applied. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record XeroInvoiceReference(@JsonProperty("InvoiceID") UUID invoiceId, @JsonProperty("Status") String status) {
    }

    /** The payment's date, from Xero's .NET form or an ISO date; null when there is none. */
    public LocalDate date() {
        return XeroDates.localDate(dateText);
    }

}
