package io.ledgerbridge.workspace;

import io.ledgerbridge.api.AccountCode;
import io.ledgerbridge.api.NotFoundException;
import io.ledgerbridge.workspace.Workspace.Plan;
import io.ledgerbridge.workspace.Workspace.Role;
import io.ledgerbridge.workspace.WorkspaceSettings.AddressField;
import io.ledgerbridge.workspace.WorkspaceSettings.InvoiceStatus;
import io.ledgerbridge.workspace.WorkspaceSettings.PhoneField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import io.ledgerbridge.workspace.AccountCheck.Wanted;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Workspaces (role, plan, finance email, inbound address) and their settings (F5–F8). */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
class WorkspaceController {

    /** Workspace ids are what the ordering platform uses: lower-case letters, digits and dashes. */
    public static final String WORKSPACE_ID = "^[a-z0-9][a-z0-9-]{1,62}$";

    private final WorkspaceRepository workspaces;
    private final InboundAddresses inboundAddresses;
    private final ApplicationEventPublisher events;
    private final AccountChecker accounts;
    private final TransactionTemplate transaction;

    public WorkspaceController(WorkspaceRepository workspaces, InboundAddresses inboundAddresses,
                               ApplicationEventPublisher events, AccountChecker accounts,
                               PlatformTransactionManager transactions) {
        this.workspaces = workspaces;
        this.inboundAddresses = inboundAddresses;
        this.events = events;
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(transactions);
    }

    @GetMapping
    public Workspace get(@PathVariable String workspaceId) {
        return workspaces.find(workspaceId).orElseThrow(() -> NotFoundException.workspace(workspaceId));
    }

    /** Creates the workspace (201) or changes it (200). */
    @PutMapping
    @Transactional
    public ResponseEntity<Workspace> put(@PathVariable String workspaceId, @Valid @RequestBody WorkspaceRequest request) {
        if (!workspaceId.matches(WORKSPACE_ID)) {
            throw new IllegalArgumentException("Workspace id '" + workspaceId + "' is not valid: use 2 to 63 lower-case"
                    + " letters, digits and dashes, starting with a letter or digit.");
        }
        boolean created = workspaces.save(workspaceId, request.name().trim(), request.roles(),
                request.plan() == null ? Plan.FREE : request.plan(), request.financeEmail(),
                inboundAddresses.forWorkspace(workspaceId));
        if (request.plan() != null) {
            // e.g. documents that waited for the free plan's quota go on PRO (F23)
            events.publishEvent(new PlanChanged(workspaceId, request.plan()));
        }
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(get(workspaceId));
    }

    @GetMapping("/settings")
    public WorkspaceSettings settings(@PathVariable String workspaceId) {
        return workspaces.settings(workspaceId).orElseThrow(() -> NotFoundException.workspace(workspaceId));
    }

    /**
     * Changes the settings the request names and keeps the others. Module toggles follow their chain:
     * 409 when a prerequisite would be turned off under a module that needs it. The account codes the request names
     * are first checked against the organisation's chart (422 naming a code that does not fit, and the closest that
     * do); that check may call Xero, so it runs before the transaction, and the answer's {@code accountCheck} says
     * whether the codes were checked or saved unchecked (not connected, Xero throttled or away).
     */
    @PutMapping("/settings")
    public AccountChecked<WorkspaceSettings> putSettings(@PathVariable String workspaceId,
                                                         @Valid @RequestBody SettingsRequest request) {
        Workspace workspace = get(workspaceId);
        AccountCheckResult check = accounts.check(workspaceId, request.accountsToCheck(workspace.roles()));
        WorkspaceSettings saved = transaction.execute(status -> {
            WorkspaceSettings current = settings(workspaceId);
            WorkspaceSettings changed = request.applyTo(current);
            workspaces.saveSettings(workspaceId, changed);
            // what waited for a setting goes once the setting allows it (invoice push or automatic sync on, an account set)
            events.publishEvent(new WorkspaceSettingsChanged(workspaceId, current, changed));
            return settings(workspaceId);
        });
        return new AccountChecked<>(saved, check);
    }

    /** The body of PUT /workspaces/{id}. */
    public record WorkspaceRequest(
            @NotBlank @Size(max = 255) String name,
            @NotEmpty Set<Role> roles,
            Plan plan,
            @Email @Size(max = 255) String financeEmail) {
    }

    /** The body of PUT /workspaces/{id}/settings: every field is optional; an empty account code clears it. */
    public record SettingsRequest(
            @AccountCode String salesAccount,
            @AccountCode String defaultExpenseAccount,
            @AccountCode String freightAccount,
            @AccountCode String surchargeAccount,
            @AccountCode String clearingAccount,
            InvoiceStatus invoiceDefaultStatus,
            Boolean autoApproveBills,
            Boolean automaticSync,
            Boolean markAsPaid,
            ModulesRequest modules,
            PhoneField contactPhoneField,
            AddressField contactAddressField,
            Boolean allocateCreditNotes) {

        /** The account codes the request sets (not those it clears or leaves), each with what it is used for. */
        List<Wanted> accountsToCheck(Set<Role> roles) {
            return SettingsAccounts.of(salesAccount, defaultExpenseAccount, freightAccount, surchargeAccount,
                    clearingAccount, roles);
        }

        WorkspaceSettings applyTo(WorkspaceSettings current) {
            return new WorkspaceSettings(
                    account(salesAccount, current.salesAccount()),
                    account(defaultExpenseAccount, current.defaultExpenseAccount()),
                    account(freightAccount, current.freightAccount()),
                    account(surchargeAccount, current.surchargeAccount()),
                    account(clearingAccount, current.clearingAccount()),
                    invoiceDefaultStatus == null ? current.invoiceDefaultStatus() : invoiceDefaultStatus,
                    autoApproveBills == null ? current.autoApproveBills() : autoApproveBills,
                    automaticSync == null ? current.automaticSync() : automaticSync,
                    markAsPaid == null ? current.markAsPaid() : markAsPaid,
                    modules == null ? current.modules() : ModuleChain.apply(current.modules(), modules.asMap()),
                    contactPhoneField == null ? current.contactPhoneField() : contactPhoneField,
                    contactAddressField == null ? current.contactAddressField() : contactAddressField,
                    allocateCreditNotes == null ? current.allocateCreditNotes() : allocateCreditNotes);
        }

        private static String account(String requested, String current) {
            if (requested == null) {
                return current;
            }
            return requested.isBlank() ? null : requested;
        }
    }

    /** Module toggles to change; a module left out keeps its value. */
    public record ModulesRequest(Boolean taxRates, Boolean items, Boolean contacts, Boolean invoicePush,
                                 Boolean invoicePull) {
        Map<String, Boolean> asMap() {
            Map<String, Boolean> map = new LinkedHashMap<>();
            map.put("taxRates", taxRates);
            map.put("items", items);
            map.put("contacts", contacts);
            map.put("invoicePush", invoicePush);
            map.put("invoicePull", invoicePull);
            return map;
        }
    }
}
