package io.ledgerbridge.coding;

import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.xero.XeroLineItem;
import java.math.BigDecimal;
import java.util.List;

/**
 * A document coded for one organisation: its Xero lines (with where each account came from), the
 * lines still without an account, the problems that stop it from being sent at all, and notes on what
 * the coder assumed or reconciled.
 *
 * <p>{@code xeroSubtotal}, {@code xeroTax} and {@code xeroTotal} are what Xero computes from the platform's
 * lines (before any rounding line); {@code roundingDifference} is the platform's total less Xero's, the amount
 * of the rounding line when one is added. {@code reconciled} lists each figure where the platform and Xero
 * differ by no more than rounding (the total through an explicit rounding line); {@code notes} says so in words.
 */
public record CodingResult(
        List<CodedLine> lines,
        String lineAmountTypes,
        boolean fourDecimalUnitPrices,
        List<String> linesWithoutAccount,
        List<Problem> problems,
        BigDecimal xeroTotal,
        BigDecimal roundingDifference,
        BigDecimal xeroSubtotal,
        BigDecimal xeroTax,
        List<Difference> reconciled,
        List<String> notes) {

    /** Without the subtotal, tax, reconciled figures and notes. */
    public CodingResult(List<CodedLine> lines, String lineAmountTypes, boolean fourDecimalUnitPrices,
                        List<String> linesWithoutAccount, List<Problem> problems, BigDecimal xeroTotal,
                        BigDecimal roundingDifference) {
        this(lines, lineAmountTypes, fourDecimalUnitPrices, linesWithoutAccount, problems, xeroTotal, roundingDifference,
                null, null, List.of(), List.of());
    }

    public boolean sendable() {
        return problems.isEmpty();
    }

    /** "GL account required": the document can only go as a DRAFT until every line has an account. */
    public boolean glAccountRequired() {
        return !linesWithoutAccount.isEmpty();
    }

    public List<XeroLineItem> lineItems() {
        return lines.stream().map(CodedLine::item).toList();
    }

    /** Where a line's account came from, so a rejection can say which mapping to fix. */
    public enum AccountSource {
        ITEM_MAPPING, SUPPLIER_DEFAULT, WORKSPACE_DEFAULT, FREIGHT, SURCHARGE, ROUNDING, NONE;

        /** What a person changes when an account from this source is refused (by the coder or by Xero). */
        public String fix(String itemKey, boolean sales, String organisation) {
            return switch (this) {
                case ITEM_MAPPING -> FixHints.mapItem(itemKey, sales, organisation);
                case SUPPLIER_DEFAULT -> FixHints.CHANGE_SUPPLIER_DEFAULT;
                case FREIGHT -> FixHints.setFreightAccount(sales);
                case SURCHARGE -> FixHints.setSurchargeAccount(sales);
                default -> FixHints.setDefaultAccount(sales, itemKey);
            };
        }
    }

    public record CodedLine(String lineId, String itemKey, AccountSource source, XeroLineItem item) {
    }

    /** The three figures of a document the platform sends and Xero computes. */
    public enum Figure {
        SUBTOTAL, TAX, TOTAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One figure as the platform sent it and as Xero computes it from the lines. */
    public record Difference(Figure figure, BigDecimal platform, BigDecimal xero) {
        /** The platform's figure less Xero's. */
        public BigDecimal amount() {
            return platform.subtract(xero);
        }
    }

    /** Why a document cannot go, in plain words, and what to do about it. */
    public record Problem(String message, String fixHint) {
    }
}
