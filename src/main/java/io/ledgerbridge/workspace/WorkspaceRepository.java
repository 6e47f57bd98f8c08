package io.ledgerbridge.workspace;

import io.ledgerbridge.workspace.Workspace.Plan;
import io.ledgerbridge.workspace.Workspace.Role;
import io.ledgerbridge.workspace.WorkspaceSettings.AddressField;
import io.ledgerbridge.workspace.WorkspaceSettings.InvoiceStatus;
import io.ledgerbridge.workspace.WorkspaceSettings.Modules;
import io.ledgerbridge.workspace.WorkspaceSettings.PhoneField;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Workspaces and their settings in PostgreSQL. */
@Repository
public class WorkspaceRepository {

    private final JdbcClient jdbc;

    public WorkspaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String workspaceId) {
        return jdbc.sql("SELECT count(*) FROM workspaces WHERE workspace_id = :id")
                .param("id", workspaceId)
                .query(Long.class)
                .single() > 0;
    }

    public Optional<Workspace> find(String workspaceId) {
        return jdbc.sql("""
                SELECT workspace_id, name, roles, plan, finance_email, inbound_address, created_at, updated_at
                  FROM workspaces WHERE workspace_id = :id
                """)
                .param("id", workspaceId)
                .query(WorkspaceRepository::workspace)
                .optional();
    }

    /**
     * Creates the workspace (with default settings) or updates it.
     *
     * @return true when it was created
     */
    public boolean save(String workspaceId, String name, Set<Role> roles, Plan plan, String financeEmail,
                        String inboundAddress) {
        boolean created = jdbc.sql("""
                INSERT INTO workspaces (workspace_id, name, roles, plan, finance_email, inbound_address)
                VALUES (:id, :name, CAST(:roles AS text[]), :plan, :financeEmail, :inbound)
                ON CONFLICT (workspace_id) DO NOTHING
                """)
                .param("id", workspaceId)
                .param("name", name)
                .param("roles", rolesLiteral(roles))
                .param("plan", plan.name())
                .param("financeEmail", financeEmail)
                .param("inbound", inboundAddress)
                .update() == 1;
        if (created) {
            jdbc.sql("INSERT INTO workspace_settings (workspace_id) VALUES (:id)").param("id", workspaceId).update();
        } else {
            jdbc.sql("""
                    UPDATE workspaces SET name = :name, roles = CAST(:roles AS text[]), plan = :plan,
                           finance_email = :financeEmail, updated_at = now()
                     WHERE workspace_id = :id
                    """)
                    .param("id", workspaceId)
                    .param("name", name)
                    .param("roles", rolesLiteral(roles))
                    .param("plan", plan.name())
                    .param("financeEmail", financeEmail)
                    .update();
        }
        return created;
    }

    public Optional<WorkspaceSettings> settings(String workspaceId) {
        return jdbc.sql("SELECT * FROM workspace_settings WHERE workspace_id = :id")
                .param("id", workspaceId)
                .query(WorkspaceRepository::settings)
                .optional();
    }

    public void saveSettings(String workspaceId, WorkspaceSettings settings) {
        jdbc.sql("""
                UPDATE workspace_settings
                   SET sales_account = :sales, default_expense_account = :expense, freight_account = :freight,
                       surcharge_account = :surcharge, clearing_account = :clearing,
                       invoice_default_status = :status, auto_approve_bills = :autoApprove,
                       automatic_sync = :automaticSync, mark_as_paid = :markAsPaid,
                       sync_tax_rates = :taxRates, sync_items = :items, sync_contacts = :contacts,
                       invoice_push = :invoicePush, invoice_pull = :invoicePull,
                       contact_phone_field = :phone, contact_address_field = :address,
                       allocate_credit_notes = :allocateCreditNotes, updated_at = now()
                 WHERE workspace_id = :id
                """)
                .param("id", workspaceId)
                .param("sales", settings.salesAccount())
                .param("expense", settings.defaultExpenseAccount())
                .param("freight", settings.freightAccount())
                .param("surcharge", settings.surchargeAccount())
                .param("clearing", settings.clearingAccount())
                .param("status", settings.invoiceDefaultStatus().name())
                .param("autoApprove", settings.autoApproveBills())
                .param("automaticSync", settings.automaticSync())
                .param("markAsPaid", settings.markAsPaid())
                .param("taxRates", settings.modules().taxRates())
                .param("items", settings.modules().items())
                .param("contacts", settings.modules().contacts())
                .param("invoicePush", settings.modules().invoicePush())
                .param("invoicePull", settings.modules().invoicePull())
                .param("phone", settings.contactPhoneField().name())
                .param("address", settings.contactAddressField().name())
                .param("allocateCreditNotes", settings.allocateCreditNotes())
                .update();
    }

    private static String rolesLiteral(Set<Role> roles) {
        return "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}";
    }

    private static Workspace workspace(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).forEach(parsed::add);
        return new Workspace(rs.getString("workspace_id"), rs.getString("name"), parsed,
                Plan.valueOf(rs.getString("plan")), rs.getString("finance_email"), rs.getString("inbound_address"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static WorkspaceSettings settings(ResultSet rs, int row) throws SQLException {
        return new WorkspaceSettings(
                rs.getString("sales_account"),
                rs.getString("default_expense_account"),
                rs.getString("freight_account"),
                rs.getString("surcharge_account"),
                rs.getString("clearing_account"),
                InvoiceStatus.valueOf(rs.getString("invoice_default_status")),
                rs.getBoolean("auto_approve_bills"),
                rs.getBoolean("automatic_sync"),
                rs.getBoolean("mark_as_paid"),
                new Modules(rs.getBoolean("sync_tax_rates"), rs.getBoolean("sync_items"), rs.getBoolean("sync_contacts"),
                        rs.getBoolean("invoice_push"), rs.getBoolean("invoice_pull")),
                PhoneField.valueOf(rs.getString("contact_phone_field")),
                AddressField.valueOf(rs.getString("contact_address_field")),
                rs.getBoolean("allocate_credit_notes"));
    }
}
