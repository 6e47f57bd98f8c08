package io.ledgerbridge.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.workspace.AccountCheck.Problem;
import io.ledgerbridge.workspace.AccountCheck.Wanted;
import io.ledgerbridge.workspace.Workspace.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The account check against the sandbox's demo chart: unknown, archived, wrong class, fine, and the closest codes. */
class AccountCheckTest {

    private static final String ORG = "Demo Fresh Produce Co";

    private static final List<ChartAccount> CHART = List.of(
            account("090", "Business Bank Account", "BANK", null, true),
            account("855", "Platform Clearing", "CURRENT", null, true),
            account("200", "Sales", "REVENUE", null, false),
            account("260", "Other Revenue", "REVENUE", null, false),
            account("270", "Interest Income", "OTHERINCOME", null, false),
            account("310", "Cost of Goods Sold", "DIRECTCOSTS", null, false),
            account("400", "Advertising", "EXPENSE", null, false),
            account("425", "Freight & Courier", "EXPENSE", null, false),
            account("429", "General Expenses", "EXPENSE", null, false),
            new ChartAccount("477", "Packaging Materials", "EXPENSE", "ARCHIVED", null, false),
            account("610", "Accounts Receivable", "CURRENT", "DEBTORS", false),
            account("630", "Inventory", "INVENTORY", null, false),
            account("800", "Accounts Payable", "CURRLIAB", "CREDITORS", false),
            account("960", "Retained Earnings", "EQUITY", "RETAINEDEARNINGS", false));

    @Test
    void anUnknownCodeNamesTheOrganisationAndTheClosestFittingCodes() {
        Problem problem = sales("999").orElseThrow();
        assertThat(problem.detail()).isEqualTo("Account 999 is not in the chart of Demo Fresh Produce Co."
                + " The closest: 200 Sales, 260 Other Revenue, 270 Interest Income.");
        assertThat(problem.field()).isEqualTo("salesAccount");
        assertThat(problem.closest()).extracting(ChartAccount::code).containsExactly("200", "260", "270");
    }

    @Test
    void anArchivedCodeIsRefusedWithTheFittingCodesNearIt() {
        Problem problem = check("defaultExpenseAccount", "the default expense account", "477", AccountUse.PURCHASES)
                .orElseThrow();
        assertThat(problem.detail()).isEqualTo("Account 477 (Packaging Materials) is archived in Demo Fresh Produce Co."
                + " The closest: 400 Advertising, 425 Freight & Courier, 429 General Expenses.");
    }

    @Test
    void aCodeOfTheWrongClassSaysWhatItIsAndWhatTheSettingNeeds() {
        assertThat(sales("310").orElseThrow().detail()).isEqualTo("Account 310 (Cost of Goods Sold) is an expense"
                + " account; the sales account must be a revenue account. The closest: 200 Sales, 260 Other Revenue,"
                + " 270 Interest Income.");
        assertThat(check("defaultExpenseAccount", "the default expense account", "200", AccountUse.PURCHASES)
                .orElseThrow().detail()).startsWith("Account 200 (Sales) is a revenue account; the default expense"
                + " account must be an expense or asset account. The closest: 310 Cost of Goods Sold, 400 Advertising,");
        assertThat(check("clearingAccount", "the clearing account", "200", AccountUse.PAYMENTS).orElseThrow().detail())
                .isEqualTo("Account 200 (Sales) is a revenue account that does not accept payments; the clearing account"
                        + " must be a bank account or one that accepts payments. The closest: 090 Business Bank Account,"
                        + " 855 Platform Clearing.");
    }

    @Test
    void bankAndSystemAccountsNeverFitALine() {
        assertThat(check("defaultExpenseAccount", "the default expense account", "090", AccountUse.PURCHASES)
                .orElseThrow().detail()).startsWith("Account 090 (Business Bank Account) is a bank account, which Xero"
                + " does not take on an invoice or bill line; the default expense account must be");
        assertThat(check("defaultExpenseAccount", "the default expense account", "610", AccountUse.PURCHASES)
                .orElseThrow().detail()).startsWith("Account 610 (Accounts Receivable) is Xero's DEBTORS system account,");
        assertThat(AccountUse.PAYMENTS.fits(CHART.get(0))).isTrue();
    }

    @Test
    void codesThatFitTheirUsePass() {
        assertThat(sales("200")).isEmpty();
        assertThat(sales("270")).isEmpty();
        assertThat(check("defaultExpenseAccount", "the default expense account", "310", AccountUse.PURCHASES)).isEmpty();
        assertThat(check("defaultExpenseAccount", "the default expense account", "630", AccountUse.PURCHASES)).isEmpty();
        assertThat(check("clearingAccount", "the clearing account", "855", AccountUse.PAYMENTS)).isEmpty();
        assertThat(check("freightAccount", "the freight account", "425", AccountUse.SALES_OR_PURCHASES)).isEmpty();
        assertThat(check("freightAccount", "the freight account", "260", AccountUse.SALES_OR_PURCHASES)).isEmpty();
    }

    @Test
    void theRolesSayWhatTheLineAccountsAreFor() {
        assertThat(AccountUse.forLines(Set.of(Role.SUPPLIER))).isEqualTo(AccountUse.SALES);
        assertThat(AccountUse.forLines(Set.of(Role.VENUE))).isEqualTo(AccountUse.PURCHASES);
        assertThat(AccountUse.forLines(Set.of(Role.SUPPLIER, Role.VENUE))).isEqualTo(AccountUse.SALES_OR_PURCHASES);
    }

    @Test
    void theClosestAreTheNearestByNumberListedInChartOrder() {
        assertThat(AccountCheck.closest("420", AccountUse.PURCHASES, CHART, 3)).extracting(ChartAccount::code)
                .containsExactly("400", "425", "429");
        assertThat(AccountCheck.closest("1", AccountUse.SALES, CHART, 2)).extracting(ChartAccount::code)
                .containsExactly("200", "260");
        assertThat(AccountCheck.closest("265", AccountUse.SALES, CHART, 1)).extracting(ChartAccount::code)
                .containsExactly("260");
    }

    @Test
    void aCodeThatIsNotANumberIsNearestByCodeOrName() {
        List<ChartAccount> chart = List.of(account("SALES", "Sales", "REVENUE", null, false),
                account("SERV", "Services", "REVENUE", null, false),
                account("200", "Other Income", "REVENUE", null, false));
        assertThat(AccountCheck.closest("SALE", AccountUse.SALES, chart, 1)).extracting(ChartAccount::code)
                .containsExactly("SALES");
        assertThat(AccountCheck.closest("services", AccountUse.SALES, chart, 1)).extracting(ChartAccount::code)
                .containsExactly("SERV");
        assertThat(AccountCheck.editDistance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void anOrganisationWithNothingThatFitsSaysSo() {
        List<ChartAccount> chart = List.of(account("310", "Cost of Goods Sold", "DIRECTCOSTS", null, false));
        assertThat(AccountCheck.check(new Wanted("salesAccount", "the sales account", "310", AccountUse.SALES), ORG, chart)
                .orElseThrow().detail()).endsWith("must be a revenue account. Demo Fresh Produce Co has no active account"
                + " that fits.");
    }

    private static Optional<Problem> sales(String code) {
        return check("salesAccount", "the sales account", code, AccountUse.SALES);
    }

    private static Optional<Problem> check(String field, String label, String code, AccountUse use) {
        return AccountCheck.check(new Wanted(field, label, code, use), ORG, CHART);
    }

    private static ChartAccount account(String code, String name, String type, String system, boolean payments) {
        return new ChartAccount(code, name, type, "ACTIVE", system, payments);
    }
}
