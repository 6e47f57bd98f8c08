package io.ledgerbridge.delivery;

import io.ledgerbridge.coding.Mappings;
import io.ledgerbridge.coding.Organisation;
import io.ledgerbridge.delivery.OrganisationCache.OrganisationRead;
import io.ledgerbridge.mapping.MappingAccounts;
import io.ledgerbridge.mapping.MappingRepository;
import io.ledgerbridge.workspace.AccountCheck;
import io.ledgerbridge.workspace.AccountCheck.Wanted;
import io.ledgerbridge.workspace.ChartAccount;
import io.ledgerbridge.workspace.SettingsAccounts;
import io.ledgerbridge.workspace.Workspace;
import io.ledgerbridge.workspace.Workspace.Role;
import io.ledgerbridge.workspace.WorkspaceRepository;
import io.ledgerbridge.workspace.WorkspaceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The account codes of the settings and mappings checked again each time the organisation is read from Xero: an
 * account archived, deleted or retyped in Xero since it was saved is logged as a warning naming the workspace, the
 * setting or mapping and the closest codes, before a document fails coding on it (which says the same on the
 * document). Nothing is changed: the person decides which account to use instead.
 */
@Component
class AccountRecheck {

    private static final Logger log = LoggerFactory.getLogger(AccountRecheck.class);

    private final WorkspaceRepository workspaces;
    private final MappingRepository mappings;

    AccountRecheck(WorkspaceRepository workspaces, MappingRepository mappings) {
        this.workspaces = workspaces;
        this.mappings = mappings;
    }

    @EventListener
    void read(OrganisationRead read) {
        try {
            Optional<Workspace> workspace = workspaces.find(read.workspaceId());
            Optional<WorkspaceSettings> settings = workspaces.settings(read.workspaceId());
            if (workspace.isEmpty() || settings.isEmpty()) {
                return;
            }
            for (String problem : problems(settings.get(), mappings.load(read.workspaceId()), workspace.get().roles(),
                    read.organisation())) {
                log.warn("Workspace {}: {}", read.workspaceId(), problem);
            }
        } catch (RuntimeException e) {
            // the check is a courtesy: coding checks every code again, so a failure here must not stop it
            log.warn("Workspace {}: its account codes could not be checked again", read.workspaceId(), e);
        }
    }

    /** What no longer fits, one sentence each, led by the setting or mapping it is in. */
    static List<String> problems(WorkspaceSettings settings, Mappings mappings, Set<Role> roles,
                                 Organisation organisation) {
        List<Wanted> wanted = new ArrayList<>(SettingsAccounts.of(settings, roles));
        mappings.items().forEach((key, item) -> {
            if (item.accountCode() != null) {
                wanted.add(MappingAccounts.item(key, item.accountCode(), roles));
            }
        });
        mappings.suppliers().forEach((key, code) -> wanted.add(MappingAccounts.supplier(key, code)));
        List<ChartAccount> chart = OrganisationChart.accounts(organisation);
        return wanted.stream()
                .map(one -> AccountCheck.check(one, organisation.name(), chart)
                        .map(problem -> capitalised(one.label()) + " no longer fits: " + problem.detail()))
                .flatMap(Optional::stream)
                .toList();
    }

    private static String capitalised(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
