package io.ledgerbridge.sandbox.accounting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One line of an invoice, bill or credit note, with the amounts the sandbox computed for it. */
final class Line {

    /** A tracking option on a line, by both name and id. */
    record Tracking(UUID categoryId, String name, UUID optionId, String option) {
    }

    UUID id;
    String description;
    BigDecimal quantity;
    BigDecimal unitAmount;
    String itemCode;
    UUID itemId;
    String itemName;
    String accountCode;
    UUID accountId;
    String taxType;
    BigDecimal discountRate;
    BigDecimal discountAmount;
    BigDecimal lineAmount = Money.ZERO;
    BigDecimal taxAmount = Money.ZERO;
    /** A TaxAmount the client sent, which overrides the computed one. */
    BigDecimal taxOverride;
    List<Tracking> tracking = new ArrayList<>();

    /** The discount this line gives, for TotalDiscount. */
    BigDecimal discount() {
        if (discountAmount != null) {
            return Money.amount(discountAmount);
        }
        if (discountRate == null || quantity == null || unitAmount == null) {
            return Money.ZERO;
        }
        return Money.amount(quantity.multiply(unitAmount).multiply(discountRate).divide(Money.HUNDRED));
    }

    boolean hasAmount() {
        return lineAmount.signum() != 0 || (unitAmount != null && unitAmount.signum() != 0);
    }
}
