package io.ledgerbridge.mapping;

import io.ledgerbridge.api.AccountCode;
import io.ledgerbridge.api.NotFoundException;
import io.ledgerbridge.mapping.MappingRepository.ItemRow;
import io.ledgerbridge.mapping.MappingRepository.SupplierRow;
import io.ledgerbridge.mapping.MappingRepository.TaxRow;
import io.ledgerbridge.mapping.MappingRepository.TrackingRow;
import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.workspace.AccountCheckResult;
import io.ledgerbridge.workspace.AccountChecked;
import io.ledgerbridge.workspace.AccountChecker;
import io.ledgerbridge.workspace.ReferenceCheck.TaxWanted;
import io.ledgerbridge.workspace.ReferenceCheck.TrackingWanted;
import io.ledgerbridge.workspace.Workspace;
import io.ledgerbridge.workspace.WorkspaceRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mappings of a workspace (CONTRACTS.md): {@code /mappings/{items|suppliers|tax-rates|tracking}/{key}}
 * with GET, PUT (create or replace) and DELETE, and a GET of each collection.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/mappings")
class MappingController {

    private final MappingRepository mappings;
    private final WorkspaceRepository workspaces;
    private final ApplicationEventPublisher events;
    private final AccountChecker accounts;
    private final TransactionTemplate transaction;

    public MappingController(MappingRepository mappings, WorkspaceRepository workspaces, ApplicationEventPublisher events,
                             AccountChecker accounts, PlatformTransactionManager transactions) {
        this.mappings = mappings;
        this.workspaces = workspaces;
        this.events = events;
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A new or changed mapping may be what waiting documents needed (F15): delivery releases drafts waiting for a GL
     * account and documents that failed coding, which are then approved by themselves once every line is coded.
     */
    private void changed(String workspaceId, MappingKind kind, String key) {
        events.publishEvent(new MappingChanged(workspaceId, kind, key));
    }

    /** An item (SKU): its account, optionally its Xero item code and product-level {@code xero_<Category>} tracking. */
    public record ItemMappingRequest(
            @AccountCode String accountCode,
            @Size(max = 30) String itemCode,
            Map<String, String> properties) {
    }

    /** A supplier's default account on the venue side. */
    public record SupplierMappingRequest(
            @NotBlank @AccountCode String accountCode) {
    }

    /** A platform tax code's Xero tax type on sales invoices and on bills. */
    public record TaxMappingRequest(@Size(max = 50) String sales, @Size(max = 50) String purchases) {
    }

    /** A tracking category ({@code Region}) or option ({@code Region:N}) alias to the organisation's name. */
    public record TrackingMappingRequest(@NotBlank @Size(max = 100) String xeroName) {
    }

    @GetMapping("/items")
    public List<ItemRow> items(@PathVariable String workspaceId) {
        requireWorkspace(workspaceId);
        return mappings.items(workspaceId, Optional.empty());
    }

    @GetMapping("/items/{key}")
    public ItemRow item(@PathVariable String workspaceId, @PathVariable String key) {
        requireWorkspace(workspaceId);
        return single(mappings.items(workspaceId, Optional.of(key)), MappingKind.ITEMS, workspaceId, key);
    }

    /**
     * Its account code is first checked against the organisation's chart, as an account of the lines the workspace's
     * roles make (sales for a supplier, purchases for a venue): outside the transaction, since it may call Xero.
     */
    @PutMapping("/items/{key}")
    public AccountChecked<ItemRow> putItem(@PathVariable String workspaceId, @PathVariable String key,
                                           @Valid @RequestBody ItemMappingRequest request) {
        Workspace workspace = workspace(workspaceId);
        if (blankToNull(request.accountCode()) == null && blankToNull(request.itemCode()) == null
                && (request.properties() == null || request.properties().isEmpty())) {
            throw new IllegalArgumentException("An item mapping needs an accountCode, an itemCode or properties.");
        }
        if (request.properties() != null && request.properties().keySet().stream().anyMatch(name -> !name.startsWith("xero_"))) {
            throw new IllegalArgumentException("Item properties are tracking: every name must start with xero_ (xero_<Category>).");
        }
        String accountCode = blankToNull(request.accountCode());
        AccountCheckResult check = accounts.check(workspaceId, accountCode == null ? List.of()
                        : List.of(MappingAccounts.item(key, accountCode, workspace.roles())), List.of(),
                itemTracking(workspaceId, request.properties()));
        ItemRow saved = transaction.execute(status -> {
            mappings.saveItem(workspaceId, key, accountCode, blankToNull(request.itemCode()), request.properties());
            changed(workspaceId, MappingKind.ITEMS, key);
            return item(workspaceId, key);
        });
        return new AccountChecked<>(saved, check);
    }

    @GetMapping("/suppliers")
    public List<SupplierRow> suppliers(@PathVariable String workspaceId) {
        requireWorkspace(workspaceId);
        return mappings.suppliers(workspaceId, Optional.empty());
    }

    @GetMapping("/suppliers/{key}")
    public SupplierRow supplier(@PathVariable String workspaceId, @PathVariable String key) {
        requireWorkspace(workspaceId);
        return single(mappings.suppliers(workspaceId, Optional.of(key)), MappingKind.SUPPLIERS, workspaceId, key);
    }

    /** Its account is checked as a purchases account (bills) before the transaction, as an item's is. */
    @PutMapping("/suppliers/{key}")
    public AccountChecked<SupplierRow> putSupplier(@PathVariable String workspaceId, @PathVariable String key,
                                                   @Valid @RequestBody SupplierMappingRequest request) {
        requireWorkspace(workspaceId);
        AccountCheckResult check = accounts.check(workspaceId,
                List.of(MappingAccounts.supplier(key, request.accountCode())));
        SupplierRow saved = transaction.execute(status -> {
            mappings.saveSupplier(workspaceId, key, request.accountCode());
            changed(workspaceId, MappingKind.SUPPLIERS, key);
            return supplier(workspaceId, key);
        });
        return new AccountChecked<>(saved, check);
    }

    @GetMapping("/tax-rates")
    public List<TaxRow> taxRates(@PathVariable String workspaceId) {
        requireWorkspace(workspaceId);
        return mappings.taxRates(workspaceId, Optional.empty());
    }

    @GetMapping("/tax-rates/{key}")
    public TaxRow taxRate(@PathVariable String workspaceId, @PathVariable String key) {
        requireWorkspace(workspaceId);
        return single(mappings.taxRates(workspaceId, Optional.of(key)), MappingKind.TAX_RATES, workspaceId, key);
    }

    /**
     * Its Xero tax types are first checked against the organisation's tax rates (active, and usable on sales or on
     * purchases as mapped), outside the transaction, since it may call Xero.
     */
    @PutMapping("/tax-rates/{key}")
    public AccountChecked<TaxRow> putTaxRate(@PathVariable String workspaceId, @PathVariable String key,
                                             @Valid @RequestBody TaxMappingRequest request) {
        requireWorkspace(workspaceId);
        String sales = blankToNull(request.sales());
        String purchases = blankToNull(request.purchases());
        if (sales == null && purchases == null) {
            throw new IllegalArgumentException("A tax mapping needs a Xero tax type for sales, purchases or both.");
        }
        List<TaxWanted> taxes = new ArrayList<>();
        if (sales != null) {
            taxes.add(new TaxWanted("sales", sales, true));
        }
        if (purchases != null) {
            taxes.add(new TaxWanted("purchases", purchases, false));
        }
        AccountCheckResult check = accounts.check(workspaceId, List.of(), taxes, List.of());
        TaxRow saved = transaction.execute(status -> {
            mappings.saveTax(workspaceId, key, sales, purchases);
            changed(workspaceId, MappingKind.TAX_RATES, key);
            return taxRate(workspaceId, key);
        });
        return new AccountChecked<>(saved, check);
    }

    @GetMapping("/tracking")
    public List<TrackingRow> tracking(@PathVariable String workspaceId) {
        requireWorkspace(workspaceId);
        return mappings.tracking(workspaceId, Optional.empty());
    }

    @GetMapping("/tracking/{key}")
    public TrackingRow trackingOne(@PathVariable String workspaceId, @PathVariable String key) {
        requireWorkspace(workspaceId);
        return single(mappings.tracking(workspaceId, Optional.of(key)), MappingKind.TRACKING, workspaceId, key);
    }

    /**
     * The name is first checked against the organisation's tracking: a category alias ({@code Region}) must name an
     * active category, an option alias ({@code Region:N}) an active option of its category (after that category's own
     * alias). Outside the transaction, since it may call Xero.
     */
    @PutMapping("/tracking/{key}")
    public AccountChecked<TrackingRow> putTracking(@PathVariable String workspaceId, @PathVariable String key,
                                                   @Valid @RequestBody TrackingMappingRequest request) {
        requireWorkspace(workspaceId);
        int colon = key.indexOf(':');
        TrackingWanted wanted = colon < 0 ? new TrackingWanted("xeroName", request.xeroName(), null)
                : new TrackingWanted("xeroName", categoryAlias(mappings.load(workspaceId).tracking(),
                key.substring(0, colon)), request.xeroName());
        AccountCheckResult check = accounts.check(workspaceId, List.of(), List.of(), List.of(wanted));
        TrackingRow saved = transaction.execute(status -> {
            mappings.saveTracking(workspaceId, key, request.xeroName());
            changed(workspaceId, MappingKind.TRACKING, key);
            return trackingOne(workspaceId, key);
        });
        return new AccountChecked<>(saved, check);
    }

    /** An item's {@code xero_<Category>} properties as Xero will be sent them, after the workspace's aliases. */
    private List<TrackingWanted> itemTracking(String workspaceId, Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return List.of();
        }
        Map<String, String> aliases = mappings.load(workspaceId).tracking();
        List<TrackingWanted> wanted = new ArrayList<>();
        properties.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                String category = name.substring("xero_".length());
                wanted.add(new TrackingWanted("properties." + name, categoryAlias(aliases, category),
                        aliases.getOrDefault(category + ":" + value, value)));
            }
        });
        return wanted;
    }

    private static String categoryAlias(Map<String, String> aliases, String category) {
        return aliases.getOrDefault(category, category);
    }

    @DeleteMapping("/{kind}/{key}")
    @Transactional
    public ResponseEntity<Void> delete(@PathVariable String workspaceId, @PathVariable String kind, @PathVariable String key) {
        requireWorkspace(workspaceId);
        MappingKind mappingKind = MappingKind.fromPath(kind);
        if (!mappings.delete(workspaceId, mappingKind, key)) {
            throw notFound(mappingKind, workspaceId, key);
        }
        changed(workspaceId, mappingKind, key);
        return ResponseEntity.noContent().build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> T single(List<T> rows, MappingKind kind, String workspaceId, String key) {
        return rows.stream().findFirst().orElseThrow(() -> notFound(kind, workspaceId, key));
    }

    private static NotFoundException notFound(MappingKind kind, String workspaceId, String key) {
        return new NotFoundException("Workspace '" + workspaceId + "' has no " + kind.path() + " mapping '" + key
                + "'. " + createIt(kind, workspaceId, key));
    }

    private static String createIt(MappingKind kind, String workspaceId, String key) {
        return switch (kind) {
            case ITEMS -> FixHints.createItemMapping(workspaceId, key);
            case SUPPLIERS -> FixHints.createSupplierMapping(workspaceId, key);
            case TAX_RATES -> FixHints.createTaxRateMapping(workspaceId, key);
            case TRACKING -> FixHints.createTrackingMapping(workspaceId, key);
        };
    }

    private Workspace workspace(String workspaceId) {
        return workspaces.find(workspaceId).orElseThrow(() -> NotFoundException.workspace(workspaceId));
    }

    private void requireWorkspace(String workspaceId) {
        if (!workspaces.exists(workspaceId)) {
            throw NotFoundException.workspace(workspaceId);
        }
    }
}
