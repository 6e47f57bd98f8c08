package io.ledgerbridge.mapping;

import io.ledgerbridge.workspace.AccountCheck.Wanted;
import io.ledgerbridge.workspace.AccountUse;
import io.ledgerbridge.workspace.Workspace.Role;
import java.util.Set;

/**
 * The account code of an item or supplier mapping with what it is used for: an item's on the lines of the documents
 * the workspace's roles make (sales for a supplier, purchases for a venue), a supplier's default on bills. One
 * definition for the check on save and the check after the chart is read again.
 */
public final class MappingAccounts {

    private MappingAccounts() {
    }

    public static Wanted item(String key, String accountCode, Set<Role> roles) {
        return new Wanted("accountCode", "the account of item " + key, accountCode, AccountUse.forLines(roles));
    }

    public static Wanted supplier(String key, String accountCode) {
        return new Wanted("accountCode", "the default account of supplier " + key, accountCode, AccountUse.PURCHASES);
    }
}
