package io.ledgerbridge.workspace;

import io.ledgerbridge.api.UnprocessableException;
import io.ledgerbridge.workspace.AccountCheck.Problem;
import io.ledgerbridge.workspace.AccountCheck.Wanted;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checks the account codes of a save against the workspace's organisation before anything is saved: a code that does
 * not fit is a 422 naming it, the organisation and the closest codes that fit ({@link AccountCheck}); a workspace whose
 * chart cannot be read now (not connected, throttled, Xero away) saves unchecked and says so. It may call Xero, so it
 * runs before the save's transaction, never in one.
 */
@Component
public class AccountChecker {

    private final ObjectProvider<ChartOfAccounts> charts;

    public AccountChecker(ObjectProvider<ChartOfAccounts> charts) {
        this.charts = charts;
    }

    /** @throws UnprocessableException when a code does not fit the organisation's chart */
    public AccountCheckResult check(String workspaceId, List<Wanted> wanted) {
        if (wanted.isEmpty()) {
            return AccountCheckResult.nothingToCheck();
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The account check may call Xero: it must run before the transaction opens.");
        }
        ChartOfAccounts chartOfAccounts = charts.getIfAvailable();
        if (chartOfAccounts == null) {
            return AccountCheckResult.notChecked(AccountCheckResult.Reason.XERO_UNAVAILABLE,
                    "nothing here reads organisations from Xero.");
        }
        ChartOfAccounts.Chart chart = chartOfAccounts.of(workspaceId, false);
        if (chart instanceof ChartOfAccounts.Unknown unknown) {
            return AccountCheckResult.notChecked(unknown.reason(), unknown.detail());
        }
        ChartOfAccounts.Known known = (ChartOfAccounts.Known) chart;
        List<Problem> problems = problems(wanted, known);
        if (!problems.isEmpty() && chartOfAccounts.of(workspaceId, true) instanceof ChartOfAccounts.Known again) {
            // The kept copy may predate an account added or restored in Xero a minute ago: ask Xero before refusing.
            known = again;
            problems = problems(wanted, known);
        }
        if (!problems.isEmpty()) {
            throw refusal(known.organisation(), problems);
        }
        return AccountCheckResult.checked(known.organisation());
    }

    private static List<Problem> problems(List<Wanted> wanted, ChartOfAccounts.Known chart) {
        return wanted.stream()
                .map(one -> AccountCheck.check(one, chart.organisation(), chart.accounts()))
                .flatMap(Optional::stream)
                .toList();
    }

    private static UnprocessableException refusal(String organisation, List<Problem> problems) {
        List<Map<String, Object>> accounts = problems.stream().map(problem -> {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("field", problem.field());
            account.put("code", problem.code());
            account.put("detail", problem.detail());
            account.put("closest", problem.closest().stream()
                    .map(close -> Map.of("code", close.code(), "name", close.name() == null ? "" : close.name()))
                    .toList());
            return account;
        }).toList();
        String detail = String.join(" ", problems.stream().map(Problem::detail).toList());
        return new UnprocessableException(problems.size() == 1 ? "Account code does not fit the organisation"
                : "Account codes do not fit the organisation", detail,
                Map.of("organisation", organisation, "accounts", accounts));
    }
}
