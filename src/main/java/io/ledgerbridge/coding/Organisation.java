package io.ledgerbridge.coding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What LedgerBridge knows of a Xero organisation: chart of accounts, tax rates, tracking, items and the
 * codes of its currencies (Xero's GET /Currencies: the base currency and any added; empty when not known).
 */
public record Organisation(
        String name,
        Map<String, Account> accounts,
        Map<String, TaxRate> taxRates,
        List<TrackingCategory> trackingCategories,
        Map<String, String> itemCodes,
        Set<String> currencies) {

    /** Without its currencies: any currency is left to Xero to refuse. */
    public Organisation(String name, Map<String, Account> accounts, Map<String, TaxRate> taxRates,
                        List<TrackingCategory> trackingCategories, Map<String, String> itemCodes) {
        this(name, accounts, taxRates, trackingCategories, itemCodes, Set.of());
    }

    public Optional<Account> account(String code) {
        return Optional.ofNullable(code == null ? null : accounts.get(code));
    }

    /** The ROUNDING system account, where explicit rounding differences go. */
    public Optional<Account> roundingAccount() {
        return accounts.values().stream().filter(account -> "ROUNDING".equals(account.systemAccount())).findFirst();
    }

    /** @param enablePaymentsToAccount Xero's flag that lets a non-bank account take payments (a clearing account) */
    public record Account(String code, String name, String type, String status, String taxType, String systemAccount,
                          boolean enablePaymentsToAccount) {

        /** An account that takes no payments unless it is a bank account. */
        public Account(String code, String name, String type, String status, String taxType, String systemAccount) {
            this(code, name, type, status, taxType, systemAccount, false);
        }

        /** A bank account, or one with EnablePaymentsToAccount: what a payment may go to. */
        public boolean acceptsPayments() {
            return "BANK".equals(type) || enablePaymentsToAccount;
        }

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** A tax type with its effective rate in percent and where it may be used. */
    public record TaxRate(String taxType, String name, BigDecimal effectiveRate, boolean revenue, boolean expenses,
                          String status) {
    }

    public record TrackingCategory(String name, String status, List<String> activeOptions) {
    }
}
