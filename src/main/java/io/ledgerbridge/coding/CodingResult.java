package io.ledgerbridge.coding;

import io.ledgerbridge.xero.XeroLineItem;
import java.math.BigDecimal;
import java.util.List;

/**
 * A document coded for one organisation: its Xero lines (with where each account came from), the
 * lines still without an account, the problems that stop it from being sent at all, and notes on what
 * the coder assumed where the platform left something open.
 */
public record CodingResult(
        List<CodedLine> lines,
        String lineAmountTypes,
        boolean fourDecimalUnitPrices,
        List<String> linesWithoutAccount,
        List<Problem> problems,
        BigDecimal xeroTotal,
        BigDecimal roundingDifference,
        List<String> notes) {

    /** Without notes. */
    public CodingResult(List<CodedLine> lines, String lineAmountTypes, boolean fourDecimalUnitPrices,
                        List<String> linesWithoutAccount, List<Problem> problems, BigDecimal xeroTotal,
                        BigDecimal roundingDifference) {
        this(lines, lineAmountTypes, fourDecimalUnitPrices, linesWithoutAccount, problems, xeroTotal, roundingDifference,
                List.of());
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
            String kind = sales ? "an income" : "an expense";
            return switch (this) {
                case ITEM_MAPPING -> "Map item " + itemKey + " to " + (sales ? "a sales" : "an expense") + " account of "
                        + organisation + " (PUT /api/v1/workspaces/{ws}/mappings/items/" + itemKey + ").";
                case SUPPLIER_DEFAULT -> "Change this supplier's default account"
                        + " (PUT /api/v1/workspaces/{ws}/mappings/suppliers/{key}).";
                case FREIGHT -> "Set the workspace's freight account to " + kind + " account.";
                case SURCHARGE -> "Set the workspace's surcharge account to " + kind + " account.";
                default -> "Set the workspace's default " + (sales ? "sales" : "expense")
                        + " account to an active account, or map item " + itemKey + ".";
            };
        }
    }

    public record CodedLine(String lineId, String itemKey, AccountSource source, XeroLineItem item) {
    }

    /** Why a document cannot go, in plain words, and what to do about it. */
    public record Problem(String message, String fixHint) {
    }
}
