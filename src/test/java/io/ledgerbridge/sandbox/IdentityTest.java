package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The identity service (FACTS §1, §13): consent, code and PKCE, expiry, rotation with grace, revocation, tenancy. */
class IdentityTest extends SandboxTest {

    private static final String REDIRECT = "http://localhost:8080/oauth/xero/callback";
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("client-1:secret".getBytes(StandardCharsets.UTF_8));

    private static HttpResponse<String> token(String form) {
        return sandbox.exec(sandbox.builder("POST", "/identity/connect/token", form, "application/x-www-form-urlencoded")
                .header("Authorization", BASIC));
    }

    private static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    /** Consents on the authorize form and returns the redirect's query. */
    private static Map<String, String> consent(UUID tenant, String challenge) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("response_type", "code");
        fields.put("client_id", "client-1");
        fields.put("redirect_uri", REDIRECT);
        fields.put("scope", "offline_access accounting.transactions");
        fields.put("state", "st-42");
        if (challenge != null) {
            fields.put("code_challenge", challenge);
            fields.put("code_challenge_method", "S256");
        }
        fields.put("tenantId", tenant.toString());
        fields.put("decision", "allow");
        HttpResponse<String> r = sandbox.send("POST", "/identity/connect/authorize", form(fields),
                "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(302);
        URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(REDIRECT + "?");
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String s256(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static JsonNode exchange(String code, String verifier) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT));
        if (verifier != null) {
            fields.put("code_verifier", verifier);
        }
        HttpResponse<String> r = token(form(fields));
        return ((com.fasterxml.jackson.databind.node.ObjectNode) json(r)).put("status", r.statusCode());
    }

    private static JsonNode refresh(String refreshToken) {
        HttpResponse<String> r = token("grant_type=refresh_token&refresh_token=" + refreshToken);
        return ((com.fasterxml.jackson.databind.node.ObjectNode) json(r)).put("status", r.statusCode());
    }

    @Test
    void theAuthorizePageShowsTheOrganisations() {
        HttpResponse<String> page = sandbox.send("GET", "/identity/connect/authorize?response_type=code&client_id=c1&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&scope=offline_access&state=abc", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Demo Fresh Produce Co", "Demo Harbour Cafe", "Allow access",
                SUPPLIER.toString(), "value=\"abc\"");
        assertThat(sandbox.send("GET", "/identity/connect/authorize?response_type=code", null, null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theCodeFlowWithPkceGivesTokensForTheChosenTenant() throws Exception {
        String verifier = "v".repeat(20) + "-._~" + "0123456789abcdefghijklmnopqrstuvwxyz";
        Map<String, String> redirect = consent(SUPPLIER, s256(verifier));
        assertThat(redirect.get("state")).isEqualTo("st-42");

        JsonNode tokens = exchange(redirect.get("code"), verifier);
        assertThat(tokens.get("status").asInt()).isEqualTo(200);
        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asInt()).isEqualTo(1800);
        assertThat(tokens.get("refresh_token").asText()).isNotBlank();
        assertThat(exchange(redirect.get("code"), verifier).get("error").asText()).as("codes are single use").isEqualTo("invalid_grant");

        sandbox.token = tokens.get("access_token").asText();
        HttpResponse<String> listed = sandbox.exec(sandbox.builder("GET", "/connections", null, null)
                .header("Authorization", "Bearer " + sandbox.token));
        JsonNode connections = json(listed);
        assertThat(connections).hasSize(1);
        assertThat(connections.get(0).get("tenantId").asText()).isEqualTo(SUPPLIER.toString());
        assertThat(connections.get(0).get("tenantName").asText()).isEqualTo("Demo Fresh Produce Co");
        assertThat(connections.get(0).get("tenantType").asText()).isEqualTo("ORGANISATION");
        assertThat(connections.get(0).get("createdDateUtc").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}");
        assertThat(sandbox.get("/Accounts", SUPPLIER).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPkceVerifierIsInvalidGrant() throws Exception {
        String verifier = "a".repeat(50);
        Map<String, String> redirect = consent(SUPPLIER, s256(verifier));
        JsonNode refused = exchange(redirect.get("code"), "b".repeat(50));
        assertThat(refused.get("status").asInt()).isEqualTo(400);
        assertThat(refused.get("error").asText()).isEqualTo("invalid_grant");
        assertThat(exchange(consent(SUPPLIER, s256(verifier)).get("code"), null).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aTenantTheTokenDoesNotHoldIs403() {
        sandbox.token = sandbox.mintToken(SUPPLIER);
        HttpResponse<String> r = sandbox.get("/Accounts", VENUE);
        assertThat(r.statusCode()).isEqualTo(403);
        JsonNode body = json(r);
        assertThat(body.get("Title").asText()).isEqualTo("Forbidden");
        assertThat(body.get("Status").asInt()).isEqualTo(403);
        assertThat(body.get("Detail").asText()).isEqualTo("AuthenticationUnsuccessful");
        assertThat(body.get("Type").isNull()).isTrue();
        assertThat(sandbox.get("/Accounts", null).statusCode()).as("no tenant header").isEqualTo(403);
    }

    @Test
    void noOrAnUnknownTokenIs401() {
        sandbox.token = "not-a-token";
        HttpResponse<String> r = sandbox.get("/Accounts", SUPPLIER);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("Detail").asText()).isEqualTo("AuthenticationUnsuccessful");
        assertThat(json(r).get("Title").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void accessTokensExpireAfterThirtyMinutes() {
        String expiresAt = LocalDateTime.ofInstant(sandbox.clock.instant().plus(Duration.ofMinutes(30)), ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss"));
        sandbox.clock.advance(Duration.ofMinutes(29));
        assertThat(sandbox.get("/Accounts", SUPPLIER).statusCode()).isEqualTo(200);
        sandbox.clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> r = sandbox.get("/Accounts", SUPPLIER);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("Detail").asText()).isEqualTo("TokenExpired: token expired at " + expiresAt);
    }

    @Test
    void theControlSurfaceExpiresTokensOnDemand() {
        assertThat(sandbox.send("POST", "/sandbox/tokens/expire", null, null).statusCode()).isEqualTo(204);
        HttpResponse<String> r = sandbox.get("/Accounts", SUPPLIER);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("Detail").asText()).startsWith("TokenExpired: token expired at ");
    }

    @Test
    void refreshRotatesAndTheOldTokenWorksForTheGracePeriodOnly() {
        JsonNode minted = json(sandbox.send("POST", "/sandbox/tokens", "{\"tenantIds\":[\"" + SUPPLIER + "\"]}", null));
        String first = minted.get("refresh_token").asText();
        JsonNode rotated = refresh(first);
        assertThat(rotated.get("status").asInt()).isEqualTo(200);
        String second = rotated.get("refresh_token").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(rotated.get("access_token").asText()).isNotEqualTo(minted.get("access_token").asText());

        sandbox.clock.advance(Duration.ofMinutes(29));
        assertThat(refresh(first).get("status").asInt()).as("within the grace period").isEqualTo(200);
        sandbox.clock.advance(Duration.ofMinutes(2));
        JsonNode stale = refresh(first);
        assertThat(stale.get("status").asInt()).isEqualTo(400);
        assertThat(stale.get("error").asText()).isEqualTo("invalid_grant");
        assertThat(refresh(second).get("status").asInt()).isEqualTo(200);
    }

    @Test
    void revocationEndsTheGrant() {
        JsonNode minted = json(sandbox.send("POST", "/sandbox/tokens", "{}", null));
        sandbox.token = minted.get("access_token").asText();
        HttpResponse<String> revoked = sandbox.exec(sandbox.builder("POST", "/identity/connect/revocation",
                "token=" + minted.get("refresh_token").asText(), "application/x-www-form-urlencoded").header("Authorization", BASIC));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).isEmpty();
        assertThat(refresh(minted.get("refresh_token").asText()).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(sandbox.get("/Accounts", SUPPLIER).statusCode()).isEqualTo(401);
    }

    @Test
    void theControlSurfaceRevokesRefreshTokens() {
        JsonNode minted = json(sandbox.send("POST", "/sandbox/tokens", "{}", null));
        assertThat(sandbox.send("POST", "/sandbox/tokens/revoke", null, null).statusCode()).isEqualTo(204);
        assertThat(refresh(minted.get("refresh_token").asText()).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void disconnectingATenantTakesItAwayFromTheToken() {
        HttpResponse<String> listed = sandbox.exec(sandbox.builder("GET", "/connections", null, null)
                .header("Authorization", "Bearer " + sandbox.token));
        JsonNode connections = json(listed);
        assertThat(connections).hasSize(2);
        String supplierConnection = null;
        for (JsonNode c : connections) {
            if (c.get("tenantId").asText().equals(SUPPLIER.toString())) {
                supplierConnection = c.get("id").asText();
            }
        }
        HttpResponse<String> deleted = sandbox.exec(sandbox.builder("DELETE", "/connections/" + supplierConnection, null, null)
                .header("Authorization", "Bearer " + sandbox.token));
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(sandbox.get("/Accounts", SUPPLIER).statusCode()).isEqualTo(403);
        assertThat(sandbox.get("/Accounts", VENUE).statusCode()).isEqualTo(200);
        HttpResponse<String> again = sandbox.exec(sandbox.builder("DELETE", "/connections/" + supplierConnection, null, null)
                .header("Authorization", "Bearer " + sandbox.token));
        assertThat(again.statusCode()).isEqualTo(404);
    }

    @Test
    void theTokenEndpointNeedsAClientAndAKnownGrantType() {
        HttpResponse<String> noClient = sandbox.send("POST", "/identity/connect/token", "grant_type=refresh_token&refresh_token=x",
                "application/x-www-form-urlencoded");
        assertThat(noClient.statusCode()).isEqualTo(401);
        assertThat(json(noClient).get("error").asText()).isEqualTo("invalid_client");
        HttpResponse<String> unknown = token("grant_type=password");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asText()).isEqualTo("unsupported_grant_type");
    }
}
