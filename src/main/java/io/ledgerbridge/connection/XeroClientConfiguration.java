package io.ledgerbridge.connection;

import java.net.http.HttpClient;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * Xero as an OAuth 2.0 client registration (Spring Security's OAuth2 client), and the token client that
 * refreshes access tokens with it. Endpoints come from {@code ledgerbridge.xero.*}, so the sandbox and
 * Xero are the same to the code.
 */
@Configuration
class XeroClientConfiguration {

    @Bean
    ClientRegistration xeroClientRegistration(XeroClientSettings settings) {
        String clientId = settings.clientId();
        String clientSecret = settings.clientSecret();
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalStateException("Set XERO_CLIENT_ID and XERO_CLIENT_SECRET (ledgerbridge.xero.client-id and"
                    + " client-secret) to the app's OAuth 2.0 client from Xero's developer portal.");
        }
        return ClientRegistration.withRegistrationId("xero")
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/oauth/xero/callback")
                .scope(Arrays.stream(settings.scopes().trim().split("\\s+")).toList())
                .authorizationUri(settings.loginUrl() + "/identity/connect/authorize")
                .tokenUri(settings.identityUrl() + "/connect/token")
                .clientName("Xero")
                .build();
    }

    @Bean
    OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> xeroRefreshTokenClient(XeroClientSettings settings) {
        RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
        client.setRestClient(tokenEndpoint(settings));
        return client;
    }

    /** The code exchange of the connect flow; the PKCE verifier goes with it from the authorization request. */
    @Bean
    OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> xeroAuthorizationCodeClient(XeroClientSettings settings) {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(tokenEndpoint(settings));
        return client;
    }

    /** Spring Security's token clients read Xero's answers and errors (invalid_grant, …) with these converters. */
    private static RestClient tokenEndpoint(XeroClientSettings settings) {
        return RestClient.builder()
                .requestFactory(requestFactory(settings))
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    /** Every call to Xero's identity service has the timeouts of the calls to its API. */
    static JdkClientHttpRequestFactory requestFactory(XeroClientSettings settings) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.timeoutMs()).build());
        requests.setReadTimeout(settings.timeoutMs());
        return requests;
    }
}
