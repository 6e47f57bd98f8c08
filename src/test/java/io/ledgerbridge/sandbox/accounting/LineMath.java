package io.ledgerbridge.sandbox.accounting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.Function;

/**
 * Line amounts, tax and totals as Xero computes them (FACTS §5, §12): LineAmount = Quantity × UnitAmount
 * less the discount, rounded to 2 dp; tax per line, rounded to 2 dp, then summed. Inclusive lines carry
 * the gross amount and the tax is the part of it above the net.
 */
final class LineMath {

    private LineMath() {
    }

    /** The line amount before any override: Quantity × UnitAmount less the discount, 2 dp. */
    static BigDecimal lineAmount(Line line) {
        BigDecimal quantity = line.quantity == null ? BigDecimal.ONE : line.quantity;
        BigDecimal unit = line.unitAmount == null ? BigDecimal.ZERO : line.unitAmount;
        BigDecimal gross = quantity.multiply(unit);
        if (line.discountAmount != null) {
            return Money.amount(gross.subtract(line.discountAmount));
        }
        if (line.discountRate != null) {
            gross = gross.multiply(Money.HUNDRED.subtract(line.discountRate)).divide(Money.HUNDRED);
        }
        return Money.amount(gross);
    }

    /** The tax on one line for the document's LineAmountTypes. */
    static BigDecimal tax(BigDecimal lineAmount, TaxRate rate, String lineAmountTypes) {
        if (rate == null || "NoTax".equals(lineAmountTypes) || rate.rate().signum() == 0) {
            return Money.ZERO;
        }
        BigDecimal fraction = rate.fraction();
        if ("Inclusive".equals(lineAmountTypes)) {
            return Money.amount(lineAmount.multiply(fraction).divide(BigDecimal.ONE.add(fraction), MathContext.DECIMAL64));
        }
        return Money.amount(lineAmount.multiply(fraction));
    }

    /** Computes every line's tax and the document's SubTotal, TotalTax, Total and TotalDiscount. */
    static void totals(Document doc, Function<String, TaxRate> rates) {
        BigDecimal lines = Money.ZERO;
        BigDecimal tax = Money.ZERO;
        BigDecimal discount = Money.ZERO;
        for (Line line : doc.lines) {
            line.taxAmount = line.taxOverride != null ? Money.amount(line.taxOverride)
                    : tax(line.lineAmount, line.taxType == null ? null : rates.apply(line.taxType), doc.lineAmountTypes);
            if ("NoTax".equals(doc.lineAmountTypes)) {
                line.taxAmount = Money.ZERO;
            }
            lines = lines.add(line.lineAmount);
            tax = tax.add(line.taxAmount);
            discount = discount.add(line.discount());
        }
        boolean inclusive = "Inclusive".equals(doc.lineAmountTypes);
        doc.subTotal = inclusive ? lines.subtract(tax) : lines;
        doc.totalTax = tax;
        doc.total = inclusive ? lines : lines.add(tax);
        doc.totalDiscount = discount;
    }
}
