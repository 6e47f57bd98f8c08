package io.ledgerbridge.pull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerbridge.mapping.MappingRepository;
import io.ledgerbridge.sync.SyncJob;
import io.ledgerbridge.sync.SyncScope;
import io.ledgerbridge.workspace.WorkspaceSettings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The items pull (F29): every item of the organisation, every time, goes out on xero.products with its code, name, unit
 * price, sales account, tax (Xero's type and the platform code mapped to it) and description; one no item mapping
 * knows is marked for the platform's "Unsorted" category.
 */
@Component
class ItemsPull implements SyncJob {

    static final String ENDPOINT = "direct:publish-products";

    private final PullSupport support;
    private final MappingRepository mappings;

    ItemsPull(PullSupport support, MappingRepository mappings) {
        this.support = support;
        this.mappings = mappings;
    }

    @Override
    public SyncScope scope() {
        return SyncScope.ITEMS;
    }

    @Override
    public Optional<String> notReady(String workspaceId) {
        return support.notReady(workspaceId, "items", WorkspaceSettings.Modules::items);
    }

    @Override
    public Map<String, Long> run(String workspaceId) {
        List<JsonNode> items = support.all(workspaceId, "/Items", "Items");
        Set<String> known = mappings.items(workspaceId, Optional.empty()).stream()
                .map(MappingRepository.ItemRow::itemCode).filter(code -> code != null && !code.isBlank())
                .collect(Collectors.toSet());
        Map<String, String> taxCodes = new HashMap<>();
        mappings.taxRates(workspaceId, Optional.empty()).forEach(tax -> {
            if (tax.sales() != null) {
                taxCodes.putIfAbsent(tax.sales(), tax.key());
            }
        });
        List<String> records = items.stream()
                .map(item -> PulledRecords.product(workspaceId, item, known, taxCodes).toString()).toList();
        support.publish(ENDPOINT, workspaceId, records);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("read", (long) items.size());
        counts.put("published", (long) records.size());
        counts.put("unsorted", items.stream().filter(item -> !known.contains(item.path("Code").asText())).count());
        return counts;
    }
}
