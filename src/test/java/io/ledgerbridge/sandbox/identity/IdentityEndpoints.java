package io.ledgerbridge.sandbox.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.sandbox.http.Json;
import io.ledgerbridge.sandbox.http.Request;
import io.ledgerbridge.sandbox.http.Response;
import io.ledgerbridge.sandbox.http.Uuids;
import io.ledgerbridge.sandbox.http.XeroDates;
import io.ledgerbridge.sandbox.http.XeroErrors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Xero's identity service as the sandbox plays it (FACTS §1): the consent page, the token endpoint
 * (authorization_code with optional PKCE, refresh_token), revocation, and the connections list.
 * Client secrets are not checked; a client must still identify itself (Basic auth or client_id).
 */
public final class IdentityEndpoints {

    private final TokenStore tokens;
    private final Supplier<Map<UUID, String>> tenants;

    public IdentityEndpoints(TokenStore tokens, Supplier<Map<UUID, String>> tenants) {
        this.tokens = tokens;
        this.tenants = tenants;
    }

    /** {@code /identity/connect/authorize}: GET shows the consent page, POST is its form. */
    public Response authorize(Request request) {
        boolean form = request.method().equals("POST");
        java.util.function.Function<String, String> param = form
                ? name -> request.formValues(name).stream().findFirst().orElse(null) : request::query;
        String clientId = param.apply("client_id");
        String redirectUri = param.apply("redirect_uri");
        String state = param.apply("state");
        if (!"code".equals(param.apply("response_type")) || blank(clientId) || blank(redirectUri)) {
            return Response.html(400, page("Error", "<p>invalid_request: response_type=code, client_id and redirect_uri are required.</p>"));
        }
        if (!form) {
            return Response.html(200, consentPage(request));
        }
        if (!"allow".equals(param.apply("decision"))) {
            return Response.redirect(redirectUri + sep(redirectUri) + "error=access_denied" + stateParam(state));
        }
        List<UUID> chosen = new ArrayList<>();
        for (String id : request.formValues("tenantId")) {
            UUID tenant = Uuids.parse(id);
            if (tenant != null && tenants.get().containsKey(tenant)) {
                chosen.add(tenant);
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(tenants.get().keySet());
        }
        String code = tokens.issueCode(chosen, tenants.get()::get, clientId, redirectUri, param.apply("scope"),
                param.apply("code_challenge"), param.apply("code_challenge_method"));
        return Response.redirect(redirectUri + sep(redirectUri) + "code=" + enc(code)
                + (param.apply("scope") == null ? "" : "&scope=" + enc(param.apply("scope"))) + stateParam(state));
    }

    /** {@code POST /identity/connect/token}, form-encoded. */
    public Response token(Request request) {
        if (!request.method().equals("POST")) {
            return Response.empty(405);
        }
        Map<String, String> form = request.form();
        String clientId = clientId(request, form);
        if (clientId == null) {
            return oauthError(401, "invalid_client");
        }
        try {
            TokenStore.Tokens issued = switch (form.getOrDefault("grant_type", "")) {
                case "authorization_code" -> tokens.exchangeCode(form.get("code"), clientId, form.get("redirect_uri"),
                        form.get("code_verifier"));
                case "refresh_token" -> tokens.refresh(form.get("refresh_token"), clientId);
                default -> throw new TokenStore.TokenException(400, "unsupported_grant_type");
            };
            ObjectNode body = Json.object();
            body.put("access_token", issued.accessToken());
            body.put("expires_in", issued.expiresIn());
            body.put("token_type", "Bearer");
            body.put("refresh_token", issued.refreshToken());
            if (issued.scope() != null) {
                body.put("scope", issued.scope());
            }
            return Response.json(200, body).withHeader("Cache-Control", "no-store");
        } catch (TokenStore.TokenException e) {
            return oauthError(e.status(), e.getMessage());
        }
    }

    /** {@code POST /identity/connect/revocation}: 200 with an empty body, known token or not. */
    public Response revocation(Request request) {
        if (!request.method().equals("POST")) {
            return Response.empty(405);
        }
        tokens.revoke(request.form().get("token"));
        return Response.empty(200);
    }

    /** {@code GET /connections} and {@code DELETE /connections/{id}}, with the bearer token. */
    public Response connections(Request request, String connectionId) {
        TokenStore.Check check = tokens.check(bearer(request));
        if (check instanceof TokenStore.Expired expired) {
            return XeroErrors.unauthorized("TokenExpired: token expired at " + XeroDates.expiredAt(expired.at()));
        }
        if (!(check instanceof TokenStore.Valid valid)) {
            return XeroErrors.unauthorized("AuthenticationUnsuccessful");
        }
        TokenStore.Grant grant = valid.grant();
        if (request.method().equals("DELETE") && connectionId != null) {
            UUID id = Uuids.parse(connectionId);
            return id != null && tokens.disconnect(grant, id) ? Response.empty(204) : XeroErrors.notFound();
        }
        if (!request.method().equals("GET") || connectionId != null) {
            return Response.empty(405);
        }
        UUID authEventId = Uuids.parse(request.query("authEventId"));
        ArrayNode array = Json.array();
        for (TokenStore.Connection c : grant.connections()) {
            if (authEventId != null && !authEventId.equals(grant.authEventId())) {
                continue;
            }
            ObjectNode n = array.addObject();
            n.put("id", c.id().toString());
            n.put("authEventId", grant.authEventId().toString());
            n.put("tenantId", c.tenantId().toString());
            n.put("tenantType", "ORGANISATION");
            n.put("tenantName", c.tenantName());
            n.put("createdDateUtc", XeroDates.identity(c.created()));
            n.put("updatedDateUtc", XeroDates.identity(c.created()));
        }
        return Response.json(200, array);
    }

    public static String bearer(Request request) {
        String header = request.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    private String consentPage(Request request) {
        StringBuilder body = new StringBuilder();
        body.append("<p>An app (client <code>").append(esc(request.query("client_id")))
                .append("</code>) asks to connect to your Xero organisations.</p>")
                .append("<form method=\"post\" action=\"/identity/connect/authorize\">");
        for (String name : List.of("response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge",
                "code_challenge_method")) {
            String value = request.query(name);
            if (value != null) {
                body.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(esc(value)).append("\">");
            }
        }
        body.append("<ul>");
        tenants.get().forEach((id, name) -> body.append("<li><label><input type=\"checkbox\" name=\"tenantId\" value=\"")
                .append(id).append("\" checked> ").append(esc(name)).append(" <small>(").append(id).append(")</small></label></li>"));
        body.append("</ul><button type=\"submit\" name=\"decision\" value=\"allow\">Allow access</button> ")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Cancel</button></form>");
        return page("Xero sandbox: allow access", body.toString());
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title></head><body><h1>"
                + esc(title) + "</h1>" + body + "</body></html>";
    }

    private static String clientId(Request request, Map<String, String> form) {
        String header = request.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String id = colon < 0 ? decoded : decoded.substring(0, colon);
                return id.isBlank() ? null : id;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String id = form.get("client_id");
        return blank(id) ? null : id;
    }

    private static Response oauthError(int status, String error) {
        return Response.json(status, Json.object().put("error", error));
    }

    private static String stateParam(String state) {
        return state == null ? "" : "&state=" + enc(state);
    }

    private static String sep(String uri) {
        return uri.contains("?") ? "&" : "?";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
