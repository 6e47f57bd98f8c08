package io.ledgerbridge.connection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * LedgerBridge as Xero's OAuth 2.0 client ({@code ledgerbridge.xero.*}; the defaults are in config/application.yaml).
 * A bad value stops the start and names its key. The client id and secret and the token key are required settings:
 * without them the service stops before any bean is made ({@link io.ledgerbridge.support.RequiredSettings}), so they
 * are not checked again here; {@link TokenCipher} checks the token key's form.
 * <p>
 * {@code timeout-ms} is also read as a {@code ${…}} placeholder by camel.component.http.* in config/application.yaml,
 * so it stays a number of milliseconds there.
 *
 * @param clientId     the app's client at Xero (developer portal)
 * @param clientSecret its secret
 * @param identityUrl  Xero's identity host: the token endpoint
 * @param loginUrl     Xero's login host: the authorize page
 * @param connectionsUrl Xero's list of the organisations a token reaches ({@code GET /connections})
 * @param redirectUri  where Xero sends the person back after consent, as registered with the app at Xero; empty: the
 *                     service's own address as the connect request reached it, + {@code /oauth/xero/callback}
 * @param scopes       the scopes asked for at connect, separated by spaces
 * @param tokenKey     the AES-256 key for tokens at rest, base64 of 32 bytes
 * @param timeoutMs    connect and read timeout of every call to Xero
 */
@Validated
@ConfigurationProperties("ledgerbridge.xero")
public record XeroClientSettings(
        String clientId,
        String clientSecret,
        @NotBlank String identityUrl,
        @NotBlank String loginUrl,
        @NotBlank String connectionsUrl,
        String redirectUri,
        @NotBlank String scopes,
        String tokenKey,
        @NotNull @DurationMin(millis = 1) @DurationUnit(ChronoUnit.MILLIS) Duration timeoutMs) {

    /** Without the secret and the token key, so that a log line or an error message never shows them. */
    @Override
    public String toString() {
        return "XeroClientSettings[clientId=" + clientId + ", identityUrl=" + identityUrl + ", loginUrl=" + loginUrl
                + ", connectionsUrl=" + connectionsUrl + ", redirectUri=" + redirectUri + ", scopes=" + scopes + ", timeoutMs=" + timeoutMs + "]";
    }
}
