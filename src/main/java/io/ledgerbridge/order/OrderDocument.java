package io.ledgerbridge.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The platform's snapshot of one document at one version, as carried in an order event's {@code data}
 * (CONTRACTS.md) and stored as a document's desired state. Money is decimal.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderDocument(
        String orderId,
        long version,
        String invoiceNumber,
        String creditNoteNumber,
        String orderNumber,
        String purchaseOrderNumber,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        AmountsAre amountsAre,
        Party supplier,
        Party buyer,
        List<Line> lines,
        Map<String, String> properties,
        Totals totals,
        Payment payment,
        String notes) {

    public enum AmountsAre { TAX_EXCLUSIVE, TAX_INCLUSIVE }

    public enum LineKind { PRODUCT, FREIGHT, SURCHARGE, DISCOUNT }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String workspaceId, String name, String taxNumber, String email, String phone,
                        Address billingAddress, Address deliveryAddress) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(List<String> lines, String city, String region, String postalCode, String country) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String lineId, LineKind kind, String productId, String sku, String description,
                       BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, String taxCode,
                       Map<String, String> properties) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Totals(BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payment(BigDecimal amount, LocalDate paidOn, String reference) {
    }
}
