package io.ledgerbridge.workspace;

/**
 * One account of an organisation's chart, as the account checks need it: workspace cannot see coding's
 * {@code Organisation}, so delivery hands the chart over in these terms.
 *
 * @param type            Xero's account type (REVENUE, EXPENSE, BANK, CURRENT, …)
 * @param status          ACTIVE or ARCHIVED
 * @param systemAccount   Xero's system account name (DEBTORS, ROUNDING, …), or null
 * @param acceptsPayments a bank account, or one with EnablePaymentsToAccount
 */
public record ChartAccount(String code, String name, String type, String status, String systemAccount,
                           boolean acceptsPayments) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
