package io.ledgerbridge.delivery;

import io.ledgerbridge.coding.Mappings;
import io.ledgerbridge.coding.Organisation;
import io.ledgerbridge.delivery.OrganisationCache.OrganisationRead;
import io.ledgerbridge.mapping.MappingAccounts;
import io.ledgerbridge.mapping.MappingChanged;
import io.ledgerbridge.mapping.MappingRepository;
import io.ledgerbridge.workspace.AccountCheck;
import io.ledgerbridge.workspace.AccountCheck.Wanted;
import io.ledgerbridge.workspace.ChartAccount;
import io.ledgerbridge.workspace.SettingsAccounts;
import io.ledgerbridge.workspace.Workspace;
import io.ledgerbridge.workspace.Workspace.Role;
import io.ledgerbridge.workspace.WorkspaceRepository;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.workspace.WorkspaceSettingsChanged;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The account codes of the settings and mappings checked again each time the organisation is read from Xero (a
 * pass, a save's check, or {@code GET …/settings/account-check?fresh=true}): an account archived, deleted or retyped
 * in Xero since it was saved is recorded, naming the setting or mapping and the closest codes, and shown by {@code GET
 * …/settings/account-check} before a document fails coding on it (which says the same on the document). Nothing is
 * changed: the person decides which account to use instead. A change to the settings or mappings checks again at once
 * against the organisation already read, or, when none is, drops the old record as stale.
 */
@Component
class AccountRecheck {

    private static final Logger log = LoggerFactory.getLogger(AccountRecheck.class);

    private final WorkspaceRepository workspaces;
    private final MappingRepository mappings;
    private final AccountRechecks rechecks;
    private final OrganisationCache organisations;
    private final Clock clock;

    AccountRecheck(WorkspaceRepository workspaces, MappingRepository mappings, AccountRechecks rechecks,
                   OrganisationCache organisations, Clock clock) {
        this.workspaces = workspaces;
        this.mappings = mappings;
        this.rechecks = rechecks;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** One code that no longer fits the chart: where it is, why, and what would. */
    record NoLongerFits(String field, String label, String code, String detail, List<Closest> closest) {

        /** The sentence a person reads, led by the setting or mapping it is in. */
        String sentence() {
            return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " no longer fits: " + detail;
        }
    }

    record Closest(String code, String name) {
    }

    @EventListener
    void read(OrganisationRead read) {
        check(read.workspaceId(), read.organisation());
    }

    @EventListener
    void settingsChanged(WorkspaceSettingsChanged changed) {
        checkAgain(changed.workspaceId());
    }

    @EventListener
    void mappingChanged(MappingChanged changed) {
        checkAgain(changed.workspaceId());
    }

    private void checkAgain(String workspaceId) {
        Optional<Organisation> known = organisations.cached(workspaceId);
        if (known.isPresent()) {
            check(workspaceId, known.get());
        } else {
            rechecks.forget(workspaceId);
        }
    }

    private void check(String workspaceId, Organisation organisation) {
        try {
            Optional<Workspace> workspace = workspaces.find(workspaceId);
            Optional<WorkspaceSettings> settings = workspaces.settings(workspaceId);
            if (workspace.isEmpty() || settings.isEmpty()) {
                return;
            }
            List<NoLongerFits> problems = problems(settings.get(), mappings.load(workspaceId), workspace.get().roles(),
                    organisation);
            for (NoLongerFits problem : problems) {
                log.warn("Workspace {}: {}", workspaceId, problem.sentence());
            }
            rechecks.record(workspaceId, organisation.name(), problems, clock.instant());
        } catch (RuntimeException e) {
            // the check is a courtesy: coding checks every code again, so a failure here must not stop it
            log.warn("Workspace {}: its account codes could not be checked again", workspaceId, e);
        }
    }

    /** What no longer fits, settings first, then item mappings, then supplier defaults. */
    static List<NoLongerFits> problems(WorkspaceSettings settings, Mappings mappings, Set<Role> roles,
                                       Organisation organisation) {
        List<Wanted> wanted = new ArrayList<>(SettingsAccounts.of(settings, roles));
        mappings.items().forEach((key, item) -> {
            if (item.accountCode() != null) {
                wanted.add(MappingAccounts.item(key, item.accountCode(), roles));
            }
        });
        mappings.suppliers().forEach((key, code) -> wanted.add(MappingAccounts.supplier(key, code)));
        List<ChartAccount> chart = OrganisationChart.accounts(organisation);
        List<NoLongerFits> found = new ArrayList<>();
        for (Wanted one : wanted) {
            AccountCheck.check(one, organisation.name(), chart).ifPresent(problem -> found.add(new NoLongerFits(
                    one.field(), one.label(), one.code(), problem.detail(),
                    problem.closest().stream().map(c -> new Closest(c.code(), c.name())).toList())));
        }
        return found;
    }
}
