package io.ledgerbridge.connection;

import io.ledgerbridge.connection.XeroConnection.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out a valid access token per workspace (F2). A token that expires within two minutes is
 * refreshed first; the rotated refresh token is saved in the same transaction that locked the row, so
 * there is one refresher per workspace across replicas and a rotation is never lost. {@code invalid_grant}
 * parks the workspace as NEEDS_RECONNECT.
 */
@Component
public class TokenService {

    static final Duration REFRESH_EARLY = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);

    private final XeroConnectionRepository connections;
    private final TransactionTemplate transaction;
    private final OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient;
    private final ClientRegistration xero;
    private final Clock clock;

    @Autowired
    public TokenService(XeroConnectionRepository connections, PlatformTransactionManager transactions,
                        OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient,
                        ClientRegistration xero) {
        this(connections, ownTransaction(transactions), refreshClient, xero, Clock.systemUTC());
    }

    /**
     * A refresh commits on its own, even when a caller's transaction (a contact look-up under its lock)
     * rolls back: a rotated refresh token, or a NEEDS_RECONNECT status, must never be lost.
     */
    private static TransactionTemplate ownTransaction(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    TokenService(XeroConnectionRepository connections, TransactionTemplate transaction,
                 OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient,
                 ClientRegistration xero, Clock clock) {
        this.connections = connections;
        this.transaction = transaction;
        this.refreshClient = refreshClient;
        this.xero = xero;
        this.clock = clock;
    }

    /** A usable connection with an access token valid for at least two more minutes. */
    public XeroConnection connection(String workspaceId) {
        XeroConnection connection = connections.find(workspaceId)
                .orElseThrow(() -> new NotConnectedException(workspaceId));
        if (!connection.usable()) {
            throw new NeedsReconnectException(workspaceId, reasonOf(connection));
        }
        if (connection.accessExpiresAt().isAfter(clock.instant().plus(REFRESH_EARLY))) {
            return connection;
        }
        return refresh(workspaceId, connection.accessToken());
    }

    /**
     * Refreshes unless another caller already replaced {@code staleAccessToken} with one that is still good
     * (after a 401 TokenExpired, many lanes may ask at once; only the first refreshes).
     */
    public XeroConnection refresh(String workspaceId, String staleAccessToken) {
        // The NEEDS_RECONNECT status must be committed, so the transaction returns it instead of throwing.
        Object outcome = transaction.execute(status -> refreshLocked(workspaceId, staleAccessToken));
        if (outcome instanceof NeedsReconnectException parked) {
            throw parked;
        }
        return (XeroConnection) outcome;
    }

    private Object refreshLocked(String workspaceId, String staleAccessToken) {
        XeroConnection current = connections.lock(workspaceId).orElse(null);
        if (current == null) {
            return new NotConnectedException(workspaceId);
        }
        if (!current.usable()) {
            return new NeedsReconnectException(workspaceId, reasonOf(current));
        }
        Instant now = clock.instant();
        if (!current.accessToken().equals(staleAccessToken) && current.accessExpiresAt().isAfter(now.plus(REFRESH_EARLY))) {
            return current;
        }
        OAuth2AccessTokenResponse response;
        try {
            response = refreshClient.getTokenResponse(new OAuth2RefreshTokenGrantRequest(xero,
                    new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, current.accessToken(), null, null),
                    new OAuth2RefreshToken(current.refreshToken(), null)));
        } catch (OAuth2AuthorizationException e) {
            if ("invalid_grant".equals(e.getError().getErrorCode())) {
                String reason = "Xero no longer accepts the refresh token (invalid_grant): connect Xero again";
                connections.markStatus(workspaceId, Status.NEEDS_RECONNECT, reason);
                log.warn("Workspace {} needs to reconnect Xero: {}", workspaceId, reason);
                return new NeedsReconnectException(workspaceId, reason);
            }
            throw new TokenUnavailableException("Refreshing the Xero token of workspace '" + workspaceId + "' failed: "
                    + e.getError(), e);
        } catch (RuntimeException e) {
            // the token endpoint did not answer, or answered something unreadable: try again later
            throw new TokenUnavailableException("Xero's token endpoint could not refresh the token of workspace '"
                    + workspaceId + "': " + e.getMessage(), e);
        }
        OAuth2AccessToken access = response.getAccessToken();
        String refreshToken = response.getRefreshToken() == null
                ? current.refreshToken() : response.getRefreshToken().getTokenValue();
        Instant expires = access.getExpiresAt() == null ? now.plus(Duration.ofMinutes(30)) : access.getExpiresAt();
        XeroConnection refreshed = new XeroConnection(workspaceId, current.tenantId(), current.tenantName(),
                access.getTokenValue(), refreshToken, expires, Status.CONNECTED, null);
        connections.save(refreshed);
        log.info("Refreshed the Xero token of workspace {} (valid until {})", workspaceId, expires);
        return refreshed;
    }

    /** Xero refused the connection outright (401/403 after a refresh): the workspace has to connect again. */
    public void needsReconnect(String workspaceId, String reason) {
        connections.markStatus(workspaceId, Status.NEEDS_RECONNECT, reason);
        log.warn("Workspace {} needs to reconnect Xero: {}", workspaceId, reason);
    }

    private static String reasonOf(XeroConnection connection) {
        return connection.statusReason() == null ? "its status is " + connection.status() : connection.statusReason();
    }
}
