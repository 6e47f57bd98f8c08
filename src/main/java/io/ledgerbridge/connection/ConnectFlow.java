package io.ledgerbridge.connection;

import io.ledgerbridge.api.ConflictException;
import io.ledgerbridge.api.NotFoundException;
import io.ledgerbridge.connection.ConnectDecisions.Check;
import io.ledgerbridge.connection.ConnectDecisions.Choice;
import io.ledgerbridge.connection.ConnectOutcome.ChooseOrganisation;
import io.ledgerbridge.connection.ConnectOutcome.Connected;
import io.ledgerbridge.connection.ConnectOutcome.Stopped;
import io.ledgerbridge.connection.ConnectRequests.ConnectRequest;
import io.ledgerbridge.connection.XeroConnection.Status;
import io.ledgerbridge.connection.XeroIdentity.IdentityException;
import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.workspace.WorkspaceRepository;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connecting a workspace to its Xero organisation (F1-F4), disconnecting it, and moving it to another one. Each step
 * is an orchestrator: it gathers (the stored request, the connection, the links), asks {@link ConnectDecisions},
 * calls Xero's identity service outside any transaction, and applies the answer in one short transaction that also
 * publishes what other features react to ({@link WorkspaceConnected}, {@link XeroLinksCleared}). A disconnect needs
 * no event: the next pass finds the workspace not connected and parks its documents (NOT_CONNECTED).
 */
@Service
public class ConnectFlow {

    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    static final Duration CHOICE_LIFETIME = Duration.ofMinutes(10);
    static final String CALLBACK_PATH = "/oauth/xero/callback";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(ConnectFlow.class);

    /** What {@code POST …/xero/connect} answers: where to send the person, and until when the link works. */
    public record AuthorizeUrl(URI authorizeUrl, Instant expiresAt) {
    }

    /** A workspace's connection as the API shows it. */
    public record ConnectionStatus(String workspaceId, String status, UUID tenantId, String organisationName,
                                   boolean needsReconnect, String reason, Instant connectedAt,
                                   List<XeroOrganisation> organisationsToChoose) {
    }

    /** What a disconnect did: {@code revokedAtXero} false when Xero could not be reached (the tokens are gone anyway). */
    public record Disconnected(String workspaceId, String status, boolean revokedAtXero, String detail) {
    }

    private final ConnectRequests requests;
    private final XeroConnectionRepository connections;
    private final TokenService tokens;
    private final XeroIdentity identity;
    private final ClientRegistration xero;
    private final XeroClientSettings settings;
    private final WorkspaceRepository workspaces;
    private final ObjectProvider<XeroLinks> links;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConnectFlow(ConnectRequests requests, XeroConnectionRepository connections, TokenService tokens, XeroIdentity identity,
                ClientRegistration xero, XeroClientSettings settings, WorkspaceRepository workspaces,
                ObjectProvider<XeroLinks> links, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                Clock clock) {
        this.requests = requests;
        this.connections = connections;
        this.tokens = tokens;
        this.identity = identity;
        this.xero = xero;
        this.settings = settings;
        this.workspaces = workspaces;
        this.links = links;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * An authorize URL for the workspace: authorization code with PKCE (S256), and a state bound to the workspace,
     * good once for ten minutes. {@code serviceBaseUrl} is the service's address as the request reached it, used for
     * the redirect URI unless {@code ledgerbridge.xero.redirect-uri} is set.
     */
    public AuthorizeUrl start(String workspaceId, String serviceBaseUrl) {
        requireWorkspace(workspaceId);
        String redirectUri = settings.redirectUri() == null || settings.redirectUri().isBlank()
                ? serviceBaseUrl + CALLBACK_PATH : settings.redirectUri();
        String state = workspaceId + "." + randomToken();
        OAuth2AuthorizationRequest request = authorizationRequest(redirectUri, state, null);
        Instant now = clock.instant();
        Instant expires = now.plus(STATE_LIFETIME);
        requests.create(workspaceId, state, request.getAttribute(PkceParameterNames.CODE_VERIFIER), redirectUri, now, expires);
        log.info("Workspace {} starts connecting Xero", workspaceId);
        return new AuthorizeUrl(URI.create(request.getAuthorizationRequestUri()), expires);
    }

    /** Xero sent the person back: with a code, or with an error (consent denied). */
    ConnectOutcome callback(String state, String code, String error, String errorDescription) {
        String workspaceId = workspaceOf(state);
        Check check = workspaceId == null ? new ConnectDecisions.Unknown()
                : ConnectDecisions.callback(requests.find(workspaceId, state), clock.instant());
        if (!(check instanceof ConnectDecisions.Proceed proceed)) {
            return stateRefused(check, workspaceId);
        }
        if (!requests.use(workspaceId, state, clock.instant())) {
            return stateRefused(new ConnectDecisions.Used(), workspaceId);
        }
        if (error != null) {
            return "access_denied".equals(error)
                    ? new Stopped(403, "Xero was not connected",
                            "Access was not allowed on Xero's consent page, so nothing was connected.",
                            FixHints.startConnectAgain(workspaceId) + " Choose Allow access on Xero's page.")
                    : new Stopped(400, "Xero was not connected", "Xero answered " + error
                            + (errorDescription == null ? "" : " (" + errorDescription + ")") + ".",
                            FixHints.startConnectAgain(workspaceId));
        }
        if (code == null || code.isBlank()) {
            return new Stopped(400, "Xero was not connected", "Xero sent no authorization code back.",
                    FixHints.startConnectAgain(workspaceId));
        }
        ConnectRequest request = proceed.request();
        XeroTokens issued;
        List<XeroOrganisation> reached;
        try {
            issued = identity.exchange(authorizationRequest(request.redirectUri(), state, request.codeVerifier()), code);
            reached = identity.organisations(issued.accessToken());
        } catch (IdentityException e) {
            log.warn("Workspace {}: connecting Xero stopped: {}", workspaceId, e.getMessage());
            return e.invalidGrant()
                    ? new Stopped(400, "The sign-in with Xero ran out",
                            "Xero no longer accepts the code it gave: it is good for a few minutes and for one use only.",
                            FixHints.startConnectAgain(workspaceId))
                    : new Stopped(502, "Xero did not answer", e.getMessage() + ". Nothing was connected.",
                            FixHints.startConnectAgain(workspaceId));
        }
        return decide(workspaceId, state, issued, reached, null);
    }

    /** The person chose one of the organisations the login reaches, on the choose page. */
    ConnectOutcome choose(String workspaceId, String choiceToken, UUID tenantId) {
        Check check = ConnectDecisions.choice(requests.findChoice(workspaceId, choiceToken), clock.instant());
        if (!(check instanceof ConnectDecisions.Proceed proceed)) {
            return choiceRefused(check, workspaceId);
        }
        ConnectRequest request = proceed.request();
        if (tenantId == null || request.organisations().stream().noneMatch(o -> o.tenantId().equals(tenantId))) {
            return new Stopped(400, "Choose one of the organisations", "The organisation "
                    + (tenantId == null ? "chosen" : tenantId) + " is not one the Xero login allowed.",
                    "Choose one of: " + names(request.organisations()) + ".");
        }
        if (!requests.choose(workspaceId, choiceToken, clock.instant())) {
            return choiceRefused(new ConnectDecisions.Used(), workspaceId);
        }
        return decide(workspaceId, request.state(), request.tokens(), request.organisations(), tenantId);
    }

    /** The same step through the API: the workspace's open choice. */
    ConnectOutcome chooseThroughApi(String workspaceId, UUID tenantId) {
        requireWorkspace(workspaceId);
        ConnectRequest open = requests.openChoice(workspaceId, clock.instant())
                .orElseThrow(() -> new ConflictException("No organisation to choose",
                        "Workspace '" + workspaceId + "' has no connect waiting for a choice of organisation. "
                                + FixHints.startConnectAgain(workspaceId)));
        return choose(workspaceId, open.choiceToken(), tenantId);
    }

    private ConnectOutcome decide(String workspaceId, String state, XeroTokens issued, List<XeroOrganisation> reached,
                                  UUID picked) {
        Optional<XeroConnection> existing = connections.find(workspaceId);
        long linked = existing.isPresent() ? linkCount(workspaceId) : 0;
        Choice choice = ConnectDecisions.organisation(reached, picked, existing, linked);
        if (choice instanceof ConnectDecisions.Connect connect) {
            return connect(workspaceId, issued, connect);
        }
        if (choice instanceof ConnectDecisions.Choose choose) {
            String choiceToken = randomToken();
            requests.awaitChoice(workspaceId, state, choiceToken, issued, choose.organisations(),
                    clock.instant().plus(CHOICE_LIFETIME));
            return new ChooseOrganisation(workspaceId, choiceToken, choose.organisations());
        }
        if (choice instanceof ConnectDecisions.NotReached notReached) {
            return new Stopped(400, "Choose one of the organisations",
                    "The organisation " + notReached.tenantId() + " is not one the Xero login allowed.",
                    "Choose one of: " + names(reached) + ".");
        }
        revokeQuietly(workspaceId, issued); // the grant will not be used
        if (choice instanceof ConnectDecisions.OtherOrganisation other) {
            String linkedName = other.linkedName() == null ? "organisation " + other.linkedTenantId() : other.linkedName();
            return new Stopped(409, "This workspace is linked to another organisation", other.links()
                    + " of its records (documents and contacts) are linked to records in " + linkedName + " ("
                    + other.linkedTenantId() + "), not in " + other.picked().tenantName() + ". Nothing was connected.",
                    FixHints.connectTheLinkedOrganisation(workspaceId, linkedName));
        }
        return new Stopped(400, "No organisation was connected", "The Xero login allowed access to no organisation.",
                FixHints.ADD_AN_ORGANISATION);
    }

    private Connected connect(String workspaceId, XeroTokens issued, ConnectDecisions.Connect connect) {
        XeroOrganisation organisation = connect.organisation();
        transaction.executeWithoutResult(status -> {
            connections.save(new XeroConnection(workspaceId, organisation.tenantId(), organisation.tenantName(),
                    issued.accessToken(), issued.refreshToken(), issued.accessExpiresAt(), Status.CONNECTED, null));
            connections.saveConnectionId(workspaceId, organisation.connectionId());
            events.publishEvent(new WorkspaceConnected(workspaceId, organisation.tenantId()));
        });
        log.info("Workspace {} connected Xero organisation {} ({}){}", workspaceId, organisation.tenantName(),
                organisation.tenantId(), connect.sameAsBefore() ? " again" : "");
        return new Connected(workspaceId, organisation.tenantId(), organisation.tenantName(), connect.sameAsBefore());
    }

    public ConnectionStatus status(String workspaceId) {
        requireWorkspace(workspaceId);
        List<XeroOrganisation> choosing = requests.openChoice(workspaceId, clock.instant())
                .map(ConnectRequest::organisations).orElse(List.of());
        Optional<XeroConnection> connection = connections.find(workspaceId);
        if (connection.isEmpty()) {
            return new ConnectionStatus(workspaceId, choosing.isEmpty() ? "NOT_CONNECTED" : "CHOOSING_ORGANISATION",
                    null, null, false, null, null, choosing);
        }
        XeroConnection c = connection.get();
        return new ConnectionStatus(workspaceId, c.status().name(), c.tenantId(), c.tenantName(),
                c.status() == Status.NEEDS_RECONNECT, c.statusReason(), connections.connectedAt(workspaceId).orElse(null),
                choosing);
    }

    /**
     * Disconnects: the connection removed at Xero and the refresh token revoked (which ends the grant), then the
     * tokens deleted and sync stopped. The mappings and the links to Xero records stay. Said twice, it does nothing new.
     */
    public Disconnected disconnect(String workspaceId) {
        requireWorkspace(workspaceId);
        XeroConnection existing = connections.find(workspaceId).orElse(null);
        if (existing == null || existing.status() == Status.DISCONNECTED) {
            return new Disconnected(workspaceId, existing == null ? "NOT_CONNECTED" : "DISCONNECTED", false,
                    "It was not connected.");
        }
        boolean revoked = true;
        String detail = "Disconnected from " + existing.tenantName() + ".";
        try {
            removeAtXero(workspaceId, existing);
        } catch (RuntimeException e) {
            revoked = false;
            detail = "Disconnected here, but Xero could not be told (" + e.getMessage() + "): remove LedgerBridge under"
                    + " Settings → Connected apps in Xero.";
            log.warn("Workspace {}: Xero could not be told of the disconnect: {}", workspaceId, e.getMessage());
        }
        String reason = "Disconnected on " + WHEN.format(clock.instant()) + ".";
        transaction.executeWithoutResult(status -> connections.disconnected(workspaceId, reason));
        log.info("Workspace {} disconnected Xero organisation {} ({})", workspaceId, existing.tenantName(), existing.tenantId());
        return new Disconnected(workspaceId, "DISCONNECTED", revoked, detail);
    }

    private void removeAtXero(String workspaceId, XeroConnection existing) {
        if (existing.refreshToken() == null) {
            return;
        }
        Optional<UUID> connectionId = connections.connectionId(workspaceId);
        if (connectionId.isPresent() && existing.usable()) {
            try {
                identity.deleteConnection(tokens.connection(workspaceId).accessToken(), connectionId.get());
            } catch (NeedsReconnectException | TokenUnavailableException e) {
                // Xero no longer takes the token: revoking it below is all that is left to do
            }
        }
        identity.revoke(connections.find(workspaceId).map(XeroConnection::refreshToken).orElse(existing.refreshToken()));
    }

    /**
     * Forgets a disconnected workspace's links to its old organisation's records, so that it can connect another one.
     * The number of links forgotten is returned.
     */
    public long clearLinks(String workspaceId) {
        requireWorkspace(workspaceId);
        Optional<XeroConnection> existing = connections.find(workspaceId);
        if (existing.isPresent() && existing.get().status() != Status.DISCONNECTED) {
            throw new ConflictException("Still connected", "Workspace '" + workspaceId + "' is connected to "
                    + existing.get().tenantName() + ". " + FixHints.disconnectBeforeClearingLinks(workspaceId));
        }
        long cleared = linkCount(workspaceId);
        UUID oldTenant = existing.map(XeroConnection::tenantId).orElse(null);
        transaction.executeWithoutResult(status -> {
            connections.forgetDisconnected(workspaceId);
            events.publishEvent(new XeroLinksCleared(workspaceId, oldTenant));
        });
        log.info("Workspace {} forgot {} link(s) to the records of organisation {}", workspaceId, cleared, oldTenant);
        return cleared;
    }

    private void revokeQuietly(String workspaceId, XeroTokens issued) {
        try {
            identity.revoke(issued.refreshToken());
        } catch (RuntimeException e) {
            log.warn("Workspace {}: a grant that was not used could not be revoked at Xero: {}", workspaceId, e.getMessage());
        }
    }

    private OAuth2AuthorizationRequest authorizationRequest(String redirectUri, String state, String codeVerifier) {
        OAuth2AuthorizationRequest.Builder builder = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(xero.getProviderDetails().getAuthorizationUri())
                .clientId(xero.getClientId())
                .redirectUri(redirectUri)
                .scopes(xero.getScopes())
                .state(state);
        if (codeVerifier == null) {
            OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder); // a new verifier and its S256 challenge
        } else {
            builder.attributes(attributes -> attributes.put(PkceParameterNames.CODE_VERIFIER, codeVerifier));
        }
        return builder.build();
    }

    private Stopped stateRefused(Check check, String workspaceId) {
        String again = workspaceId == null ? "Start connecting again from the platform." : FixHints.startConnectAgain(workspaceId);
        if (check instanceof ConnectDecisions.Used) {
            return new Stopped(400, "This connect link was already used",
                    "Each link to Xero works once; this one has been used (a reload, or the back button).", again);
        }
        if (check instanceof ConnectDecisions.Expired expired) {
            return new Stopped(400, "This connect link has expired", "It was good until " + WHEN.format(expired.at()) + ".",
                    again);
        }
        return new Stopped(400, "This connect link is not valid",
                "LedgerBridge did not start this connect (its state is unknown), so nothing was connected.", again);
    }

    private Stopped choiceRefused(Check check, String workspaceId) {
        String again = FixHints.startConnectAgain(workspaceId);
        if (check instanceof ConnectDecisions.Used) {
            return new Stopped(400, "An organisation was already chosen", "This choice was made already.", again);
        }
        if (check instanceof ConnectDecisions.Expired expired) {
            return new Stopped(400, "The choice has expired", "It was open until " + WHEN.format(expired.at()) + ".", again);
        }
        return new Stopped(400, "This choice is not valid", "LedgerBridge has no such choice open.", again);
    }

    private long linkCount(String workspaceId) {
        XeroLinks keeper = links.getIfAvailable();
        return keeper == null ? 0 : keeper.count(workspaceId);
    }

    private void requireWorkspace(String workspaceId) {
        if (!workspaces.exists(workspaceId)) {
            throw NotFoundException.workspace(workspaceId);
        }
    }

    /** The workspace a state was made for: the part before its last dot (the random part has none). */
    private static String workspaceOf(String state) {
        if (state == null) {
            return null;
        }
        int dot = state.lastIndexOf('.');
        return dot <= 0 ? null : state.substring(0, dot);
    }

    private static String names(List<XeroOrganisation> organisations) {
        return String.join(", ", organisations.stream().map(o -> o.tenantName() + " (" + o.tenantId() + ")").toList());
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
