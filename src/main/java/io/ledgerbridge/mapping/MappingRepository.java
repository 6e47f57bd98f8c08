package io.ledgerbridge.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.coding.Mappings;
import io.ledgerbridge.coding.Mappings.Direction;
import io.ledgerbridge.coding.Mappings.ItemMapping;
import io.ledgerbridge.coding.Mappings.TaxKey;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A workspace's mappings in PostgreSQL; every statement is per workspace. */
@Repository
public class MappingRepository {

    private static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public MappingRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record ItemRow(String key, String accountCode, String itemCode, Map<String, String> properties,
                          OffsetDateTime updatedAt) {
    }

    public record SupplierRow(String key, String accountCode, OffsetDateTime updatedAt) {
    }

    public record TaxRow(String key, String sales, String purchases, OffsetDateTime updatedAt) {
    }

    public record TrackingRow(String key, String xeroName, OffsetDateTime updatedAt) {
    }

    public void saveItem(String workspaceId, String key, String accountCode, String itemCode, Map<String, String> properties) {
        jdbc.sql("""
                INSERT INTO item_mappings (workspace_id, item_key, account_code, item_code, properties)
                VALUES (:ws, :key, :account, :item, CAST(:properties AS jsonb))
                ON CONFLICT (workspace_id, item_key) DO UPDATE
                   SET account_code = EXCLUDED.account_code, item_code = EXCLUDED.item_code,
                       properties = EXCLUDED.properties, updated_at = now()
                """)
                .param("ws", workspaceId).param("key", key).param("account", accountCode).param("item", itemCode)
                .param("properties", write(properties == null ? Map.of() : properties))
                .update();
    }

    public void saveSupplier(String workspaceId, String key, String accountCode) {
        jdbc.sql("""
                INSERT INTO supplier_mappings (workspace_id, supplier_key, account_code) VALUES (:ws, :key, :account)
                ON CONFLICT (workspace_id, supplier_key) DO UPDATE SET account_code = EXCLUDED.account_code, updated_at = now()
                """)
                .param("ws", workspaceId).param("key", key).param("account", accountCode)
                .update();
    }

    public void saveTax(String workspaceId, String key, String sales, String purchases) {
        jdbc.sql("""
                INSERT INTO tax_mappings (workspace_id, platform_code, sales_tax_type, purchases_tax_type)
                VALUES (:ws, :key, :sales, :purchases)
                ON CONFLICT (workspace_id, platform_code) DO UPDATE
                   SET sales_tax_type = EXCLUDED.sales_tax_type, purchases_tax_type = EXCLUDED.purchases_tax_type,
                       updated_at = now()
                """)
                .param("ws", workspaceId).param("key", key).param("sales", sales).param("purchases", purchases)
                .update();
    }

    public void saveTracking(String workspaceId, String key, String xeroName) {
        jdbc.sql("""
                INSERT INTO tracking_mappings (workspace_id, mapping_key, xero_name) VALUES (:ws, :key, :name)
                ON CONFLICT (workspace_id, mapping_key) DO UPDATE SET xero_name = EXCLUDED.xero_name, updated_at = now()
                """)
                .param("ws", workspaceId).param("key", key).param("name", xeroName)
                .update();
    }

    public List<ItemRow> items(String workspaceId, Optional<String> key) {
        return jdbc.sql("""
                SELECT item_key, account_code, item_code, properties::text AS properties, updated_at
                  FROM item_mappings WHERE workspace_id = :ws AND (CAST(:key AS text) IS NULL OR item_key = :key)
                 ORDER BY item_key
                """)
                .param("ws", workspaceId).param("key", key.orElse(null))
                .query((rs, row) -> new ItemRow(rs.getString("item_key"), rs.getString("account_code"),
                        rs.getString("item_code"), read(rs.getString("properties")),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .list();
    }

    public List<SupplierRow> suppliers(String workspaceId, Optional<String> key) {
        return jdbc.sql("""
                SELECT supplier_key AS key, account_code, updated_at FROM supplier_mappings
                 WHERE workspace_id = :ws AND (CAST(:key AS text) IS NULL OR supplier_key = :key) ORDER BY supplier_key
                """)
                .param("ws", workspaceId).param("key", key.orElse(null))
                .query(SupplierRow.class).list();
    }

    public List<TaxRow> taxRates(String workspaceId, Optional<String> key) {
        return jdbc.sql("""
                SELECT platform_code AS key, sales_tax_type AS sales, purchases_tax_type AS purchases, updated_at
                  FROM tax_mappings
                 WHERE workspace_id = :ws AND (CAST(:key AS text) IS NULL OR platform_code = :key) ORDER BY platform_code
                """)
                .param("ws", workspaceId).param("key", key.orElse(null))
                .query(TaxRow.class).list();
    }

    public List<TrackingRow> tracking(String workspaceId, Optional<String> key) {
        return jdbc.sql("""
                SELECT mapping_key AS key, xero_name, updated_at FROM tracking_mappings
                 WHERE workspace_id = :ws AND (CAST(:key AS text) IS NULL OR mapping_key = :key) ORDER BY mapping_key
                """)
                .param("ws", workspaceId).param("key", key.orElse(null))
                .query(TrackingRow.class).list();
    }

    /** @return true when a mapping was deleted */
    public boolean delete(String workspaceId, MappingKind kind, String key) {
        String sql = switch (kind) {
            case ITEMS -> "DELETE FROM item_mappings WHERE workspace_id = :ws AND item_key = :key";
            case SUPPLIERS -> "DELETE FROM supplier_mappings WHERE workspace_id = :ws AND supplier_key = :key";
            case TAX_RATES -> "DELETE FROM tax_mappings WHERE workspace_id = :ws AND platform_code = :key";
            case TRACKING -> "DELETE FROM tracking_mappings WHERE workspace_id = :ws AND mapping_key = :key";
        };
        return jdbc.sql(sql).param("ws", workspaceId).param("key", key).update() == 1;
    }

    /** Everything the coding of this workspace's documents needs. */
    public Mappings load(String workspaceId) {
        Map<String, ItemMapping> items = new HashMap<>();
        items(workspaceId, Optional.empty()).forEach(row ->
                items.put(row.key(), new ItemMapping(row.accountCode(), row.itemCode(), row.properties())));
        Map<String, String> suppliers = new HashMap<>();
        suppliers(workspaceId, Optional.empty()).forEach(row -> suppliers.put(row.key(), row.accountCode()));
        Map<TaxKey, String> tax = new HashMap<>();
        taxRates(workspaceId, Optional.empty()).forEach(row -> {
            if (row.sales() != null) {
                tax.put(new TaxKey(row.key(), Direction.SALES), row.sales());
            }
            if (row.purchases() != null) {
                tax.put(new TaxKey(row.key(), Direction.PURCHASES), row.purchases());
            }
        });
        Map<String, String> tracking = new HashMap<>();
        tracking(workspaceId, Optional.empty()).forEach(row -> tracking.put(row.key(), row.xeroName()));
        return new Mappings(items, suppliers, tax, tracking);
    }

    private String write(Map<String, String> properties) {
        try {
            return json.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Properties are not serialisable: " + e.getOriginalMessage(), e);
        }
    }

    private Map<String, String> read(String properties) {
        try {
            return json.readValue(properties, PROPERTIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored properties are not JSON: " + properties, e);
        }
    }
}
