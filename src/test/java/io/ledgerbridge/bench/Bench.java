package io.ledgerbridge.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.connection.TokenCipher;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.connection.XeroConnectionRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The load driver of the three benchmarks of issue 4 ({@code bench/bench.sh} starts the stack and the service,
 * then runs this). It talks to the service only as the platform and an operator would: order events on Kafka,
 * workspaces, settings and mappings through the HTTP API. Connecting a workspace to a sandbox organisation is
 * the one shortcut: the connect flow (F1) is not built yet, so the driver mints a grant through the sandbox's
 * control surface and stores it with the service's own repository and cipher, as the demo workspaces are.
 * Progress is read from the service's database (documents.updated_at of the SYNCED row) and from the
 * sandbox's call log (429s); figures are printed at the end.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String service = env("BENCH_SERVICE", "http://localhost:28080");
    private final String token = env("BENCH_TOKEN", "bench");
    private final String sandbox = env("BENCH_SANDBOX", "http://localhost:28089");
    private final JdbcClient db;
    private final XeroConnectionRepository connections;
    private final KafkaProducer<String, String> producer;
    private final ObjectNode sample;
    /** When each order's event went to Kafka, by workspace and order id. */
    private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();

    private Bench() throws IOException, SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(env("BENCH_DATABASE_URL", "jdbc:postgresql://localhost:25432/ledgerbridge"));
        dataSource.setUser("postgres");
        // one connection for all the driver's progress queries: a new one each time forks a PostgreSQL backend,
        // CPU the figures would count against the service
        db = JdbcClient.create(new SingleConnectionDataSource(dataSource.getConnection(), true));
        connections = new XeroConnectionRepository(db, new TokenCipher(env("BENCH_TOKEN_KEY", "")));
        Properties kafka = new Properties();
        kafka.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env("BENCH_KAFKA", "localhost:29092"));
        kafka.put(ProducerConfig.ACKS_CONFIG, "all");
        kafka.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        kafka.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        kafka.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(kafka);
        sample = (ObjectNode) JSON.readTree(Files.readString(Path.of("samples/invoice-generated.json")));
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Bench bench = new Bench();
        switch (mode) {
            case "ceiling" -> bench.ceiling(Integer.parseInt(env("BENCH_DOCUMENTS", "6000")), "bench-ceiling",
                    Integer.parseInt(env("BENCH_WARMUP", "500")));
            case "baseline" -> bench.ceiling(Integer.parseInt(env("BENCH_DOCUMENTS", "180")), "bench-baseline",
                    Integer.parseInt(env("BENCH_WARMUP", "0")));
            case "fairness" -> bench.fairness();
            case "overhead" -> bench.overhead(Integer.parseInt(env("BENCH_DOCUMENTS", "30000")));
            default -> {
                System.err.println("usage: Bench ceiling|baseline|fairness|overhead");
                System.exit(2);
            }
        }
        bench.producer.close();
        System.exit(0);
    }

    // ---- the three benchmarks ----

    /**
     * One supplier, a backlog of documents to 50 buyers, Xero's real limits: documents per minute and 429s.
     * With {@code warmUp} documents, another supplier with an organisation of its own goes first, so the service
     * has been running (a freshly started JVM took about 1 s longer to its first call); the measured tenant is still
     * new to the service and to Xero, and makes its own set-up calls.
     */
    private void ceiling(int documents, String workspace, int warmUp) throws Exception {
        if (warmUp > 0) {
            workspace("bench-warmup", "Warm-up Supplier");
            for (int i = 0; i < warmUp; i++) {
                send("bench-warmup", "venue-" + (i % 50), "warm-" + i);
            }
            producer.flush();
            awaitSynced(List.of("bench-warmup"), warmUp, Duration.ofMinutes(5));
            System.out.printf(Locale.ROOT, "warm-up: %d documents of another tenant synced%n", warmUp);
        }
        UUID tenant = workspace(workspace, "Ceiling Supplier");
        Instant start = Instant.now();
        for (int i = 0; i < documents; i++) {
            send(workspace, "venue-" + (i % 50), "ord-" + i);
        }
        producer.flush();
        System.out.printf(Locale.ROOT, "sent %d events in %d ms%n", documents, Duration.between(start, Instant.now()).toMillis());
        List<Instant> synced = awaitSynced(List.of(workspace), documents, Duration.ofMinutes(30));
        Instant first = synced.get(0);
        Instant last = synced.get(synced.size() - 1);
        Instant tenth = synced.get(synced.size() / 10);
        Instant ninetieth = synced.get(synced.size() * 9 / 10);
        Calls calls = calls(tenant);
        System.out.println("== " + workspace);
        System.out.printf(Locale.ROOT, "documents synced:            %d%n", synced.size());
        System.out.printf(Locale.ROOT, "first event -> last synced:  %.1f s%n", seconds(start, last));
        System.out.printf(Locale.ROOT, "documents/min, whole run:    %.0f%n", synced.size() * 60 / seconds(start, last));
        System.out.printf(Locale.ROOT, "documents/min, 10%%..90%%:     %.0f%n",
                (synced.size() * 0.8) * 60 / seconds(tenth, ninetieth));
        System.out.printf(Locale.ROOT, "first document synced after: %.1f s%n", seconds(start, first));
        System.out.printf(Locale.ROOT, "Xero calls: %d, of them 429: %d, busiest 60 s window: %d calls; %s%n",
                calls.total, calls.throttled, calls.busiestMinute, calls.byKind);
        System.out.printf(Locale.ROOT, "a pass: the sandbox answered POST /Invoices in p50 %d ms; from one answer to the next call p50 %d ms%n",
                calls.invoiceCallMedianMs, calls.betweenCallsMedianMs);
        // The pacer lets a call start 61.2 s after the call 60 before it: how the first calls are spread is how
        // every later window's calls are spread, so a slow cold start shows again at the end of the run.
        System.out.printf(Locale.ROOT, "calls 1-10 started at ms %s; calls 121-126 at ms %s (after the first)%n",
                calls.startsAfterFirst().subList(0, Math.min(10, calls.startsAfterFirst().size())),
                calls.startsAfterFirst().subList(Math.min(120, calls.startsAfterFirst().size()), calls.startsAfterFirst().size()));
    }

    /**
     * 20 tenants: one with a 10,000-document backlog, one whose Xero answers 503, 18 with a steady trickle.
     * Latency of each trickle document: its event sent to its SYNCED row.
     */
    private void fairness() throws Exception {
        int backlog = Integer.parseInt(env("BENCH_BACKLOG", "10000"));
        int perTenant = Integer.parseInt(env("BENCH_TRICKLE_PER_TENANT", "30"));
        UUID heavyTenant = workspace("bench-heavy", "Heavy Supplier");
        UUID brokenTenant = workspace("bench-broken", "Broken Supplier");
        put(sandbox + "/sandbox/faults", "{\"tenantId\":\"" + brokenTenant + "\",\"errorRate\":1,\"status\":503}");
        List<String> others = new ArrayList<>();
        for (int i = 1; i <= 18; i++) {
            String id = "bench-tenant-%02d".formatted(i);
            workspace(id, "Supplier " + i);
            others.add(id);
        }
        Instant start = Instant.now();
        for (int i = 0; i < backlog; i++) {
            send("bench-heavy", "venue-" + (i % 50), "heavy-" + i);
        }
        producer.flush();
        awaitRecorded(List.of("bench-heavy"), backlog, Duration.ofMinutes(10));
        System.out.printf(Locale.ROOT, "backlog of %d recorded in %.1f s; the trickle starts%n", backlog, seconds(start, Instant.now()));
        // Each of the 18 tenants: one order every 2 s, staggered; the broken tenant gets the same trickle.
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<String> trickling = new ArrayList<>(others);
        trickling.add("bench-broken");
        Map<String, Integer> counts = new HashMap<>();
        for (int t = 0; t < trickling.size(); t++) {
            String workspace = trickling.get(t);
            counts.put(workspace, 0);
            timer.scheduleAtFixedRate(() -> {
                synchronized (counts) {
                    int n = counts.get(workspace);
                    if (n < perTenant) {
                        send(workspace, "venue-" + (n % 5), workspace + "-" + n);
                        producer.flush();
                        counts.put(workspace, n + 1);
                    }
                }
            }, t * 2000L / trickling.size(), 2000, TimeUnit.MILLISECONDS);
        }
        List<Instant> ignored = awaitSynced(others, others.size() * perTenant, Duration.ofMinutes(10));
        timer.shutdownNow();
        List<Long> latencies = latencies(others);
        Instant now = Instant.now();
        int heavySynced = count("bench-heavy", "SYNCED");
        System.out.println("== fairness");
        System.out.printf(Locale.ROOT, "other tenants: %d documents, latency event -> synced: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                latencies.size(), percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                latencies.get(latencies.size() - 1));
        System.out.printf(Locale.ROOT, "heavy tenant: %d of %d synced %.0f s after its backlog was sent (%s 429s)%n",
                heavySynced, backlog, seconds(start, now), calls(heavyTenant).throttled);
        System.out.printf(Locale.ROOT, "broken tenant (503): %d documents, states %s, none lost: %s%n",
                perTenant, states("bench-broken"), states("bench-broken").values().stream().mapToInt(Integer::intValue).sum() == perTenant);
        System.out.printf(Locale.ROOT, "first trickle doc of each tenant (cold start) p100: %d ms%n", coldStarts(others));
        if (!ignored.isEmpty() && Boolean.parseBoolean(env("BENCH_DRAIN", "false"))) {
            awaitSynced(List.of("bench-heavy"), backlog, Duration.ofMinutes(30));
        }
    }

    /** Limits and faults off: how fast documents go from Kafka to the sandbox, and the service's CPU per document. */
    private void overhead(int documents) throws Exception {
        int tenants = Integer.parseInt(env("BENCH_TENANTS", "10"));
        List<String> workspaces = new ArrayList<>();
        List<UUID> organisations = new ArrayList<>();
        for (int i = 1; i <= tenants; i++) {
            String id = "bench-fast-%02d".formatted(i);
            organisations.add(workspace(id, "Fast Supplier " + i));
            workspaces.add(id);
        }
        // Warm-up, as in steady operation: each tenant's organisation and contacts are read once, then a first
        // round of documents lets both JVMs compile their hot code (the JIT alone took 0.66 CPU-ms per document
        // of a cold 20,000-document run). Only what follows is measured.
        int warmUp = Integer.parseInt(env("BENCH_WARMUP", "20000"));
        for (String workspace : workspaces) {
            for (int v = 0; v < 50; v++) {
                send(workspace, "venue-" + v, "warm-" + workspace + "-" + v);
            }
        }
        producer.flush();
        awaitSynced(workspaces, workspaces.size() * 50, Duration.ofMinutes(5));
        for (int i = 0; i < warmUp; i++) {
            send(workspaces.get(i % workspaces.size()), "venue-" + (i / workspaces.size() % 50), "warm-" + i);
        }
        producer.flush();
        int before = workspaces.size() * 50 + warmUp;
        awaitSynced(workspaces, before, Duration.ofMinutes(10));
        System.out.printf(Locale.ROOT, "warm-up: %d documents synced%n", before);
        long pid = Long.parseLong(env("BENCH_SERVICE_PID", "0"));
        long stackPid = Long.parseLong(env("BENCH_STACK_PID", "0"));
        // The events are written before the clock starts: making them is the platform's work, not LedgerBridge's.
        List<String> events = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            events.add(event(workspaces.get(i % workspaces.size()), "venue-" + (i / workspaces.size() % 50), "fast-" + i));
        }
        Map<String, Long> threadsBefore = threadCpuMillis(pid);
        Map<String, Long> stackThreadsBefore = threadCpuMillis(stackPid);
        long cpuBefore = cpuMillis(pid);
        long stackBefore = cpuMillis(stackPid);
        long postgresBefore = postgresCpuMillis();
        long machineBefore = machineCpuMillis();
        long stealBefore = stealMillis();
        Instant start = Instant.now();
        for (int i = 0; i < documents; i++) {
            sendEvent(workspaces.get(i % workspaces.size()), "fast-" + i, events.get(i));
        }
        producer.flush();
        Instant sent = Instant.now();
        Instant recorded = awaitRecorded(workspaces, documents + before, Duration.ofMinutes(10));
        List<Instant> synced = awaitSynced(workspaces, documents + before, Duration.ofMinutes(30));
        Instant last = synced.get(synced.size() - 1);
        long cpu = cpuMillis(pid) - cpuBefore;
        long stack = cpuMillis(stackPid) - stackBefore;
        long postgres = postgresCpuMillis() - postgresBefore;
        long machine = machineCpuMillis() - machineBefore;
        long steal = stealMillis() - stealBefore;
        System.out.println("== overhead");
        System.out.printf(Locale.ROOT, "%d documents over %d tenants; events sent in %.1f s (%.0f/s)%n", documents, tenants,
                seconds(start, sent), documents / seconds(start, sent));
        System.out.printf(Locale.ROOT, "all recorded after %.1f s: intake %.0f documents/s%n", seconds(start, recorded),
                documents / seconds(start, recorded));
        System.out.printf(Locale.ROOT, "all synced after %.1f s: end to end %.0f documents/s%n", seconds(start, last),
                documents / seconds(start, last));
        if (pid > 0) {
            System.out.printf(Locale.ROOT, "service JVM CPU: %d ms, %.2f CPU-ms per document%n", cpu, (double) cpu / documents);
        }
        System.out.printf(Locale.ROOT, "whole machine CPU (service, stack, sandbox, PostgreSQL, driver): %d ms, %.2f CPU-ms per document"
                + " (steal, not counted: %d ms)%n", machine, (double) machine / documents, steal);
        if (stackPid > 0) {
            System.out.printf(Locale.ROOT, "  of it: stack JVM (Kafka broker and Xero sandbox) %.2f, PostgreSQL %.2f CPU-ms per document%n",
                    (double) stack / documents, (double) postgres / documents);
        }
        long invoiceCalls = 0;
        for (UUID organisation : organisations) {
            invoiceCalls += calls(organisation).invoiceCallStarts().stream().filter(at -> at >= start.toEpochMilli()).count();
        }
        System.out.printf(Locale.ROOT, "POST /Invoices calls in the run: %d, %.1f documents per call%n", invoiceCalls,
                (double) documents / Math.max(1, invoiceCalls));
        printThreads("service JVM", threadsBefore, threadCpuMillis(pid), documents);
        printThreads("stack JVM", stackThreadsBefore, threadCpuMillis(stackPid), documents);
    }

    /** Where a JVM's CPU went during the run, by kind of thread (JIT, GC, lanes, Kafka ...), largest first. */
    private static void printThreads(String process, Map<String, Long> before, Map<String, Long> after, int documents) {
        if (after.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("  " + process + " CPU-ms per document by thread:");
        after.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() - before.getOrDefault(entry.getKey(), 0L)))
                .filter(entry -> entry.getValue() * 100 >= (long) documents) // 0.01 ms per document and more
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> line.append(String.format(Locale.ROOT, " %s %.2f;", entry.getKey(),
                        (double) entry.getValue() / documents)));
        System.out.println(line);
    }

    /** CPU time of each thread of a process, summed by thread name with digits folded ("C2 CompilerThre#"). */
    private static Map<String, Long> threadCpuMillis(long pid) throws IOException {
        Map<String, Long> threads = new java.util.TreeMap<>();
        if (pid <= 0) {
            return threads;
        }
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("\\d+", "#");
                    threads.merge(name, statCpuMillis(task.resolve("stat")), Long::sum);
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return threads;
    }

    // ---- set-up through the API and the sandbox's control surface ----

    /**
     * A PRO supplier workspace with the demo supplier's settings and tax mapping (the benchmarks measure the product jar,
     * which seeds no demo workspace), connected to a new sandbox organisation.
     */
    private static final String SUPPLIER_SETTINGS = """
            {"salesAccount":"200","defaultExpenseAccount":"310","freightAccount":"260","surchargeAccount":"260",
             "clearingAccount":"855","invoiceDefaultStatus":"AUTHORISED","autoApproveBills":false,"automaticSync":true,
             "markAsPaid":true,"modules":{"taxRates":true,"items":true,"contacts":true,"invoicePush":true,"invoicePull":true},
             "contactPhoneField":"DEFAULT","contactAddressField":"BILLING"}""";

    private UUID workspace(String id, String name) throws Exception {
        request("PUT", service + "/api/v1/workspaces/" + id,
                "{\"name\":\"" + name + "\",\"roles\":[\"SUPPLIER\"],\"plan\":\"PRO\",\"financeEmail\":\"ap@" + id + ".example\"}");
        request("PUT", service + "/api/v1/workspaces/" + id + "/settings", SUPPLIER_SETTINGS);
        request("PUT", service + "/api/v1/workspaces/" + id + "/mappings/tax-rates/GST",
                "{\"sales\":\"OUTPUT\",\"purchases\":\"INPUT\"}");
        request("PUT", service + "/api/v1/workspaces/" + id + "/mappings/tax-rates/GST_FREE",
                "{\"sales\":\"EXEMPTOUTPUT\",\"purchases\":\"EXEMPTEXPENSES\"}");
        UUID tenant = UUID.fromString(JSON.readTree(post(sandbox + "/sandbox/tenants", "{\"name\":\"" + name + "\"}"))
                .path("tenantId").asText());
        JsonNode grant = JSON.readTree(post(sandbox + "/sandbox/tokens", "{\"tenantIds\":[\"" + tenant + "\"]}"));
        connections.save(new XeroConnection(id, tenant, name, grant.path("access_token").asText(),
                grant.path("refresh_token").asText(), Instant.now().plusSeconds(grant.path("expires_in").asLong()),
                XeroConnection.Status.CONNECTED, null));
        return tenant;
    }

    /** An invoice.generated event from the supplier workspace to a buyer that is not a LedgerBridge workspace. */
    private void send(String supplier, String buyer, String orderId) {
        sendEvent(supplier, orderId, event(supplier, buyer, orderId));
    }

    private void sendEvent(String supplier, String orderId, String event) {
        sentAt.put(supplier + "|" + orderId, Instant.now());
        producer.send(new ProducerRecord<>("orders.events", supplier, event));
    }

    private String event(String supplier, String buyer, String orderId) {
        ObjectNode event = sample.deepCopy();
        event.put("id", "evt-" + UUID.randomUUID());
        event.put("subject", orderId);
        event.put("time", Instant.now().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("orderId", orderId);
        data.put("invoiceNumber", "INV-" + orderId);
        ((ObjectNode) data.get("supplier")).put("workspaceId", supplier);
        // a buyer outside LedgerBridge (no workspace of its own): the supplier's invoice only, as before intake
        // gave a side naming an unknown workspace a dead letter of its own
        ObjectNode party = (ObjectNode) data.get("buyer");
        party.remove("workspaceId");
        party.put("name", "Venue " + buyer).put("email", "ap@" + buyer + ".example")
                .put("taxNumber", String.valueOf(10_000_000_000L + Math.abs(buyer.hashCode() % 1_000_000_000L)));
        return event.toString();
    }

    // ---- progress and figures ----

    private List<Instant> awaitSynced(List<String> workspaces, int expected, Duration atMost) {
        AtomicReference<Instant> lastReport = new AtomicReference<>(Instant.now());
        // Counted once a second while waiting, the times read from the rows at the end: the driver's own queries
        // stay small next to the service's, and the figures do not depend on how often it looks.
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1))
                .conditionEvaluationListener(condition -> {
                    if (Duration.between(lastReport.get(), Instant.now()).toSeconds() >= 10) {
                        System.out.printf(Locale.ROOT, "  ... states %s%n", states(workspaces));
                        lastReport.set(Instant.now());
                    }
                })
                .until(() -> db.sql("SELECT count(*) FROM documents WHERE workspace_id IN (:ws) AND state = 'SYNCED'")
                        .param("ws", workspaces).query(Integer.class).single(), synced -> synced >= expected);
        return db.sql("SELECT updated_at FROM documents WHERE workspace_id IN (:ws) AND state = 'SYNCED' ORDER BY updated_at")
                .param("ws", workspaces).query(Timestamp.class).list().stream().map(Timestamp::toInstant).toList();
    }

    /** @return when the last of them was recorded (the start of the transaction that stored it) */
    private Instant awaitRecorded(List<String> workspaces, int expected, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1))
                .until(() -> db.sql("SELECT count(*) FROM documents WHERE workspace_id IN (:ws)").param("ws", workspaces)
                        .query(Integer.class).single() >= expected);
        return db.sql("SELECT max(created_at) FROM documents WHERE workspace_id IN (:ws)").param("ws", workspaces)
                .query(Timestamp.class).single().toInstant();
    }

    private List<Long> latencies(List<String> workspaces) {
        List<Long> latencies = new ArrayList<>();
        db.sql("SELECT workspace_id, order_id, updated_at FROM documents WHERE workspace_id IN (:ws) AND state = 'SYNCED'")
                .param("ws", workspaces)
                .query((row, n) -> {
                    Instant sent = sentAt.get(row.getString(1) + "|" + row.getString(2));
                    latencies.add(Duration.between(sent, row.getTimestamp(3).toInstant()).toMillis());
                    return null;
                }).list();
        latencies.sort(null);
        return latencies;
    }

    private long coldStarts(List<String> workspaces) {
        return db.sql("SELECT workspace_id, order_id, updated_at FROM documents WHERE workspace_id IN (:ws) AND order_id LIKE '%-0'")
                .param("ws", workspaces)
                .query((row, n) -> Duration.between(sentAt.get(row.getString(1) + "|" + row.getString(2)),
                        row.getTimestamp(3).toInstant()).toMillis())
                .list().stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    private int count(String workspace, String state) {
        return db.sql("SELECT count(*) FROM documents WHERE workspace_id = :ws AND state = :state")
                .param("ws", workspace).param("state", state).query(Integer.class).single();
    }

    private Map<String, Integer> states(String workspace) {
        return states(List.of(workspace));
    }

    private Map<String, Integer> states(List<String> workspaces) {
        Map<String, Integer> states = new HashMap<>();
        db.sql("SELECT state || coalesce('/' || waiting_reason, ''), count(*) FROM documents WHERE workspace_id IN (:ws) GROUP BY 1")
                .param("ws", workspaces)
                .query((row, n) -> states.put(row.getString(1), row.getInt(2))).list();
        return states;
    }

    private record Calls(int total, int throttled, int busiestMinute, Map<String, Integer> byKind,
                         long invoiceCallMedianMs, long betweenCallsMedianMs, List<Long> startsAfterFirst,
                         List<Long> invoiceCallStarts) {
    }

    /** The sandbox's call log for one organisation: calls, 429s, and the most calls that started in any 60 s. */
    private Calls calls(UUID tenant) throws Exception {
        JsonNode log = JSON.readTree(request("GET", sandbox + "/sandbox/calls?limit=10000&tenantId=" + tenant, null));
        List<Long> times = new ArrayList<>();
        Map<String, Integer> byKind = new java.util.TreeMap<>();
        List<Long> invoiceCalls = new ArrayList<>();
        List<Long> invoiceCallStarts = new ArrayList<>();
        // [answered at, started at] of each call that was not throttled, to see how long a pass spends between calls
        List<long[]> answered = new ArrayList<>();
        int throttled = 0;
        for (JsonNode call : log) {
            // "/api.xro/2.0/Invoices?summarizeErrors=false" -> "Invoices"
            String[] segments = call.path("path").asText().split("\\?")[0].split("/");
            String path = segments.length > 3 ? segments[3] : call.path("path").asText();
            byKind.merge(call.path("method").asText() + " " + path, 1, Integer::sum);
            if (call.path("status").asInt() == 429) {
                throttled++;
            } else {
                // the log's time is when the sandbox had its answer; durationMs how long it worked on it
                long at = Instant.parse(call.path("time").asText()).toEpochMilli();
                long duration = call.path("durationMs").asLong();
                times.add(at - duration);
                answered.add(new long[] {at, at - duration});
                if (path.equals("Invoices") && call.path("method").asText().equals("POST")) {
                    invoiceCalls.add(duration);
                    invoiceCallStarts.add(at - duration);
                }
            }
        }
        times.sort(null);
        answered.sort(java.util.Comparator.comparingLong(call -> call[1]));
        List<Long> between = new ArrayList<>();
        for (int i = 1; i < answered.size(); i++) {
            long gap = answered.get(i)[1] - answered.get(i - 1)[0];
            if (gap >= 0 && gap < 5_000) { // the next call of a pass that went on, not one that waited for the next window
                between.add(gap);
            }
        }
        invoiceCalls.sort(null);
        between.sort(null);
        int busiest = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= 60_000) {
                j++;
            }
            busiest = Math.max(busiest, i - j + 1);
        }
        return new Calls(log.size(), throttled, busiest, byKind, invoiceCalls.isEmpty() ? -1 : percentile(invoiceCalls, 50),
                between.isEmpty() ? -1 : percentile(between, 50),
                times.stream().map(time -> time - times.get(0)).toList(), invoiceCallStarts);
    }

    /** user + system CPU time of a process, from /proc (Linux). */
    private static long cpuMillis(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        return statCpuMillis(Path.of("/proc/" + pid + "/stat"));
    }

    /** user + system CPU time from a process's or a thread's stat file. */
    private static long statCpuMillis(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** user + system CPU time of every PostgreSQL process (the server and its backends). */
    private static long postgresCpuMillis() throws IOException {
        long total = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                        total += cpuMillis(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return total;
    }

    /**
     * CPU time spent by the whole machine (every core, every process), from /proc/stat: user, nice, system, irq
     * and softirq. Not idle or iowait; not steal, the time the hypervisor gave to other machines on the host;
     * not guest, which user already counts.
     */
    private static long machineCpuMillis() throws IOException {
        return procStatMillis(1, 2, 3, 6, 7);
    }

    /** Time the hypervisor ran other machines while this one wanted to run: a sign the host was busy. */
    private static long stealMillis() throws IOException {
        return procStatMillis(8);
    }

    private static long procStatMillis(int... fields) throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i : fields) {
            total += Long.parseLong(cpu[i]);
        }
        return total * 10;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private String post(String url, String body) throws Exception {
        return request("POST", url, body);
    }

    private String put(String url, String body) throws Exception {
        return request("PUT", url, body);
    }

    private String request(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
