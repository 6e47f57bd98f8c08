package io.ledgerbridge.workspace;

import io.ledgerbridge.api.UnprocessableException;
import io.ledgerbridge.workspace.AccountCheck.Problem;
import io.ledgerbridge.workspace.AccountCheck.Wanted;
import io.ledgerbridge.workspace.ReferenceCheck.TaxWanted;
import io.ledgerbridge.workspace.ReferenceCheck.TrackingWanted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checks the account codes, Xero tax types and tracking of a save against the workspace's organisation before anything
 * is saved: a code that does not fit is a 422 naming it, the organisation and the closest codes that fit ({@link
 * AccountCheck}), a tax type or tracking name likewise with what the organisation offers ({@link ReferenceCheck}); a
 * workspace whose chart cannot be read now (not connected, throttled, Xero away) saves unchecked and says so. It may
 * call Xero, so it runs before the save's transaction, never in one.
 */
@Component
public class AccountChecker {

    private final ObjectProvider<ChartOfAccounts> charts;

    public AccountChecker(ObjectProvider<ChartOfAccounts> charts) {
        this.charts = charts;
    }

    /** @throws UnprocessableException when a code does not fit the organisation's chart */
    public AccountCheckResult check(String workspaceId, List<Wanted> wanted) {
        return check(workspaceId, wanted, List.of(), List.of());
    }

    /**
     * Account codes, Xero tax types and tracking checked together against the organisation.
     *
     * @throws UnprocessableException when any of them does not fit the organisation
     */
    public AccountCheckResult check(String workspaceId, List<Wanted> wanted, List<TaxWanted> taxes,
                                    List<TrackingWanted> tracking) {
        if (wanted.isEmpty() && taxes.isEmpty() && tracking.isEmpty()) {
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
        Problems problems = problems(wanted, taxes, tracking, known);
        if (!problems.none() && chartOfAccounts.of(workspaceId, true) instanceof ChartOfAccounts.Known again) {
            // The kept copy may predate an account, tax rate or option added in Xero a minute ago: ask before refusing.
            known = again;
            problems = problems(wanted, taxes, tracking, known);
        }
        if (!problems.none()) {
            throw refusal(known.organisation(), problems);
        }
        return AccountCheckResult.checked(known.organisation());
    }

    private record Problems(List<Problem> accounts, List<ReferenceCheck.Problem> taxes,
                            List<ReferenceCheck.Problem> tracking) {

        boolean none() {
            return accounts.isEmpty() && taxes.isEmpty() && tracking.isEmpty();
        }
    }

    private static Problems problems(List<Wanted> wanted, List<TaxWanted> taxes, List<TrackingWanted> tracking,
                                     ChartOfAccounts.Known chart) {
        String organisation = chart.organisation();
        return new Problems(
                wanted.stream().map(one -> AccountCheck.check(one, organisation, chart.accounts()))
                        .flatMap(Optional::stream).toList(),
                taxes.stream().map(one -> ReferenceCheck.tax(one, organisation, chart.taxRates()))
                        .flatMap(Optional::stream).toList(),
                tracking.stream().map(one -> ReferenceCheck.tracking(one, organisation, chart.tracking()))
                        .flatMap(Optional::stream).toList());
    }

    private static UnprocessableException refusal(String organisation, Problems problems) {
        List<Map<String, Object>> accounts = problems.accounts().stream().map(problem -> {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("field", problem.field());
            account.put("code", problem.code());
            account.put("detail", problem.detail());
            account.put("closest", problem.closest().stream()
                    .map(close -> Map.of("code", close.code(), "name", close.name() == null ? "" : close.name()))
                    .toList());
            return account;
        }).toList();
        List<String> details = new ArrayList<>(problems.accounts().stream().map(Problem::detail).toList());
        problems.taxes().forEach(problem -> details.add(problem.detail()));
        problems.tracking().forEach(problem -> details.add(problem.detail()));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("organisation", organisation);
        if (!accounts.isEmpty()) {
            properties.put("accounts", accounts);
        }
        if (!problems.taxes().isEmpty()) {
            properties.put("taxRates", problems.taxes());
        }
        if (!problems.tracking().isEmpty()) {
            properties.put("tracking", problems.tracking());
        }
        String title = !problems.taxes().isEmpty() || !problems.tracking().isEmpty()
                ? "Mapping does not fit the organisation"
                : problems.accounts().size() == 1 ? "Account code does not fit the organisation"
                : "Account codes do not fit the organisation";
        return new UnprocessableException(title, String.join(" ", details), properties);
    }
}
