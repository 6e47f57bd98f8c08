package io.ledgerbridge.connection;

import io.ledgerbridge.connection.XeroConnection.Status;
import io.ledgerbridge.support.FixHints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
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

/**
 * Hands out a valid access token per workspace (F2). A token that expires within two minutes is refreshed first, by
 * exactly one refresher per workspace: threads of this replica queue on a lock, and replicas take a lease on the
 * connection's row in a statement of its own, so no transaction or row lock is held while Xero's token endpoint
 * answers. The rotated refresh token is stored, and the lease given back, in one conditional statement; a caller that
 * finds another replica refreshing waits for its tokens. {@code invalid_grant} parks the workspace as NEEDS_RECONNECT:
 * its work waits, it does not fail.
 */
@Component
public class TokenService {

    static final Duration REFRESH_EARLY = Duration.ofMinutes(2);
    /** Well inside Xero's 60 idle days. */
    static final Duration KEEP_ALIVE = Duration.ofDays(7);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);

    private final XeroConnectionRepository connections;
    private final OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient;
    private final ClientRegistration xero;
    private final Clock clock;
    /** Longer than a token call can take (the client's timeout), so a lease runs out only when its holder died. */
    private final Duration lease;
    private final Map<String, ReentrantLock> refreshers = new ConcurrentHashMap<>();

    @Autowired
    public TokenService(XeroConnectionRepository connections,
                        OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient,
                        ClientRegistration xero, XeroClientSettings settings) {
        this(connections, refreshClient, xero, Clock.systemUTC(), settings.timeoutMs().plusSeconds(5));
    }

    TokenService(XeroConnectionRepository connections,
                 OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient,
                 ClientRegistration xero, Clock clock, Duration lease) {
        this.connections = connections;
        this.refreshClient = refreshClient;
        this.xero = xero;
        this.clock = clock;
        this.lease = lease;
    }

    /** A usable connection with an access token valid for at least two more minutes. */
    public XeroConnection connection(String workspaceId) {
        XeroConnection connection = usable(workspaceId, connections.find(workspaceId).orElse(null));
        if (fresh(connection)) {
            return connection;
        }
        return refresh(workspaceId, connection.accessToken());
    }

    /**
     * Refreshes unless another caller already replaced {@code staleAccessToken} with one that is still good
     * (after a 401 TokenExpired, many lanes may ask at once; only the first refreshes).
     */
    public XeroConnection refresh(String workspaceId, String staleAccessToken) {
        ReentrantLock lock = refreshers.computeIfAbsent(workspaceId, id -> new ReentrantLock());
        lock.lock();
        try {
            Instant deadline = clock.instant().plus(lease).plus(lease);
            while (true) {
                XeroConnection current = usable(workspaceId, connections.find(workspaceId).orElse(null));
                if (!current.accessToken().equals(staleAccessToken) && fresh(current)) {
                    return current;
                }
                UUID token = UUID.randomUUID();
                Instant now = clock.instant();
                if (connections.takeRefreshLease(workspaceId, token, now, now.plus(lease))) {
                    return refreshHolding(current, token);
                }
                if (clock.instant().isAfter(deadline)) {
                    throw new TokenUnavailableException("Another replica is still refreshing the Xero token of workspace '"
                            + workspaceId + "'", null);
                }
                LockSupport.parkNanos(POLL.toNanos()); // another replica holds the lease: its tokens come shortly
            }
        } finally {
            lock.unlock();
        }
    }

    /** The call to Xero's token endpoint, with the lease held and no transaction open. */
    private XeroConnection refreshHolding(XeroConnection current, UUID token) {
        String workspaceId = current.workspaceId();
        OAuth2AccessTokenResponse response;
        try {
            response = refreshClient.getTokenResponse(new OAuth2RefreshTokenGrantRequest(xero,
                    new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, current.accessToken(), null, null),
                    new OAuth2RefreshToken(current.refreshToken(), null)));
        } catch (OAuth2AuthorizationException e) {
            if ("invalid_grant".equals(e.getError().getErrorCode())) {
                String reason = "Xero no longer accepts the refresh token (invalid_grant): connect Xero again";
                connections.releaseRefreshLease(workspaceId, token, Status.NEEDS_RECONNECT, reason);
                log.warn("Workspace {} needs to reconnect Xero: {}", workspaceId, reason);
                throw new NeedsReconnectException(workspaceId, reason);
            }
            connections.releaseRefreshLease(workspaceId, token, null, null);
            throw new TokenUnavailableException("Refreshing the Xero token of workspace '" + workspaceId + "' failed: "
                    + e.getError(), e);
        } catch (RuntimeException e) {
            // the token endpoint did not answer, or answered something unreadable: try again later
            connections.releaseRefreshLease(workspaceId, token, null, null);
            throw new TokenUnavailableException("Xero's token endpoint could not refresh the token of workspace '"
                    + workspaceId + "': " + e.getMessage(), e);
        }
        OAuth2AccessToken access = response.getAccessToken();
        String refreshToken = response.getRefreshToken() == null
                ? current.refreshToken() : response.getRefreshToken().getTokenValue();
        Instant expires = access.getExpiresAt() == null ? clock.instant().plus(Duration.ofMinutes(30)) : access.getExpiresAt();
        if (!connections.saveRefreshed(workspaceId, token, access.getTokenValue(), refreshToken, expires)) {
            // our lease ran out and another refresher stored its tokens: use those (Xero keeps both pairs working)
            log.warn("The Xero token refresh of workspace {} outlived its lease; using the tokens stored since", workspaceId);
            return usable(workspaceId, connections.find(workspaceId).orElse(null));
        }
        log.info("Refreshed the Xero token of workspace {} (valid until {})", workspaceId, expires);
        return new XeroConnection(workspaceId, current.tenantId(), current.tenantName(), access.getTokenValue(),
                refreshToken, expires, Status.CONNECTED, null);
    }

    /**
     * Keeps idle connections alive: Xero forgets a refresh token unused for 60 days (FACTS §1.3), so a workspace that
     * sent nothing for {@link #KEEP_ALIVE} has its token refreshed now (the keep-alive route, daily). A refusal parks it
     * as NEEDS_RECONNECT, as any refresh does; one that cannot be done now is tried the next day.
     *
     * @return how many were refreshed
     */
    public int keepAlive() {
        int refreshed = 0;
        for (String workspaceId : connections.idleSince(clock.instant().minus(KEEP_ALIVE))) {
            try {
                XeroConnection connection = connections.find(workspaceId).orElseThrow();
                refresh(workspaceId, connection.accessToken());
                refreshed++;
            } catch (RuntimeException e) {
                log.warn("Workspace {}: its idle Xero connection could not be refreshed: {}", workspaceId, e.getMessage());
            }
        }
        return refreshed;
    }

    /**
     * Why the workspace cannot reach Xero now, with what to do (not connected, disconnected, needs reconnecting); empty
     * when it can, or when only Xero's token endpoint is down for now (the work then says so itself).
     */
    public Optional<String> whyUnreachable(String workspaceId) {
        try {
            connection(workspaceId);
            return Optional.empty();
        } catch (NotConnectedException e) {
            return Optional.of("The workspace cannot reach Xero: " + e.getMessage() + ". " + FixHints.CONNECT_XERO);
        } catch (NeedsReconnectException e) {
            return Optional.of("Xero needs connecting again: " + e.getMessage() + ". " + FixHints.CONNECT_XERO_AGAIN);
        } catch (TokenUnavailableException e) {
            return Optional.empty();
        }
    }

    /** Xero refused the connection outright (401/403 after a refresh): the workspace has to connect again. */
    public void needsReconnect(String workspaceId, String reason) {
        connections.markStatus(workspaceId, Status.NEEDS_RECONNECT, reason);
        log.warn("Workspace {} needs to reconnect Xero: {}", workspaceId, reason);
    }

    private boolean fresh(XeroConnection connection) {
        return connection.accessExpiresAt().isAfter(clock.instant().plus(REFRESH_EARLY));
    }

    private static XeroConnection usable(String workspaceId, XeroConnection connection) {
        if (connection == null) {
            throw new NotConnectedException(workspaceId);
        }
        if (connection.status() == Status.DISCONNECTED) {
            throw new NotConnectedException(workspaceId, connection.statusReason());
        }
        if (!connection.usable()) {
            throw new NeedsReconnectException(workspaceId, connection.statusReason() == null
                    ? "its status is " + connection.status() : connection.statusReason());
        }
        return connection;
    }
}
