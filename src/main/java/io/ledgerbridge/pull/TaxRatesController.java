package io.ledgerbridge.pull;

import io.ledgerbridge.api.NotFoundException;
import io.ledgerbridge.mapping.MappingRepository;
import io.ledgerbridge.workspace.WorkspaceRepository;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's tax rates as last pulled, for the manual tax mapping: each with the platform tax codes mapped to
 * it (for sales or purchases), {@code unmapped} when there are none, and {@code new} when the last pull saw it first.
 */
@RestController
class TaxRatesController {

    /** One Xero tax rate. */
    record TaxRateView(String taxType, String name, BigDecimal effectiveRate, String status, boolean canApplyToRevenue,
                       boolean canApplyToExpenses, List<String> mappedFromSales, List<String> mappedFromPurchases,
                       boolean unmapped, boolean isNew, OffsetDateTime pulledAt) {
    }

    private final JdbcClient jdbc;
    private final MappingRepository mappings;
    private final WorkspaceRepository workspaces;

    TaxRatesController(JdbcClient jdbc, MappingRepository mappings, WorkspaceRepository workspaces) {
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.workspaces = workspaces;
    }

    @GetMapping("/api/v1/workspaces/{workspaceId}/xero/tax-rates")
    List<TaxRateView> list(@PathVariable String workspaceId) {
        if (!workspaces.exists(workspaceId)) {
            throw NotFoundException.workspace(workspaceId);
        }
        List<MappingRepository.TaxRow> mapped = mappings.taxRates(workspaceId, Optional.empty());
        return jdbc.sql("""
                SELECT tax_type, name, effective_rate, status, revenue, expenses, first_seen_at, pulled_at,
                       first_seen_at = (SELECT max(pulled_at) FROM xero_tax_rates WHERE workspace_id = :ws) AS fresh
                  FROM xero_tax_rates WHERE workspace_id = :ws ORDER BY tax_type
                """)
                .param("ws", workspaceId)
                .query((rs, n) -> {
                    String type = rs.getString("tax_type");
                    List<String> sales = new ArrayList<>();
                    List<String> purchases = new ArrayList<>();
                    for (MappingRepository.TaxRow row : mapped) {
                        if (type.equals(row.sales())) {
                            sales.add(row.key());
                        }
                        if (type.equals(row.purchases())) {
                            purchases.add(row.key());
                        }
                    }
                    return new TaxRateView(type, rs.getString("name"), rs.getBigDecimal("effective_rate"),
                            rs.getString("status"), rs.getBoolean("revenue"), rs.getBoolean("expenses"), sales, purchases,
                            sales.isEmpty() && purchases.isEmpty(), rs.getBoolean("fresh"),
                            rs.getObject("pulled_at", OffsetDateTime.class));
                })
                .list();
    }
}
