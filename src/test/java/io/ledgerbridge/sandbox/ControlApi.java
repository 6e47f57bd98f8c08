package io.ledgerbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.sandbox.accounting.AccountingApi;
import io.ledgerbridge.sandbox.accounting.Ledger;
import io.ledgerbridge.sandbox.accounting.Organisation;
import io.ledgerbridge.sandbox.http.Json;
import io.ledgerbridge.sandbox.http.Request;
import io.ledgerbridge.sandbox.http.Response;
import io.ledgerbridge.sandbox.http.Uuids;
import io.ledgerbridge.sandbox.http.XeroDates;
import io.ledgerbridge.sandbox.identity.TokenStore;
import io.ledgerbridge.sandbox.limits.Faults;
import io.ledgerbridge.sandbox.limits.IdempotencyCache;
import io.ledgerbridge.sandbox.limits.RateLimiter;
import io.ledgerbridge.sandbox.webhooks.Webhooks;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The control surface under {@code /sandbox} (CONTRACTS.md): for tests, scripts and demos, not part of Xero. */
final class ControlApi {

    private final SandboxSettings settings;
    private final Ledger ledger;
    private final AccountingApi api;
    private final TokenStore tokens;
    private final RateLimiter limiter;
    private final Faults faults;
    private final IdempotencyCache idempotency;
    private final Webhooks webhooks;
    private final CallLog calls;

    ControlApi(SandboxSettings settings, Ledger ledger, AccountingApi api, TokenStore tokens, RateLimiter limiter,
               Faults faults, IdempotencyCache idempotency, Webhooks webhooks, CallLog calls) {
        this.settings = settings;
        this.ledger = ledger;
        this.api = api;
        this.tokens = tokens;
        this.limiter = limiter;
        this.faults = faults;
        this.idempotency = idempotency;
        this.webhooks = webhooks;
        this.calls = calls;
    }

    Response handle(Request request) {
        String[] p = request.path().replaceAll("^/+|/+$", "").split("/");
        try {
            if (p.length == 3 && p[0].equals("tenants") && p[2].equals("documents")
                    && request.method().equals("GET")) {
                return documents(p[1]);
            }
            if (p.length == 5 && p[0].equals("tenants") && p[2].equals("invoices") && p[4].equals("pay")
                    && request.method().equals("POST")) {
                return pay(p[1], p[3], request);
            }
            if (p.length == 5 && p[0].equals("tenants") && p[2].equals("accounts") && p[4].equals("archive")
                    && request.method().equals("POST")) {
                return archive(p[1], p[3]);
            }
            return switch (request.method() + " " + String.join("/", p)) {
                case "GET tenants" -> Response.json(200, tenants());
                case "POST tenants" -> addTenant(request);
                case "GET calls" -> calls(request);
                case "GET limits" -> Response.json(200, Json.MAPPER.valueToTree(limiter.limits()));
                case "PUT limits" -> limits(request);
                case "GET faults" -> Response.json(200, faultsJson());
                case "PUT faults" -> faults(request);
                case "POST tokens" -> mint(request);
                case "POST tokens/expire" -> {
                    tokens.expireAccessTokens();
                    yield Response.empty(204);
                }
                case "POST tokens/revoke" -> {
                    JsonNode b = request.body().length == 0 ? Json.object() : Json.parse(request.body());
                    if (b.hasNonNull("tenantId")) {
                        tokens.revokeGrantsReaching(UUID.fromString(b.get("tenantId").asText()));
                    } else {
                        tokens.revokeRefreshTokens();
                    }
                    yield Response.empty(204);
                }
                case "GET tokens/live" -> {
                    UUID tenant = UUID.fromString(request.query("tenantId"));
                    yield Response.json(200, Json.object().put("grants", tokens.liveGrantsReaching(tenant))
                            .put("refreshes", tokens.refreshesOfGrantsReaching(tenant)));
                }
                case "POST codes/expire" -> {
                    tokens.expireCodes();
                    yield Response.empty(204);
                }
                case "GET webhooks" -> Response.json(200, webhooks.status());
                case "PUT webhooks" -> webhooks(request);
                case "POST reset" -> {
                    reset();
                    yield Response.empty(204);
                }
                default -> error(404, "No such control endpoint: " + request.method() + " /sandbox" + request.path());
            };
        } catch (IllegalArgumentException | Json.BadJsonException e) {
            return error(400, e.getMessage());
        }
    }

    void reset() {
        ledger.reset();
        calls.clear();
        limiter.reset();
        faults.reset();
        tokens.clear();
        idempotency.clear();
        idempotency.setWindow(settings.idempotencyWindow());
        webhooks.reset(settings.webhookKey());
    }

    private ArrayNode tenants() {
        ArrayNode out = Json.array();
        for (Organisation org : ledger.all()) {
            out.addObject().put("tenantId", org.tenantId().toString()).put("name", org.name()).put("role", org.role())
                    .put("countryCode", "AU").put("baseCurrency", "AUD").put("timezone", Organisation.ZONE.getId());
        }
        return out;
    }

    /** {@code {"name": …, "tenantId": …?}}: one more organisation, e.g. for a many-tenant benchmark. */
    private Response addTenant(Request request) {
        JsonNode b = Json.parse(request.body());
        if (!b.hasNonNull("name") || b.get("name").asText().isBlank()) {
            return error(400, "name is required");
        }
        UUID id = b.hasNonNull("tenantId") ? UUID.fromString(b.get("tenantId").asText()) : UUID.randomUUID();
        Organisation org = ledger.add(id, b.get("name").asText().trim());
        return Response.json(201, Json.object().put("tenantId", org.tenantId().toString()).put("name", org.name())
                .put("role", org.role()));
    }

    private Response documents(String tenantId) {
        Organisation org = organisation(tenantId);
        if (org == null) {
            return error(404, "Unknown tenant " + tenantId);
        }
        synchronized (org) {
            return Response.json(200, api.allDocuments(org));
        }
    }

    private Response pay(String tenantId, String invoiceId, Request request) {
        Organisation org = organisation(tenantId);
        if (org == null) {
            return error(404, "Unknown tenant " + tenantId);
        }
        JsonNode body = request.body().length == 0 ? Json.object() : Json.parse(request.body());
        BigDecimal amount = body.hasNonNull("amount") ? body.get("amount").decimalValue() : null;
        LocalDate date = body.hasNonNull("date") ? XeroDates.parseDate(body.get("date").asText()) : null;
        ObjectNode paid;
        synchronized (org) {
            paid = api.pay(org, invoiceId, amount, date);
        }
        return paid == null ? error(404, "Unknown invoice " + invoiceId) : Response.json(200, paid);
    }

    /** An adviser archives an account in the chart, as Xero's chart of accounts page does. */
    private Response archive(String tenantId, String code) {
        Organisation org = organisation(tenantId);
        if (org == null) {
            return error(404, "Unknown tenant " + tenantId);
        }
        ObjectNode archived;
        synchronized (org) {
            archived = api.archiveAccount(org, code);
        }
        return archived == null ? error(404, "No account " + code + " in the chart") : Response.json(200, archived);
    }

    private Response calls(Request request) {
        String limit = request.query("limit");
        int max = limit == null ? Integer.MAX_VALUE : Math.max(1, Integer.parseInt(limit));
        return Response.json(200, calls.toJson(request.query("tenantId"), max));
    }

    private Response limits(Request request) {
        JsonNode b = Json.parse(request.body());
        limiter.setLimits(limiter.limits().with(integer(b, "perMinute"), integer(b, "windowSeconds"),
                integer(b, "concurrent"), integer(b, "perDay"), integer(b, "appPerMinute")));
        return Response.json(200, Json.MAPPER.valueToTree(limiter.limits()));
    }

    private Response faults(Request request) {
        JsonNode b = Json.parse(request.body());
        UUID tenantId = null;
        if (b.hasNonNull("tenantId")) {
            tenantId = UUID.fromString(b.get("tenantId").asText());
            if (ledger.get(tenantId) == null) {
                return error(404, "Unknown tenant " + tenantId);
            }
        }
        Faults.Settings current = tenantId == null ? faults.global() : faults.settingsFor(tenantId);
        faults.set(tenantId, current.with(decimal(b, "errorRate"), integer(b, "status"), decimal(b, "errorAfterWorkRate"),
                decimal(b, "timeoutRate"), longValue(b, "latencyMs"), longValue(b, "timeoutMs"),
                b.has("only") ? (b.get("only").isNull() ? "" : b.get("only").asText()) : null,
                b.has("reverseAnswers") ? b.get("reverseAnswers").asBoolean() : null));
        if (b.hasNonNull("seed")) {
            faults.seed(tenantId, b.get("seed").asLong());
        }
        return Response.json(200, faultsJson());
    }

    private ObjectNode faultsJson() {
        ObjectNode n = Json.object();
        n.set("global", Json.MAPPER.valueToTree(faults.global()));
        ObjectNode perTenant = n.putObject("tenants");
        faults.tenants().forEach((id, s) -> perTenant.set(id.toString(), Json.MAPPER.valueToTree(s)));
        return n;
    }

    private Response mint(Request request) {
        JsonNode b = request.body().length == 0 ? Json.object() : Json.parse(request.body());
        List<UUID> ids = new ArrayList<>();
        if (b.has("tenantIds") && b.get("tenantIds").isArray()) {
            for (JsonNode id : b.get("tenantIds")) {
                UUID tenantId = UUID.fromString(id.asText());
                if (ledger.get(tenantId) == null) {
                    return error(404, "Unknown tenant " + tenantId);
                }
                ids.add(tenantId);
            }
        }
        if (ids.isEmpty()) {
            ledger.all().forEach(o -> ids.add(o.tenantId()));
        }
        String scope = b.hasNonNull("scope") ? b.get("scope").asText()
                : "openid profile email offline_access accounting.transactions accounting.contacts accounting.settings accounting.attachments";
        TokenStore.Tokens t = tokens.grant(ids, id -> ledger.get(id).name(),
                b.hasNonNull("clientId") ? b.get("clientId").asText() : null, scope);
        ObjectNode out = Json.object();
        out.put("access_token", t.accessToken());
        out.put("refresh_token", t.refreshToken());
        out.put("expires_in", t.expiresIn());
        out.put("token_type", "Bearer");
        out.put("scope", t.scope());
        return Response.json(200, out);
    }

    private Response webhooks(Request request) {
        JsonNode b = Json.parse(request.body());
        String url = b.hasNonNull("url") ? b.get("url").asText() : null;
        if (url != null) {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                return error(400, "url must be an http(s) URL");
            }
        }
        return Response.json(200, webhooks.configure(url, b.hasNonNull("key") ? b.get("key").asText() : null));
    }

    private Organisation organisation(String tenantId) {
        return ledger.get(Uuids.parse(tenantId));
    }

    private static Response error(int status, String message) {
        return Response.json(status, Json.object().put("error", message));
    }

    private static Integer integer(JsonNode b, String name) {
        return b.hasNonNull(name) ? b.get(name).intValue() : null;
    }

    private static Long longValue(JsonNode b, String name) {
        return b.hasNonNull(name) ? b.get(name).longValue() : null;
    }

    private static Double decimal(JsonNode b, String name) {
        return b.hasNonNull(name) ? b.get(name).doubleValue() : null;
    }
}
