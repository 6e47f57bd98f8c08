package io.ledgerbridge.delivery;

import io.ledgerbridge.connection.TokenService;
import io.ledgerbridge.mapping.MappingRepository;
import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.sync.SyncJob;
import io.ledgerbridge.sync.SyncScope;
import io.ledgerbridge.workspace.WorkspaceRepository;
import io.ledgerbridge.workspace.WorkspaceSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoice push a person starts (POST …/sync/invoice-push, F26): the documents waiting for a manual sync go, and
 * every due one goes now rather than after its backoff. It needs invoice push on, a usable connection, and a tax
 * mapping for every platform tax code on what waits to go; without them it is refused with what to do first.
 */
@Component
class InvoicePushJob implements SyncJob {

    private final DeliveryRepository documents;
    private final WorkspaceRepository workspaces;
    private final TokenService tokens;
    private final MappingRepository mappings;

    InvoicePushJob(DeliveryRepository documents, WorkspaceRepository workspaces, TokenService tokens,
                   MappingRepository mappings) {
        this.documents = documents;
        this.workspaces = workspaces;
        this.tokens = tokens;
        this.mappings = mappings;
    }

    @Override
    public SyncScope scope() {
        return SyncScope.INVOICE_PUSH;
    }

    @Override
    public Optional<String> notReady(String workspaceId) {
        WorkspaceSettings settings = workspaces.settings(workspaceId).orElse(null);
        if (settings == null || !settings.modules().invoicePush()) {
            return Optional.of("Invoice push is off, so nothing would go. " + FixHints.TURN_INVOICE_PUSH_ON);
        }
        Optional<String> unreachable = tokens.whyUnreachable(workspaceId);
        if (unreachable.isPresent()) {
            return unreachable;
        }
        return unmappedTaxCode(workspaceId);
    }

    /**
     * The tax mapping is a prerequisite of the push (the module chain's "manual tax mapping"): a platform tax code on a
     * document waiting to go, with no Xero tax rate for its direction, would only fail it.
     */
    private Optional<String> unmappedTaxCode(String workspaceId) {
        Map<String, MappingRepository.TaxRow> mapped = new LinkedHashMap<>();
        mappings.taxRates(workspaceId, Optional.empty()).forEach(row -> mapped.put(row.key(), row));
        for (DeliveryRepository.TaxCodeInUse used : documents.taxCodesWaiting(workspaceId)) {
            boolean sales = used.xeroType().startsWith("ACCREC");
            MappingRepository.TaxRow row = mapped.get(used.taxCode());
            String rate = row == null ? null : sales ? row.sales() : row.purchases();
            if (rate == null || rate.isBlank()) {
                return Optional.of("Platform tax code " + used.taxCode() + " is on documents waiting to go and has no Xero"
                        + " tax rate for " + (sales ? "sales" : "purchases") + ", so they would fail. "
                        + FixHints.mapTaxCode(used.taxCode(), sales));
            }
        }
        return Optional.empty();
    }

    @Override
    @Transactional
    public Map<String, Long> run(String workspaceId) {
        int[] released = documents.releaseForManualSync(workspaceId);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("released", (long) released[0]);
        counts.put("dueNow", (long) released[1]);
        return counts;
    }
}
