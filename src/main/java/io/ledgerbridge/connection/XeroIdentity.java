package io.ledgerbridge.connection;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Xero's identity service as LedgerBridge uses it when a person connects or disconnects (FACTS §1): the code
 * exchanged for tokens by Spring Security's OAuth2 client (with the PKCE verifier of the authorization request),
 * the organisations a token reaches ({@code GET /connections}), one connection deleted, and a refresh token
 * revoked. None of these is called inside a transaction.
 */
@Component
class XeroIdentity {

    /** Xero answered, but not with what the step needs. {@code invalidGrant}: the code ran out or was used. */
    static final class IdentityException extends RuntimeException {
        private final boolean invalidGrant;

        IdentityException(String message, boolean invalidGrant, Throwable cause) {
            super(message, cause);
            this.invalidGrant = invalidGrant;
        }

        boolean invalidGrant() {
            return invalidGrant;
        }
    }

    private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeClient;
    private final ClientRegistration xero;
    private final RestClient http;
    private final XeroClientSettings settings;
    private final Clock clock;

    XeroIdentity(OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeClient, ClientRegistration xero,
                 RestClient.Builder builder, XeroClientSettings settings, Clock clock) {
        this.codeClient = codeClient;
        this.xero = xero;
        this.http = builder.requestFactory(XeroClientConfiguration.requestFactory(settings)).build();
        this.settings = settings;
        this.clock = clock;
    }

    /** The authorization code of {@code request} exchanged for tokens, with its PKCE verifier. */
    XeroTokens exchange(OAuth2AuthorizationRequest request, String code) {
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
                .redirectUri(request.getRedirectUri()).state(request.getState()).build();
        OAuth2AccessTokenResponse tokens;
        try {
            tokens = codeClient.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(xero,
                    new OAuth2AuthorizationExchange(request, response)));
        } catch (OAuth2AuthorizationException e) {
            String error = e.getError().getErrorCode();
            throw new IdentityException("Xero's token endpoint refused the code: " + error, "invalid_grant".equals(error), e);
        } catch (RuntimeException e) {
            throw new IdentityException("Xero's token endpoint did not answer: " + e.getMessage(), false, e);
        }
        if (tokens.getRefreshToken() == null) {
            throw new IdentityException("Xero gave no refresh token: the offline_access scope is missing from"
                    + " ledgerbridge.xero.scopes", false, null);
        }
        Instant expires = tokens.getAccessToken().getExpiresAt() == null
                ? clock.instant().plus(Duration.ofMinutes(30)) : tokens.getAccessToken().getExpiresAt();
        return new XeroTokens(tokens.getAccessToken().getTokenValue(), tokens.getRefreshToken().getTokenValue(), expires);
    }

    /** The organisations (not practices) the access token reaches. */
    List<XeroOrganisation> organisations(String accessToken) {
        JsonNode array;
        try {
            array = http.get().uri(URI.create(settings.connectionsUrl()))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            throw new IdentityException("Xero did not list the organisations of the login (GET /connections): "
                    + describe(e), false, e);
        }
        List<XeroOrganisation> organisations = new ArrayList<>();
        for (JsonNode connection : array == null ? List.<JsonNode>of() : array) {
            if ("ORGANISATION".equalsIgnoreCase(connection.path("tenantType").asText("ORGANISATION"))) {
                organisations.add(new XeroOrganisation(UUID.fromString(connection.path("id").asText()),
                        UUID.fromString(connection.path("tenantId").asText()), connection.path("tenantName").asText(null)));
            }
        }
        return organisations;
    }

    /** {@code DELETE /connections/{id}}: the organisation is no longer connected to the app. Unknown counts as done. */
    void deleteConnection(String accessToken, UUID connectionId) {
        try {
            http.delete().uri(URI.create(settings.connectionsUrl() + "/" + connectionId))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                    .retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() != 404) {
                throw new IdentityException("Xero did not remove the connection: " + describe(e), false, e);
            }
        } catch (RestClientException e) {
            throw new IdentityException("Xero did not remove the connection: " + describe(e), false, e);
        }
    }

    /** Revokes the refresh token, and with it the grant and its connections (FACTS §1). */
    void revoke(String refreshToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", refreshToken);
        try {
            http.post().uri(URI.create(settings.identityUrl() + "/connect/revocation"))
                    .headers(headers -> headers.setBasicAuth(xero.getClientId(), xero.getClientSecret()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            throw new IdentityException("Xero did not revoke the token: " + describe(e), false, e);
        }
    }

    private static String describe(RestClientException e) {
        return e instanceof RestClientResponseException answered
                ? "HTTP " + answered.getStatusCode().value() : e.getMessage();
    }
}
