package io.ledgerbridge.pull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerbridge.sync.SyncJob;
import io.ledgerbridge.sync.SyncScope;
import io.ledgerbridge.workspace.WorkspaceSettings;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The tax rates pull (F30): the organisation's tax rates, stored for the manual tax mapping (GET …/xero/tax-rates),
 * where one that no platform tax code maps to shows unmapped and one first seen in this pull shows new. Read in one
 * call, stored in one short transaction, and coding is told ({@link TaxRatesPulled}) so that it checks against them.
 */
@Component
class TaxRatesPull implements SyncJob {

    private final PullSupport support;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TaxRatesPull(PullSupport support, JdbcClient jdbc, ApplicationEventPublisher events,
                 PlatformTransactionManager transactions, Clock clock) {
        this.support = support;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public SyncScope scope() {
        return SyncScope.TAX_RATES;
    }

    @Override
    public Optional<String> notReady(String workspaceId) {
        return support.notReady(workspaceId, "taxRates", WorkspaceSettings.Modules::taxRates);
    }

    @Override
    public Map<String, Long> run(String workspaceId) {
        List<JsonNode> rates = support.all(workspaceId, "/TaxRates", "TaxRates");
        Instant now = clock.instant();
        long added = transaction.execute(status -> {
            long fresh = 0;
            for (JsonNode rate : rates) {
                fresh += store(workspaceId, rate, now) ? 1 : 0;
            }
            events.publishEvent(new TaxRatesPulled(workspaceId));
            return fresh;
        });
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("read", (long) rates.size());
        counts.put("new", added);
        return counts;
    }

    /** Stores one rate; true when it was not there before. */
    private boolean store(String workspaceId, JsonNode rate, Instant now) {
        BigDecimal effective = rate.hasNonNull("EffectiveRate") ? rate.get("EffectiveRate").decimalValue() : null;
        return Boolean.TRUE.equals(jdbc.sql("""
                INSERT INTO xero_tax_rates (workspace_id, tax_type, name, effective_rate, status, revenue, expenses,
                                            first_seen_at, pulled_at)
                VALUES (:ws, :type, :name, :rate, :status, :revenue, :expenses, :now, :now)
                ON CONFLICT (workspace_id, tax_type) DO UPDATE
                   SET name = EXCLUDED.name, effective_rate = EXCLUDED.effective_rate, status = EXCLUDED.status,
                       revenue = EXCLUDED.revenue, expenses = EXCLUDED.expenses, pulled_at = EXCLUDED.pulled_at
                RETURNING (xmax = 0)
                """)
                .param("ws", workspaceId).param("type", rate.path("TaxType").asText())
                .param("name", rate.path("Name").asText(rate.path("TaxType").asText()))
                .param("rate", effective).param("status", rate.path("Status").asText("ACTIVE"))
                .param("revenue", rate.path("CanApplyToRevenue").asBoolean(false))
                .param("expenses", rate.path("CanApplyToExpenses").asBoolean(false))
                .param("now", Timestamp.from(now))
                .query(Boolean.class).single());
    }
}
