package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.coding.Mappings;
import io.ledgerbridge.coding.Mappings.ItemMapping;
import io.ledgerbridge.coding.Organisation;
import io.ledgerbridge.workspace.Workspace.Role;
import io.ledgerbridge.workspace.WorkspaceSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** After the organisation is read again, what no longer fits the chart is named, and what still fits is not. */
class AccountRecheckTest {

    private static final Organisation ORG = new Organisation("Demo Harbour Cafe", chart(), Map.of(), List.of(), Map.of());

    @Test
    void codesArchivedOrGoneSinceTheyWereSavedAreNamedWithTheirSetting() {
        WorkspaceSettings settings = new WorkspaceSettings(null, "477", "425", "404", "855",
                WorkspaceSettings.InvoiceStatus.DRAFT, false, true, false,
                new WorkspaceSettings.Modules(true, true, true, true, true),
                WorkspaceSettings.PhoneField.DEFAULT, WorkspaceSettings.AddressField.BILLING);
        Mappings mappings = new Mappings(Map.of("APL-01", new ItemMapping("310", "APL-01", Map.of()),
                "TRAY", new ItemMapping(null, "TRAY", Map.of())), Map.of("fresh-produce", "999"), Map.of(), Map.of());

        List<AccountRecheck.NoLongerFits> problems = AccountRecheck.problems(settings, mappings, Set.of(Role.VENUE), ORG);

        assertThat(problems).extracting(AccountRecheck.NoLongerFits::sentence).containsExactly(
                "The default expense account no longer fits: Account 477 (Packaging Materials) is archived in Demo"
                        + " Harbour Cafe. The closest: 310 Cost of Goods Sold, 404 Bank Fees, 425 Freight & Courier.",
                "The default account of supplier fresh-produce no longer fits: Account 999 is not in the chart of"
                        + " Demo Harbour Cafe. The closest: 404 Bank Fees, 425 Freight & Courier, 855 Platform Clearing.");
        assertThat(problems.get(0).field()).isEqualTo("defaultExpenseAccount");
        assertThat(problems.get(0).code()).isEqualTo("477");
        assertThat(problems.get(0).closest()).extracting(AccountRecheck.Closest::code).containsExactly("310", "404", "425");
    }

    private static Map<String, Organisation.Account> chart() {
        Map<String, Organisation.Account> accounts = new LinkedHashMap<>();
        for (Organisation.Account account : List.of(
                new Organisation.Account("310", "Cost of Goods Sold", "DIRECTCOSTS", "ACTIVE", "INPUT", null),
                new Organisation.Account("404", "Bank Fees", "EXPENSE", "ACTIVE", "INPUT", null),
                new Organisation.Account("425", "Freight & Courier", "EXPENSE", "ACTIVE", "INPUT", null),
                new Organisation.Account("477", "Packaging Materials", "EXPENSE", "ARCHIVED", "INPUT", null),
                new Organisation.Account("855", "Platform Clearing", "CURRENT", "ACTIVE", "BASEXCLUDED", null, true))) {
            accounts.put(account.code(), account);
        }
        return accounts;
    }
}
