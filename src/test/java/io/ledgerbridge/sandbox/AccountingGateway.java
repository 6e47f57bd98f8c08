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
import io.ledgerbridge.sandbox.http.XeroErrors;
import io.ledgerbridge.sandbox.identity.IdentityEndpoints;
import io.ledgerbridge.sandbox.identity.TokenStore;
import io.ledgerbridge.sandbox.limits.Faults;
import io.ledgerbridge.sandbox.limits.IdempotencyCache;
import io.ledgerbridge.sandbox.limits.RateLimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What stands between a call and the Accounting API, in Xero's order: the bearer token (401), the
 * tenant header (403), the rate limits (429, counted before anything else, replays included), then
 * Idempotency-Key on PUT/POST. An injected fault with a 4xx status (a 429 storm, say) is answered before
 * the key is looked at, as Xero answers its limits; a 5xx (injected or an internal error) is an answer of
 * the idempotency step, so a keyed write remembers it for the key's window as Xero does (FACTS §4); so is
 * an error answered after the work was done. Every answer that reached a tenant carries the limit headers.
 */
final class AccountingGateway {

    private final TokenStore tokens;
    private final Ledger ledger;
    private final RateLimiter limiter;
    private final Faults faults;
    private final IdempotencyCache idempotency;
    private final AccountingApi api;

    AccountingGateway(TokenStore tokens, Ledger ledger, RateLimiter limiter, Faults faults, IdempotencyCache idempotency,
                      AccountingApi api) {
        this.tokens = tokens;
        this.ledger = ledger;
        this.limiter = limiter;
        this.faults = faults;
        this.idempotency = idempotency;
        this.api = api;
    }

    Reply handle(Request request) {
        TokenStore.Check check = tokens.check(IdentityEndpoints.bearer(request));
        if (check instanceof TokenStore.Expired expired) {
            return Reply.now(XeroErrors.unauthorized("TokenExpired: token expired at " + XeroDates.expiredAt(expired.at())));
        }
        if (!(check instanceof TokenStore.Valid valid)) {
            return Reply.now(XeroErrors.unauthorized("AuthenticationUnsuccessful"));
        }
        UUID tenantId = Uuids.parse(request.header("xero-tenant-id"));
        Organisation org = ledger.get(tenantId);
        if (org == null || !valid.grant().reaches(tenantId)) {
            return Reply.now(XeroErrors.forbidden());
        }
        RateLimiter.Decision decision = limiter.acquire(tenantId);
        if (!decision.allowed()) {
            Response limited = limitHeaders(Response.empty(429), decision).withHeader("X-Rate-Limit-Problem", decision.problem());
            if (decision.retryAfterSeconds() != null) {
                limited = limited.withHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            }
            return Reply.now(limited);
        }
        try {
            Faults.Plan plan = faults.plan(tenantId, request.method(), request.path());
            pause(plan.latencyMs());
            Answered answered = plan.errorStatus() != null && plan.errorStatus() < 500
                    ? new Answered(faultResponse(plan.errorStatus()), true, false) : process(request, org, plan);
            return new Reply(limitHeaders(answered.response(), decision), plan.holdMs(), fault(plan, answered),
                    answered.replay());
        } finally {
            limiter.release(tenantId);
        }
    }

    /** A response; whether this call's fault plan shaped it (false for a key's earlier answer or a refusal). */
    private record Answered(Response response, boolean planned, boolean replay) {
    }

    /** The idempotency step around {@link #answer}: with a key, whatever it answers is what the key remembers. */
    private Answered process(Request request, Organisation org, Faults.Plan plan) {
        String key = request.header("Idempotency-Key");
        boolean write = request.method().equals("PUT") || request.method().equals("POST");
        if (!write || key == null) {
            return new Answered(answer(request, org, plan), true, false);
        }
        if (key.length() > IdempotencyCache.MAX_KEY_LENGTH) {
            return new Answered(XeroErrors.badRequest(10, "ValidationException",
                    "The Idempotency-Key must be at most " + IdempotencyCache.MAX_KEY_LENGTH + " characters long."),
                    false, false);
        }
        IdempotencyCache.Outcome outcome = idempotency.run(key, fingerprint(request, org), () -> answer(request, org, plan));
        if (outcome instanceof IdempotencyCache.Mismatch) {
            return new Answered(XeroErrors.badRequest(10, "ValidationException",
                    "The Idempotency-Key '" + key + "' has already been used for a different request."), false, false);
        }
        if (outcome instanceof IdempotencyCache.Replay replay) {
            return new Answered(replay.response(), false, true);
        }
        return new Answered(((IdempotencyCache.Fresh) outcome).response(), true, false);
    }

    /**
     * A planned 5xx instead of the work; or the work, then a planned error in place of its answer (the
     * write stays applied: "Xero saved it but answered 503"); or the work's own answer.
     */
    private Response answer(Request request, Organisation org, Faults.Plan plan) {
        if (plan.errorStatus() != null) {
            return faultResponse(plan.errorStatus());
        }
        Response done = run(request, org);
        if (plan.errorAfterWorkStatus() != null) {
            return faultResponse(plan.errorAfterWorkStatus());
        }
        return plan.reverseAnswers() && !request.method().equals("GET") ? reversed(done) : done;
    }

    /** The answer with its elements in reverse order (a fault: Xero answers in order, a client must not rely on it). */
    private static Response reversed(Response answer) {
        if (answer.status() != 200 || answer.body().length == 0) {
            return answer;
        }
        try {
            JsonNode root = Json.MAPPER.readTree(answer.body());
            if (!(root instanceof ObjectNode object)) {
                return answer;
            }
            for (String collection : new String[] {"Invoices", "CreditNotes", "Contacts", "Payments"}) {
                if (object.get(collection) instanceof ArrayNode array) {
                    List<JsonNode> elements = new ArrayList<>();
                    array.forEach(elements::add);
                    Collections.reverse(elements);
                    array.removeAll();
                    array.addAll(elements);
                }
            }
            return answer.withBody(Json.MAPPER.writeValueAsBytes(object));
        } catch (IOException notJson) {
            return answer;
        }
    }

    /** For the call log: which fault shaped the answer (a hold applies to any answer, replays included). */
    private static String fault(Faults.Plan plan, Answered answered) {
        if (answered.planned() && plan.errorStatus() != null) {
            return Reply.ERROR;
        }
        if (answered.planned() && plan.errorAfterWorkStatus() != null) {
            return Reply.ERROR_AFTER_WORK;
        }
        return plan.holdMs() > 0 ? Reply.TIMEOUT : null;
    }

    private Response run(Request request, Organisation org) {
        synchronized (org) {
            return api.handle(request, org);
        }
    }

    private static Response limitHeaders(Response response, RateLimiter.Decision d) {
        return response.withHeader("X-DayLimit-Remaining", String.valueOf(d.dayRemaining()))
                .withHeader("X-MinLimit-Remaining", String.valueOf(d.minuteRemaining()))
                .withHeader("X-AppMinLimit-Remaining", String.valueOf(d.appMinuteRemaining()));
    }

    /** The bodies Xero answers outages with (FACTS §13): 500 as JSON, 503 and others as plain text. */
    static Response faultResponse(int status) {
        if (status == 500) {
            return XeroErrors.serverError();
        }
        if (status == 503) {
            return Response.text(503, XeroErrors.OFFLINE_TEXT);
        }
        return Response.text(status, "The sandbox answered " + status + " as asked by PUT /sandbox/faults");
    }

    /** Method, path, query, tenant and body: what makes two calls "the same request". */
    private static String fingerprint(Request request, Organisation org) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.join("\n", request.method(), request.path().toLowerCase(java.util.Locale.ROOT),
                    String.valueOf(request.rawQuery()), org.tenantId().toString(), "").getBytes(StandardCharsets.UTF_8));
            sha.update(request.body());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
