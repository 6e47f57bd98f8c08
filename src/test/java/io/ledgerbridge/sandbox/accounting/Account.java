package io.ledgerbridge.sandbox.accounting;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** One account of the chart (FACTS §8). */
final class Account {

    private static final Set<String> ASSET = Set.of("BANK", "CURRENT", "FIXED", "INVENTORY", "NONCURRENT", "PREPAYMENT");
    private static final Set<String> LIABILITY = Set.of("CURRLIAB", "LIABILITY", "TERMLIAB", "PAYG");
    private static final Set<String> EXPENSE = Set.of("DIRECTCOSTS", "EXPENSE", "OVERHEADS", "DEPRECIATN");
    private static final Set<String> REVENUE = Set.of("REVENUE", "SALES", "OTHERINCOME");

    final UUID id;
    final String code;
    final String name;
    final String type;
    final String taxType;
    String status = "ACTIVE";
    String description;
    String bankAccountNumber;
    String systemAccount;
    String reportingCode;
    String reportingCodeName;
    boolean enablePaymentsToAccount;
    boolean showInExpenseClaims;
    Instant updated;

    Account(UUID id, String code, String name, String type, String taxType) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.type = type;
        this.taxType = taxType;
    }

    /** ASSET, EQUITY, EXPENSE, LIABILITY or REVENUE, derived from the type as Xero does. */
    String accountClass() {
        if (ASSET.contains(type)) {
            return "ASSET";
        }
        if (LIABILITY.contains(type)) {
            return "LIABILITY";
        }
        if (EXPENSE.contains(type)) {
            return "EXPENSE";
        }
        if (REVENUE.contains(type)) {
            return "REVENUE";
        }
        return "EQUITY";
    }

    boolean isBank() {
        return "BANK".equals(type);
    }

    boolean isActive() {
        return "ACTIVE".equals(status);
    }

    /** Bank accounts and system accounts cannot be coded on a document line. */
    boolean usableOnLines() {
        return !isBank() && systemAccount == null;
    }

    boolean acceptsPayments() {
        return isBank() || enablePaymentsToAccount;
    }
}
