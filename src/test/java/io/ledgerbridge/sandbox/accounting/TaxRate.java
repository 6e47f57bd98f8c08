package io.ledgerbridge.sandbox.accounting;

import java.math.BigDecimal;

/**
 * One tax rate (FACTS §9). {@code sales}/{@code purchases} say which side of the ledger may use it (the
 * "cannot be used for this type of transaction" rule); the CanApplyTo flags say which account classes
 * it fits (the "cannot be used with account code" rule).
 */
record TaxRate(String taxType, String name, BigDecimal rate, String reportTaxType, boolean sales, boolean purchases,
               boolean assets, boolean equity, boolean expenses, boolean liabilities, boolean revenue) {

    boolean canApplyTo(String accountClass) {
        return switch (accountClass) {
            case "ASSET" -> assets;
            case "EQUITY" -> equity;
            case "EXPENSE" -> expenses;
            case "LIABILITY" -> liabilities;
            default -> revenue;
        };
    }

    boolean usableOn(DocumentType type) {
        return type.isSales() ? sales : purchases;
    }

    /** The rate as a fraction, e.g. 0.10 for 10%. */
    BigDecimal fraction() {
        return rate.movePointLeft(2);
    }
}
