package io.ledgerbridge.workspace;

import io.ledgerbridge.workspace.Workspace.Role;
import java.util.Locale;
import java.util.Set;

/**
 * What an account code in the settings or mappings is used for, and so which accounts of the chart fit it. This is
 * LedgerBridge's one definition of a wrong-class account (the coder checks only that a code exists and is active,
 * as Xero does; Xero takes any class on a line). Line accounts can never be bank or system accounts (Xero refuses
 * them on a line); a sales line belongs on a revenue account; a purchase line on an expense account or an asset one
 * (stock, equipment, prepayments bought on a bill); the clearing account takes payments, so it is a bank account or
 * one with EnablePaymentsToAccount.
 */
public enum AccountUse {

    /** Lines of the supplier's sales invoices. */
    SALES("a revenue account"),
    /** Lines of the venue's bills. */
    PURCHASES("an expense or asset account"),
    /** Lines of both, for a workspace that is a supplier and a venue (its freight account is used on both). */
    SALES_OR_PURCHASES("a revenue, expense or asset account"),
    /** Where mark-as-paid puts the payments. */
    PAYMENTS("a bank account or one that accepts payments");

    private static final Set<String> ASSET = Set.of("BANK", "CURRENT", "FIXED", "INVENTORY", "NONCURRENT", "PREPAYMENT");
    private static final Set<String> LIABILITY = Set.of("CURRLIAB", "LIABILITY", "TERMLIAB", "PAYGLIABILITY",
            "SUPERANNUATIONLIABILITY", "WAGESPAYABLELIABILITY");
    private static final Set<String> EXPENSE = Set.of("DIRECTCOSTS", "EXPENSE", "OVERHEADS", "DEPRECIATN",
            "WAGESEXPENSE", "SUPERANNUATIONEXPENSE");
    private static final Set<String> REVENUE = Set.of("REVENUE", "SALES", "OTHERINCOME");

    private final String mustBe;

    AccountUse(String mustBe) {
        this.mustBe = mustBe;
    }

    /** What a fitting account is, to finish "… must be ". */
    public String mustBe() {
        return mustBe;
    }

    /** The use of an item's account (and freight and surcharge): the lines of the documents the workspace's roles make. */
    public static AccountUse forLines(Set<Role> roles) {
        boolean sales = roles.contains(Role.SUPPLIER);
        boolean purchases = roles.contains(Role.VENUE);
        if (sales && purchases) {
            return SALES_OR_PURCHASES;
        }
        return purchases ? PURCHASES : SALES;
    }

    /** Whether an account of the chart fits this use (its status is not looked at). */
    public boolean fits(ChartAccount account) {
        if (this == PAYMENTS) {
            return account.acceptsPayments();
        }
        if (!onLines(account)) {
            return false;
        }
        String accountClass = accountClass(account.type());
        boolean revenue = "revenue".equals(accountClass);
        boolean purchase = "expense".equals(accountClass) || "asset".equals(accountClass);
        return switch (this) {
            case SALES -> revenue;
            case PURCHASES -> purchase;
            default -> revenue || purchase;
        };
    }

    /** Xero refuses bank and system accounts on a document line. */
    static boolean onLines(ChartAccount account) {
        return !"BANK".equals(account.type()) && account.systemAccount() == null;
    }

    /** The account's class, in lower case, derived from its type as Xero derives it. */
    public static String accountClass(String type) {
        String upper = type == null ? "" : type.toUpperCase(Locale.ROOT);
        if (ASSET.contains(upper)) {
            return "asset";
        }
        if (LIABILITY.contains(upper)) {
            return "liability";
        }
        if (EXPENSE.contains(upper)) {
            return "expense";
        }
        if (REVENUE.contains(upper)) {
            return "revenue";
        }
        return "equity";
    }
}
