package io.ledgerbridge.localstack;

import io.ledgerbridge.workspace.InboundAddresses;
import io.ledgerbridge.workspace.WorkspaceRepository;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.workspace.Workspace.Plan;
import io.ledgerbridge.workspace.Workspace.Role;
import io.ledgerbridge.workspace.WorkspaceSettings.AddressField;
import io.ledgerbridge.workspace.WorkspaceSettings.InvoiceStatus;
import io.ledgerbridge.workspace.WorkspaceSettings.Modules;
import io.ledgerbridge.workspace.WorkspaceSettings.PhoneField;
import io.ledgerbridge.mapping.MappingRepository;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the two demo workspaces of CONTRACTS.md, with default accounts, tax mapping and an item mapping
 * that fit the sample events, so that a newcomer's first event goes through.
 * Only when {@code ledgerbridge.seed-demo-workspaces} is true (the local profile, and the benchmarks); it lives on the
 * test classpath with the rest of the local stack, so the product never seeds anything; an existing
 * workspace is left as it is, so edits made through the API survive a restart.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "ledgerbridge.seed-demo-workspaces", havingValue = "true")
class DemoWorkspaces implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspaces.class);
    private static final Modules INVOICE_SYNC_ON = new Modules(true, true, true, true, true);

    private final WorkspaceRepository workspaces;
    private final InboundAddresses inboundAddresses;
    private final MappingRepository mappings;

    DemoWorkspaces(WorkspaceRepository workspaces, InboundAddresses inboundAddresses, MappingRepository mappings) {
        this.workspaces = workspaces;
        this.inboundAddresses = inboundAddresses;
        this.mappings = mappings;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seed("demo-supplier", "Demo Fresh Produce Co", Role.SUPPLIER, "accounts@demo-supplier.example",
                // Freight and surcharges the supplier charges are income: 260 Other Revenue.
                new WorkspaceSettings("200", "310", "260", "260", "855", InvoiceStatus.AUTHORISED, false, true, true,
                        INVOICE_SYNC_ON, PhoneField.DEFAULT, AddressField.BILLING));
        seed("demo-venue", "Demo Harbour Cafe", Role.VENUE, "finance@demo-venue.example",
                new WorkspaceSettings(null, "310", "425", "404", "855", InvoiceStatus.AUTHORISED, true, true, false,
                        INVOICE_SYNC_ON, PhoneField.DEFAULT, AddressField.DELIVERY));
    }

    private void seed(String id, String name, Role role, String financeEmail, WorkspaceSettings settings) {
        if (workspaces.exists(id)) {
            return;
        }
        workspaces.save(id, name, Set.of(role), Plan.FREE, financeEmail, inboundAddresses.forWorkspace(id));
        workspaces.saveSettings(id, settings);
        // The platform's two tax codes, for both directions, and the sample's apples.
        mappings.saveTax(id, "GST", "OUTPUT", "INPUT");
        mappings.saveTax(id, "GST_FREE", "EXEMPTOUTPUT", "EXEMPTEXPENSES");
        mappings.saveItem(id, "APL-01", role == Role.SUPPLIER ? "200" : "310", "APL-01", Map.of());
        log.info("Seeded demo workspace {} ({})", id, name);
    }
}
