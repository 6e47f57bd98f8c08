package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.connection.TokenCipher;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.connection.XeroConnectionRepository;
import io.ledgerbridge.localstack.LocalStackMain;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The fault run: many orders — a third without invoice numbers, a quarter updated, a fifth paid (some in part) — to
 * a Xero that answers a share of writes 503 after doing them, holds a share past the client's timeout, answers a
 * share 500 before doing them (a 5xx it then remembers against the key), while the service is SIGKILLed once mid-run
 * and started again. At the end every document is in Xero exactly once, at its last version's total, and every
 * payment is applied exactly once. Prints its figures. {@code -Dfaultrun.orders=N} runs it bigger by hand.
 */
@WholeAppTest
class FaultRunIT {

    private static final int ORDERS = Integer.getInteger("faultrun.orders", 240);
    private static final int BUYERS = 30;

    @Autowired
    Environment environment;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String supplier = "fault-supplier-" + suffix;
    private ServiceProcess service;
    private SandboxClient sandbox;
    private UUID tenant;

    @AfterEach
    void stop() {
        if (sandbox != null && tenant != null) {
            sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + tenant + "\",\"errorRate\":0,"
                    + "\"errorAfterWorkRate\":0,\"timeoutRate\":0}");
        }
        if (service != null) {
            service.close();
        }
    }

    /** What the platform asked for, per order: its last version's total and its payment, if any. */
    private record Wanted(String orderId, String number, BigDecimal total, BigDecimal paid, String reference) {
    }

    @Test
    void manyOrdersThroughFaultsAndACrashReachXeroExactlyOnceWithTheirTotalsAndPayments() throws Exception {
        String sandboxUrl = environment.getRequiredProperty("ledgerbridge.demo-connections-from");
        sandbox = new SandboxClient(sandboxUrl);
        Map<String, String> extra = new HashMap<>(ServiceProcess.xeroAt(sandboxUrl));
        // a killed pass's claim runs out in 5 s; the client gives up on Xero after 2 s (held answers come after 3 s)
        extra.put("LEDGERBRIDGE_CLAIM_LEASE_SECONDS", "5");
        extra.put("XERO_TIMEOUT_MS", "2000");
        service = ServiceProcess.create(environment, "faultrun_" + suffix, "orders.events.faultrun-" + suffix, extra);
        Process first = service.start(1);
        ApiClient api = service.api();
        setUp(api);

        Instant started = Instant.now();
        Map<String, Wanted> wanted = new LinkedHashMap<>();
        List<ObjectNode> later = new ArrayList<>();
        try (KafkaTestClient kafka = new KafkaTestClient(service.brokers())) {
            for (int i = 0; i < ORDERS; i++) {
                String orderId = "fault-" + suffix + "-" + i;
                String number = i % 3 == 0 ? null : "INV-F" + suffix + "-" + i;
                kafka.sendAsync(service.topic(), supplier, order(orderId, number, i, 1, "invoice.generated", false, null).toString());
                boolean updated = i % 4 == 0;
                BigDecimal total = new BigDecimal(updated ? "71.49" : "62.49");
                int version = 1;
                if (updated) {
                    later.add(order(orderId, number, i, ++version, "order.updated", true, null));
                }
                BigDecimal paid = null;
                if (i % 5 == 0) {
                    paid = i % 10 == 0 ? new BigDecimal("20.00") : total;
                    later.add(order(orderId, number, i, ++version, "order.paid", updated, paid));
                }
                wanted.put(orderId, new Wanted(orderId, number, total, paid, paid == null ? null : "PAY-" + orderId));
            }
            kafka.flush();

            // Mid-run: a third of the documents in Xero, the rest on their way; the service is killed.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> synced() >= ORDERS / 3);
            ServiceProcess.kill(first);
            long syncedAtKill = synced();
            later.forEach(event -> kafka.sendAsync(service.topic(), supplier, event.toString()));
            kafka.flush();
            service.start(2);

            Instant[] reported = {Instant.now()};
            await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
                    .conditionEvaluationListener(condition -> {
                        if (Duration.between(reported[0], Instant.now()).toSeconds() >= 30) {
                            reported[0] = Instant.now();
                            System.out.println("Fault run, still on their way: " + unsettled());
                        }
                    })
                    .until(() -> done(wanted));
            Duration took = Duration.between(started, Instant.now());

            Map<String, Integer> faults = faultCounts();
            Map<String, List<JsonNode>> byUrl = new HashMap<>();
            for (JsonNode invoice : sandbox.documents(tenant).path("Invoices")) {
                byUrl.computeIfAbsent(invoice.path("Url").asText(), url -> new ArrayList<>()).add(invoice);
            }
            Map<String, String> documentIds = documentIds();
            int duplicates = 0;
            int lost = 0;
            int wrongTotals = 0;
            int wrongPayments = 0;
            String urlTemplate = "https://orders.example/ledgerbridge/documents/{documentId}";
            for (Wanted order : wanted.values()) {
                List<JsonNode> inXero = byUrl.getOrDefault(urlTemplate.replace("{documentId}", documentIds.get(order.orderId())),
                        List.of());
                if (inXero.isEmpty()) {
                    lost++;
                    continue;
                }
                duplicates += inXero.size() - 1;
                JsonNode invoice = inXero.get(0);
                if (invoice.path("Total").decimalValue().compareTo(order.total()) != 0) {
                    wrongTotals++;
                }
                List<JsonNode> payments = new ArrayList<>();
                invoice.path("Payments").forEach(payments::add);
                BigDecimal amountPaid = invoice.path("AmountPaid").decimalValue();
                boolean paymentRight = order.paid() == null ? payments.isEmpty() && amountPaid.signum() == 0
                        : payments.size() == 1 && amountPaid.compareTo(order.paid()) == 0
                                && order.reference().equals(payments.get(0).path("Reference").asText());
                if (!paymentRight) {
                    wrongPayments++;
                }
            }
            int strangers = (int) byUrl.keySet().stream().filter(url -> !url.startsWith(urlTemplate.replace("{documentId}", "")))
                    .count();
            System.out.printf("Fault run: %d orders (%d without a number, %d updated, %d paid, %d in part), %d events;"
                            + " service killed once with %d of %d documents in Xero; all settled %d s after the first event.%n"
                            + "  Xero's calls for the organisation: %s%n"
                            + "  in Xero: %d invoices; duplicates %d, lost %d, wrong totals %d, wrong or double payments %d,"
                            + " invoices not LedgerBridge's %d%n",
                    ORDERS, wanted.values().stream().filter(order -> order.number() == null).count(),
                    (ORDERS + 3) / 4, wanted.values().stream().filter(order -> order.paid() != null).count(),
                    wanted.values().stream().filter(order -> order.paid() != null && order.paid().compareTo(order.total()) < 0).count(),
                    ORDERS + later.size(), syncedAtKill, ORDERS, took.toSeconds(), faults,
                    byUrl.values().stream().mapToInt(List::size).sum(), duplicates, lost, wrongTotals, wrongPayments, strangers);
            assertThat(faults.getOrDefault("errorAfterWork", 0)).as("writes Xero did and answered 503").isPositive();
            assertThat(faults.getOrDefault("timeout", 0)).as("answers held past the client's timeout").isPositive();
            assertThat(duplicates).as("duplicates").isZero();
            assertThat(lost).as("lost").isZero();
            assertThat(wrongTotals).as("wrong totals").isZero();
            assertThat(wrongPayments).as("wrong or double payments").isZero();
            assertThat(strangers).isZero();
        }
    }

    private void setUp(ApiClient api) {
        ApiClient shared = new ApiClient("http://localhost:" + environment.getRequiredProperty("local.server.port"),
                "local-dev-token");
        assertThat(api.put("/api/v1/workspaces/" + supplier,
                "{\"name\":\"Fault Supplier\",\"roles\":[\"SUPPLIER\"],\"plan\":\"PRO\"}").status()).isEqualTo(201);
        // demo-supplier's settings: AUTHORISED, mark-as-paid on the clearing account 855
        assertThat(api.put("/api/v1/workspaces/" + supplier + "/settings",
                shared.get("/api/v1/workspaces/demo-supplier/settings").body()).status()).isEqualTo(200);
        api.put("/api/v1/workspaces/" + supplier + "/mappings/tax-rates/GST", "{\"sales\":\"OUTPUT\",\"purchases\":\"INPUT\"}");
        api.put("/api/v1/workspaces/" + supplier + "/mappings/tax-rates/GST_FREE",
                "{\"sales\":\"EXEMPTOUTPUT\",\"purchases\":\"EXEMPTEXPENSES\"}");
        tenant = UUID.fromString(SandboxClient.read(sandbox.control("POST", "/sandbox/tenants",
                "{\"name\":\"Fault Org " + suffix + "\"}")).get("tenantId").asText());
        JsonNode grant = sandbox.grant(tenant);
        new XeroConnectionRepository(JdbcClient.create(new DriverManagerDataSource(service.databaseUrl(), "postgres", "")),
                new TokenCipher(LocalStackMain.LOCAL_TOKEN_KEY))
                .save(new XeroConnection(supplier, tenant, "Fault Org", grant.get("access_token").asText(),
                        grant.get("refresh_token").asText(), Instant.now().plusSeconds(1800), XeroConnection.Status.CONNECTED, null));
        // Every kind of failure at once: done then answered 503, held past the client's timeout, 503 before the work.
        // Seeded: drawn at random, some runs of 28 calls had no timeout at all (1 in 7), and the run proved less than it
        // says. With seed 95 the calls from the 11th to the 25th (the writes) get two of each kind done-then-503 and
        // held-past-the-timeout, and one refused before the work, every run.
        sandbox.control("PUT", "/sandbox/faults", "{\"tenantId\":\"" + tenant + "\",\"status\":503,"
                + "\"errorRate\":0.05,\"errorAfterWorkRate\":0.12,\"timeoutRate\":0.08,\"timeoutMs\":3000,\"seed\":95}");
    }

    private ObjectNode order(String orderId, String number, int i, int version, String type, boolean updated,
                             BigDecimal payment) {
        ObjectNode event = OrderEvents.invoice(supplier, "unused", orderId, version);
        event.put("type", type);
        ObjectNode data = (ObjectNode) event.get("data");
        if (number == null) {
            data.remove("invoiceNumber");
        } else {
            data.put("invoiceNumber", number);
        }
        ObjectNode buyer = (ObjectNode) data.get("buyer");
        buyer.remove("workspaceId");
        buyer.remove("taxNumber");
        buyer.put("name", "Fault Cafe " + (i % BUYERS)).put("email", "cafe" + (i % BUYERS) + "@fault.example");
        if (updated) {
            ((ObjectNode) data.get("totals")).put("subtotal", new BigDecimal("69.90")).put("total", new BigDecimal("71.49"));
            ((ObjectNode) data.at("/lines/0")).put("quantity", 12);
        }
        if (payment != null) {
            data.set("payment", OrderEvents.payment(payment.toPlainString(), "2026-11-22", "PAY-" + orderId));
        }
        return event;
    }

    private long synced() throws Exception {
        try (Connection connection = service.database();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM documents WHERE xero_id IS NOT NULL")) {
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException notYetMigrated) {
            return 0;
        }
    }

    /** Every order's document settled at its last version: SYNCED, or PAID when it carries a payment. */
    private boolean done(Map<String, Wanted> wanted) throws Exception {
        Map<String, String> states = new HashMap<>();
        try (Connection connection = service.database();
             PreparedStatement query = connection.prepareStatement("SELECT order_id, state, version FROM documents");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                states.put(rows.getString(1), rows.getString(2));
            }
        }
        return states.size() == wanted.size() && wanted.values().stream()
                .allMatch(order -> (order.paid() == null ? "SYNCED" : "PAID").equals(states.get(order.orderId())));
    }

    /** What the documents not yet settled wait for: state, payment, unknown outcome, failures, seconds to go, error. */
    private List<String> unsettled() {
        List<String> lines = new ArrayList<>();
        try (Connection connection = service.database();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT state, coalesce(payment_state, '-'), outcome_unknown, count(*), max(failures),
                            round(extract(epoch FROM max(next_attempt_at - now()))), left(max(error), 120)
                       FROM documents WHERE state NOT IN ('SYNCED', 'PAID') GROUP BY 1, 2, 3""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                lines.add(rows.getString(1) + "/" + rows.getString(2) + (rows.getBoolean(3) ? "/unknown" : "") + " x"
                        + rows.getLong(4) + " failures<=" + rows.getInt(5) + " next<=" + rows.getString(6) + "s "
                        + rows.getString(7));
            }
        } catch (java.sql.SQLException e) {
            lines.add(e.getMessage());
        }
        return lines;
    }

    private Map<String, String> documentIds() throws Exception {
        Map<String, String> ids = new HashMap<>();
        try (Connection connection = service.database();
             PreparedStatement query = connection.prepareStatement("SELECT order_id, document_id FROM documents");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.put(rows.getString(1), rows.getString(2));
            }
        }
        return ids;
    }

    /** The organisation's calls by what the sandbox did to them: ok, errorAfterWork, timeout, error; and in all. */
    private Map<String, Integer> faultCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode call : sandbox.calls(tenant)) {
            String fault = call.path("fault").isNull() || call.path("fault").isMissingNode() ? "ok" : call.path("fault").asText();
            counts.merge(fault, 1, Integer::sum);
            counts.merge("all", 1, Integer::sum);
            if (call.path("replay").asBoolean(false)) {
                counts.merge("replayed by key", 1, Integer::sum);
            }
        }
        return counts;
    }
}
