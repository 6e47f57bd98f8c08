package io.ledgerbridge.workspace;

import java.util.List;

/**
 * A workspace's organisation's chart of accounts, tax rates and tracking categories, for checking what a person
 * saves. Workspace defines it and delivery, which reads organisations from Xero, implements it: workspace never depends
 * on delivery. It may call Xero, so it must never be asked inside a database transaction.
 */
public interface ChartOfAccounts {

    /**
     * @param fresh read it from Xero again instead of using the copy kept for coding (when a code was refused by the
     *              kept copy: it may have been added in Xero since)
     */
    Chart of(String workspaceId, boolean fresh);

    /** The chart, or why there is none to check against. */
    sealed interface Chart {
    }

    /**
     * @param organisation the organisation's name, as the refusals name it
     * @param taxRates     its tax types, for the tax mappings
     * @param tracking     its tracking categories, for the tracking mappings and items' {@code xero_<Category>}
     */
    record Known(String organisation, List<ChartAccount> accounts, List<ChartTaxRate> taxRates,
                 List<ChartTracking> tracking) implements Chart {
    }

    record Unknown(AccountCheckResult.Reason reason, String detail) implements Chart {
    }
}
