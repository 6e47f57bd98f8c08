package io.ledgerbridge.workspace;

import io.ledgerbridge.workspace.AccountCheck.Wanted;
import io.ledgerbridge.workspace.Workspace.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The account codes of a workspace's settings, each with what it is used for: the sales account on sales lines, the
 * default expense account on purchase lines, freight and surcharge on the lines of the documents the workspace's roles
 * make, the clearing account for payments. One list for the check on save and the check after the chart is read again.
 */
public final class SettingsAccounts {

    private SettingsAccounts() {
    }

    /** The codes the settings hold. */
    public static List<Wanted> of(WorkspaceSettings settings, Set<Role> roles) {
        return of(settings.salesAccount(), settings.defaultExpenseAccount(), settings.freightAccount(),
                settings.surchargeAccount(), settings.clearingAccount(), roles);
    }

    /** The codes given (null or blank: none to check). */
    static List<Wanted> of(String sales, String defaultExpense, String freight, String surcharge, String clearing,
                           Set<Role> roles) {
        List<Wanted> wanted = new ArrayList<>();
        AccountUse lines = AccountUse.forLines(roles);
        want(wanted, "salesAccount", "the sales account", sales, AccountUse.SALES);
        want(wanted, "defaultExpenseAccount", "the default expense account", defaultExpense, AccountUse.PURCHASES);
        want(wanted, "freightAccount", "the freight account", freight, lines);
        want(wanted, "surchargeAccount", "the surcharge account", surcharge, lines);
        want(wanted, "clearingAccount", "the clearing account", clearing, AccountUse.PAYMENTS);
        return wanted;
    }

    private static void want(List<Wanted> wanted, String field, String label, String code, AccountUse use) {
        if (code != null && !code.isBlank()) {
            wanted.add(new Wanted(field, label, code, use));
        }
    }
}
