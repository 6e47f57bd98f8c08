package io.ledgerbridge.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.ledgerbridge.sandbox.accounting.AccountingApi;
import io.ledgerbridge.sandbox.accounting.Ledger;
import io.ledgerbridge.sandbox.accounting.Organisation;
import io.ledgerbridge.sandbox.identity.IdentityEndpoints;
import io.ledgerbridge.sandbox.identity.TokenStore;
import io.ledgerbridge.sandbox.limits.Faults;
import io.ledgerbridge.sandbox.limits.IdempotencyCache;
import io.ledgerbridge.sandbox.limits.RateLimiter;
import io.ledgerbridge.sandbox.webhooks.Webhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Xero, in this process: the identity service, the Accounting API and a control
 * surface, on one port. Plain Java, started and stopped by the caller; nothing here knows LedgerBridge.
 *
 * <pre>{@code
 * try (XeroSandbox xero = XeroSandbox.start(SandboxSettings.defaults().withPort(0))) {
 *     String api = xero.baseUrl() + "/api.xro/2.0";
 * }
 * }</pre>
 */
public final class XeroSandbox implements AutoCloseable {

    /** The seeded supplier organisation, "Demo Fresh Produce Co". */
    public static final UUID SUPPLIER_TENANT = Ledger.SUPPLIER_TENANT;
    /** The seeded venue organisation, "Demo Harbour Cafe". */
    public static final UUID VENUE_TENANT = Ledger.VENUE_TENANT;

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService holder;
    private final Webhooks webhooks;
    private final Ledger ledger;
    private final String baseUrl;

    private XeroSandbox(SandboxSettings settings, Clock clock) throws IOException {
        server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 256);
        baseUrl = "http://" + settings.host() + ":" + server.getAddress().getPort();
        ledger = new Ledger(clock);
        webhooks = new Webhooks(clock, baseUrl + "/api.xro/2.0", settings.webhookKey(), 100);
        TokenStore tokens = new TokenStore(clock, settings.accessTokenLifetime(), settings.refreshGrace());
        RateLimiter limiter = new RateLimiter(clock);
        Faults faults = new Faults();
        IdempotencyCache idempotency = new IdempotencyCache(clock, settings.idempotencyWindow());
        AccountingApi api = new AccountingApi(clock, webhooks);
        CallLog calls = new CallLog(settings.callLogSize());
        IdentityEndpoints identity = new IdentityEndpoints(tokens, this::tenants);
        AccountingGateway gateway = new AccountingGateway(tokens, ledger, limiter, faults, idempotency, api);
        ControlApi control = new ControlApi(settings, ledger, api, tokens, limiter, faults, idempotency, webhooks, calls);
        workers = Executors.newFixedThreadPool(settings.threads(), daemon("xero-sandbox-http"));
        holder = Executors.newScheduledThreadPool(2, daemon("xero-sandbox-hold"));
        server.createContext("/", new Router(clock, identity, gateway, control, calls, holder));
        server.setExecutor(workers);
    }

    /** Starts a sandbox; port 0 in the settings takes any free port. */
    public static XeroSandbox start(SandboxSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /** Starts a sandbox on a given clock, so tests can move time instead of waiting for it. */
    static XeroSandbox start(SandboxSettings settings, Clock clock) {
        try {
            XeroSandbox sandbox = new XeroSandbox(settings, clock);
            sandbox.server.start();
            if (settings.webhookUrl() != null) {
                Thread handshake = new Thread(() -> sandbox.webhooks.configure(settings.webhookUrl(), settings.webhookKey()),
                        "sandbox-webhook-handshake");
                handshake.setDaemon(true);
                handshake.start();
            }
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("The Xero sandbox could not listen on " + settings.host() + ":" + settings.port(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** e.g. {@code http://localhost:8089}; the Accounting API is under {@code /api.xro/2.0}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The organisations it holds: tenant id to name, in name order. */
    public Map<UUID, String> tenants() {
        Map<UUID, String> out = new LinkedHashMap<>();
        for (Organisation org : ledger.all()) {
            out.put(org.tenantId(), org.name());
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        holder.shutdownNow();
        webhooks.close();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
