package io.ledgerbridge.sandbox.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Grants, tokens and authorization codes (FACTS §1.3): access tokens live {@code accessTokenLifetime}
 * (30 min by default); every refresh returns a new refresh token, and the replaced one keeps working for
 * {@code refreshGrace} after its first use, then answers invalid_grant, as do revoked tokens and ones
 * unused for 60 days. Tokens are opaque random strings, not JWTs.
 */
public final class TokenStore {

    static final Duration REFRESH_IDLE_LIMIT = Duration.ofDays(60);
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One user's consent: the tenants it reaches and when each was connected. */
    public static final class Grant {
        final UUID authEventId = UUID.randomUUID();
        final String clientId;
        final String scope;
        final Map<UUID, Connection> connections = new LinkedHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger refreshes = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean revoked;

        Grant(String clientId, String scope) {
            this.clientId = clientId;
            this.scope = scope;
        }

        public synchronized boolean reaches(UUID tenantId) {
            return !revoked && connections.values().stream().anyMatch(c -> c.tenantId().equals(tenantId));
        }

        public synchronized List<Connection> connections() {
            return new ArrayList<>(connections.values());
        }

        public UUID authEventId() {
            return authEventId;
        }
    }

    /** What {@code GET /connections} lists for one tenant. */
    public record Connection(UUID id, UUID tenantId, String tenantName, Instant created) {
    }

    /** What the token endpoint answers with. */
    public record Tokens(String accessToken, String refreshToken, long expiresIn, String scope) {
    }

    /** How a bearer token checked out. */
    public sealed interface Check permits Valid, Expired, Invalid {
    }

    public record Valid(Grant grant) implements Check {
    }

    public record Expired(Instant at) implements Check {
    }

    public record Invalid() implements Check {
    }

    /** A token request that fails; {@code error} is the OAuth error code, e.g. invalid_grant. */
    public static final class TokenException extends RuntimeException {
        private final int status;

        TokenException(int status, String error) {
            super(error);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final class Access {
        final Grant grant;
        volatile Instant expires;

        Access(Grant grant, Instant expires) {
            this.grant = grant;
            this.expires = expires;
        }
    }

    private static final class Refresh {
        final Grant grant;
        Instant lastUsed;
        Instant supersededAt;
        boolean revoked;

        Refresh(Grant grant, Instant issued) {
            this.grant = grant;
            this.lastUsed = issued;
        }
    }

    private record Code(Grant grant, String clientId, String redirectUri, String challenge, String challengeMethod,
                        Instant expires) {
    }

    private final Clock clock;
    private final Duration accessLifetime;
    private final Duration refreshGrace;
    private final Map<String, Access> access = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refresh = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();

    public TokenStore(Clock clock, Duration accessLifetime, Duration refreshGrace) {
        this.clock = clock;
        this.accessLifetime = accessLifetime;
        this.refreshGrace = refreshGrace;
    }

    /**
     * A grant to the given tenants, minted directly (the control surface's POST /sandbox/tokens); with a null
     * {@code clientId} any client may refresh it.
     */
    public Tokens grant(Collection<UUID> tenantIds, Function<UUID, String> tenantNames, String clientId, String scope) {
        Grant grant = newGrant(tenantIds, tenantNames, clientId, scope);
        return issue(grant);
    }

    /** Remembers a consent and returns the single-use code the redirect carries. */
    public String issueCode(Collection<UUID> tenantIds, Function<UUID, String> tenantNames, String clientId,
                            String redirectUri, String scope, String challenge, String challengeMethod) {
        String code = randomToken();
        codes.put(code, new Code(newGrant(tenantIds, tenantNames, clientId, scope), clientId, redirectUri, challenge,
                challengeMethod, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    public Tokens exchangeCode(String code, String clientId, String redirectUri, String verifier) {
        Code c = code == null ? null : codes.remove(code);
        if (c == null || clock.instant().isAfter(c.expires()) || !c.clientId().equals(clientId)
                || (redirectUri != null && !redirectUri.equals(c.redirectUri()))) {
            throw new TokenException(400, "invalid_grant");
        }
        if (c.challenge() != null && !Pkce.verify(c.challenge(), c.challengeMethod(), verifier)) {
            throw new TokenException(400, "invalid_grant");
        }
        return issue(c.grant());
    }

    /** Rotates a refresh token; the old one stays usable for the grace period after its first use. */
    public Tokens refresh(String token, String clientId) {
        Refresh r = token == null ? null : refresh.get(token);
        if (r == null) {
            throw new TokenException(400, "invalid_grant");
        }
        Instant now = clock.instant();
        synchronized (r) {
            boolean stale = r.revoked || r.grant.revoked
                    || now.isAfter(r.lastUsed.plus(REFRESH_IDLE_LIMIT))
                    || (r.supersededAt != null && now.isAfter(r.supersededAt.plus(refreshGrace)))
                    || (r.grant.clientId != null && !r.grant.clientId.equals(clientId));
            if (stale) {
                throw new TokenException(400, "invalid_grant");
            }
            if (r.supersededAt == null) {
                r.supersededAt = now;
            }
            r.lastUsed = now;
        }
        r.grant.refreshes.incrementAndGet();
        return issue(r.grant);
    }

    /** Revokes the grant behind a refresh (or access) token: all its tokens and connections end. */
    public void revoke(String token) {
        Refresh r = token == null ? null : refresh.get(token);
        Grant grant = r != null ? r.grant : token == null ? null : access.containsKey(token) ? access.get(token).grant : null;
        if (grant != null) {
            grant.revoked = true;
            synchronized (grant) {
                grant.connections.clear();
            }
        }
    }

    public Check check(String bearer) {
        Access a = bearer == null ? null : access.get(bearer);
        if (a == null || a.grant.revoked) {
            return new Invalid();
        }
        if (!clock.instant().isBefore(a.expires)) {
            return new Expired(a.expires);
        }
        return new Valid(a.grant);
    }

    /** Removes one tenant connection from a grant; false when the grant has no such connection. */
    public boolean disconnect(Grant grant, UUID connectionId) {
        synchronized (grant) {
            return grant.connections.remove(connectionIdToTenant(grant, connectionId)) != null;
        }
    }

    private static UUID connectionIdToTenant(Grant grant, UUID connectionId) {
        return grant.connections.values().stream().filter(c -> c.id().equals(connectionId))
                .map(Connection::tenantId).findFirst().orElse(null);
    }

    /** Every access token issued so far expires now (POST /sandbox/tokens/expire). */
    public void expireAccessTokens() {
        Instant now = clock.instant();
        access.values().forEach(a -> a.expires = now);
    }

    /** Every refresh token issued so far stops working (POST /sandbox/tokens/revoke). */
    public void revokeRefreshTokens() {
        refresh.values().forEach(r -> {
            synchronized (r) {
                r.revoked = true;
            }
        });
    }

    /**
     * Revokes every grant that reaches the tenant, as when the organisation's adviser removes the app in Xero
     * (POST /sandbox/tokens/revoke with a tenantId): their refresh tokens answer invalid_grant, their access tokens 401.
     */
    public void revokeGrantsReaching(UUID tenantId) {
        refresh.values().stream().map(r -> r.grant).distinct().filter(g -> g.reaches(tenantId)).forEach(grant -> {
            grant.revoked = true;
            synchronized (grant) {
                grant.connections.clear();
            }
        });
    }

    /** Every authorization code not yet exchanged runs out now (POST /sandbox/codes/expire). */
    public void expireCodes() {
        Instant now = clock.instant().minusSeconds(1);
        codes.replaceAll((code, c) -> new Code(c.grant(), c.clientId(), c.redirectUri(), c.challenge(), c.challengeMethod(), now));
    }

    /** How many grants are alive (not revoked) that reach the tenant: what a test of disconnect or revoke checks. */
    public long liveGrantsReaching(UUID tenantId) {
        return refresh.values().stream().map(r -> r.grant).distinct().filter(g -> g.reaches(tenantId)).count();
    }

    /** How many refreshes the live grants reaching the tenant have had: what a test of one refresher checks. */
    public long refreshesOfGrantsReaching(UUID tenantId) {
        return refresh.values().stream().map(r -> r.grant).distinct().filter(g -> g.reaches(tenantId))
                .mapToLong(g -> g.refreshes.get()).sum();
    }

    public void clear() {
        access.clear();
        refresh.clear();
        codes.clear();
    }

    private Grant newGrant(Collection<UUID> tenantIds, Function<UUID, String> tenantNames, String clientId, String scope) {
        Grant grant = new Grant(clientId, scope);
        Instant now = clock.instant();
        for (UUID tenantId : tenantIds) {
            grant.connections.put(tenantId, new Connection(UUID.randomUUID(), tenantId, tenantNames.apply(tenantId), now));
        }
        return grant;
    }

    private Tokens issue(Grant grant) {
        Instant now = clock.instant();
        String accessToken = randomToken();
        String refreshToken = randomToken();
        access.put(accessToken, new Access(grant, now.plus(accessLifetime)));
        refresh.put(refreshToken, new Refresh(grant, now));
        return new Tokens(accessToken, refreshToken, accessLifetime.toSeconds(), grant.scope);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
