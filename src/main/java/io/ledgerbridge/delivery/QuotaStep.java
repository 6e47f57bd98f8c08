package io.ledgerbridge.delivery;

import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import io.ledgerbridge.workspace.Workspace;
import io.ledgerbridge.workspace.WorkspaceRepository;
import io.ledgerbridge.xero.XeroDocument;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Cancels a look-up proved never reached Xero are done; a document new to Xero counts against the free plan's month,
 * and one beyond it waits (F23); the rest are built for sending.
 */
@Component
class QuotaStep {

    private final WorkspaceRepository workspaces;
    private final PlanQuota quota;
    private final DocumentLinks links;

    QuotaStep(WorkspaceRepository workspaces, PlanQuota quota, DocumentLinks links) {
        this.workspaces = workspaces;
        this.quota = quota;
        this.links = links;
    }

    void run(Pass pass) {
        if (pass.stopped) {
            return;
        }
        List<PassItem> items = pass.items;
        List<PassItem> creating = items.stream()
                .filter(item -> item.coding != null && item.due.xeroId() == null && !item.due.cancelled())
                .toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (PassItem item : List.copyOf(items)) {
            if (item.due.cancelled() && item.due.xeroId() == null && !item.due.outcomeUnknown()) {
                outcomes.add(Outcome.of(item.due, DeliveryDecisions.neverInXero()));
                items.remove(item);
            }
        }
        if (!creating.isEmpty()) {
            Workspace workspace = workspaces.find(pass.workspaceId()).orElseThrow();
            int left = quota.remaining(workspace);
            for (PassItem item : creating) {
                if (left <= 0) {
                    outcomes.add(Outcome.of(item.due, DeliveryDecisions.overQuota(PlanQuota.FREE_PER_MONTH)));
                    items.remove(item);
                } else {
                    left--;
                }
            }
        }
        pass.apply(outcomes);
        for (PassItem item : items) {
            if (item.coding != null) {
                item.element = build(item, pass);
            }
        }
    }

    private XeroDocument build(PassItem item, Pass pass) {
        return item.due.creditNote()
                ? CreditNoteBuilder.build(item.due, item.document, item.coding, item.contactId, pass.settings)
                : InvoiceBuilder.build(item.due, item.document, item.coding, item.contactId, pass.settings,
                        links.url(item.due));
    }
}
