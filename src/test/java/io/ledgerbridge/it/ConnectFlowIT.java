package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.connection.TokenService;
import io.ledgerbridge.connection.XeroClientSettings;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.it.ConsentBrowser.Page;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * A real supplier connects Xero (F1-F4): through the sandbox's consent page and back, choosing between two
 * organisations, on the page and through the API; a bad or replayed state, a denied consent and an expired code each
 * get a page that says what happened; a connection revoked at Xero parks the work as NEEDS_RECONNECT until the
 * workspace connects again, then the backlog goes, once; a disconnect keeps the mappings, and connecting another
 * organisation is refused until the old links are cleared.
 */
class ConnectFlowIT extends DeliveryTestBase {

    @Autowired
    TokenService tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient;
    @Autowired
    ClientRegistration registration;
    @Autowired
    XeroClientSettings clientSettings;

    private final ConsentBrowser browser = new ConsentBrowser();
    private String service;
    private String workspace;

    @BeforeEach
    void supplier() {
        service = "http://localhost:" + port;
        workspace = TestWorkspaces.unconnectedSupplier(api, "connect");
    }

    @Test
    void aSupplierConnectsThroughTheConsentPageChoosingOneOfTwoOrganisations() {
        UUID north = organisation("North Fresh");
        UUID south = organisation("South Fresh");
        assertThat(status().get("status").asText()).isEqualTo("NOT_CONNECTED");

        JsonNode started = api.post(path("/xero/connect"), "").json();
        String authorizeUrl = started.get("authorizeUrl").asText();
        assertThat(authorizeUrl).startsWith(sandbox.base() + "/identity/connect/authorize?")
                .contains("code_challenge_method=S256").contains("code_challenge=").contains("state=" + workspace + ".");
        String callback = browser.consent(authorizeUrl, List.of(north, south), true);
        assertThat(callback).startsWith(service + "/oauth/xero/callback?code=");

        Page choose = browser.get(callback);
        assertThat(choose.status()).isEqualTo(200);
        assertThat(choose.text("status")).isEqualTo("Choose an organisation");
        assertThat(ConsentBrowser.offered(choose)).containsExactlyInAnyOrder(north, south);
        assertThat(choose.body()).doesNotContain("access_token").doesNotContain(callback.substring(callback.indexOf("code=")));
        assertThat(status().get("status").asText()).isEqualTo("CHOOSING_ORGANISATION");

        Page connected = browser.choose(service, choose, south);
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        assertThat(connected.text("status")).isEqualTo("Connected");
        assertThat(connected.text("organisation")).isEqualTo("South Fresh");
        assertThat(connected.text("tenant")).isEqualTo(south.toString());
        JsonNode status = status();
        assertThat(status.get("status").asText()).isEqualTo("CONNECTED");
        assertThat(status.get("organisationName").asText()).isEqualTo("South Fresh");
        assertThat(status.get("tenantId").asText()).isEqualTo(south.toString());
        assertThat(status.get("needsReconnect").asBoolean()).isFalse();

        // the same redirect again, and the choice again: each was good once
        Page replayed = browser.get(callback);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.title()).isEqualTo("This connect link was already used");
        assertThat(browser.choose(service, choose, north).title()).isEqualTo("An organisation was already chosen");
        assertThat(status().get("tenantId").asText()).isEqualTo(south.toString());

        // and what it sends goes to the organisation chosen, not the other
        String orderId = send();
        awaitState(orderId, "SYNCED");
        assertThat(sandbox.invoices(south, "INV-" + orderId)).hasSize(1);
        assertThat(sandbox.invoices(north, "INV-" + orderId)).isEmpty();
    }

    @Test
    void theChoiceOfOrganisationCanBeMadeThroughTheApi() {
        UUID east = organisation("East Grocers");
        UUID west = organisation("West Grocers");
        Page choose = browser.get(browser.consent(authorizeUrl(), List.of(east, west), true));
        assertThat(choose.text("status")).isEqualTo("Choose an organisation");

        JsonNode waiting = status();
        assertThat(waiting.get("status").asText()).isEqualTo("CHOOSING_ORGANISATION");
        assertThat(waiting.get("organisationsToChoose").findValuesAsText("tenantId"))
                .containsExactlyInAnyOrder(east.toString(), west.toString());

        ApiClient.Response notOffered = api.post(path("/xero/organisation"), "{\"tenantId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(notOffered.status()).isEqualTo(400);
        assertThat(notOffered.json().get("detail").asText()).contains("East Grocers").contains("West Grocers");

        ApiClient.Response chosen = api.post(path("/xero/organisation"), "{\"tenantId\":\"" + east + "\"}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.json().get("status").asText()).isEqualTo("CONNECTED");
        assertThat(chosen.json().get("organisationName").asText()).isEqualTo("East Grocers");
        assertThat(api.post(path("/xero/organisation"), "{\"tenantId\":\"" + west + "\"}").status()).isEqualTo(409);
    }

    @Test
    void aForgedStateADeniedConsentAndAnExpiredCodeEachSayWhatHappenedAndConnectNothing() {
        UUID tenant = organisation("Harbour Supplies");

        Page forged = browser.get(service + "/oauth/xero/callback?code=abc&state=" + workspace + ".forged");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.title()).isEqualTo("This connect link is not valid");
        assertThat(forged.body()).contains("What to do:").contains("Start connecting again");
        Page noState = browser.get(service + "/oauth/xero/callback?code=abc");
        assertThat(noState.status()).isEqualTo(400);

        Page denied = browser.get(browser.consent(authorizeUrl(), List.of(tenant), false));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.title()).isEqualTo("Xero was not connected");
        assertThat(denied.text("detail")).contains("Access was not allowed");

        String callback = browser.consent(authorizeUrl(), List.of(tenant), true);
        sandbox.control("POST", "/sandbox/codes/expire", null);
        Page expired = browser.get(callback);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.title()).isEqualTo("The sign-in with Xero ran out");

        assertThat(status().get("status").asText()).isEqualTo("NOT_CONNECTED");
        assertThat(api.post("/api/v1/workspaces/no-such-workspace/xero/connect", "").status()).isEqualTo(404);
    }

    @Test
    void aConnectionRevokedAtXeroWaitsAsNeedsReconnectAndReconnectingReplaysTheBacklogOnce() {
        UUID tenant = organisation("Revoked Foods");
        connect(tenant);
        String before = send();
        awaitState(before, "SYNCED");

        // the organisation's adviser removes the app in Xero
        sandbox.control("POST", "/sandbox/tokens/revoke", "{\"tenantId\":\"" + tenant + "\"}");
        String first = send();
        String second = send();
        JsonNode waiting = awaitState(first, "WAITING");
        assertThat(waiting.get("waitingReason").asText()).isEqualTo("NEEDS_RECONNECT");
        assertThat(awaitState(second, "WAITING").get("waitingReason").asText()).isEqualTo("NEEDS_RECONNECT");
        JsonNode parked = status();
        assertThat(parked.get("status").asText()).isEqualTo("NEEDS_RECONNECT");
        assertThat(parked.get("needsReconnect").asBoolean()).isTrue();
        assertThat(parked.get("reason").asText()).isNotBlank();

        Page connected = browser.get(browser.consent(authorizeUrl(), List.of(tenant), true));
        assertThat(connected.text("status")).isEqualTo("Connected");
        assertThat(connected.body()).contains("Documents that waited for the connection go again now.");
        awaitState(first, "SYNCED");
        awaitState(second, "SYNCED");
        for (String orderId : List.of(before, first, second)) {
            assertThat(sandbox.invoices(tenant, "INV-" + orderId)).as(orderId).hasSize(1);
        }
        assertThat(status().get("status").asText()).isEqualTo("CONNECTED");
    }

    @Test
    void aDisconnectKeepsTheMappingsAndAnotherOrganisationIsRefusedUntilTheLinksAreCleared() {
        UUID first = organisation("First Bakery");
        UUID other = organisation("Other Bakery");
        connect(first);
        String sent = send();
        awaitState(sent, "SYNCED");
        assertThat(sandbox.control("GET", "/sandbox/tokens/live?tenantId=" + first, null)).contains("\"grants\":1");

        JsonNode disconnected = api.post(path("/xero/disconnect"), "").json();
        assertThat(disconnected.get("status").asText()).isEqualTo("DISCONNECTED");
        assertThat(disconnected.get("revokedAtXero").asBoolean()).isTrue();
        assertThat(sandbox.control("GET", "/sandbox/tokens/live?tenantId=" + first, null)).contains("\"grants\":0");
        assertThat(status().get("status").asText()).isEqualTo("DISCONNECTED");
        assertThat(api.get(path("/mappings/items/APL-01")).status()).isEqualTo(200);
        assertThat(api.get(path("/mappings/tax-rates/GST")).status()).isEqualTo(200);
        String whileDisconnected = send();
        assertThat(awaitState(whileDisconnected, "WAITING").get("waitingReason").asText()).isEqualTo("NOT_CONNECTED");

        Page refused = browser.get(browser.consent(authorizeUrl(), List.of(other), true));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.title()).isEqualTo("This workspace is linked to another organisation");
        assertThat(refused.text("detail")).contains("First Bakery").contains(first.toString());
        assertThat(refused.body()).contains("/xero/links");
        assertThat(status().get("status").asText()).isEqualTo("DISCONNECTED");
        assertThat(sandbox.control("GET", "/sandbox/tokens/live?tenantId=" + other, null))
                .as("the grant it did not use is revoked").contains("\"grants\":0");

        JsonNode cleared = api.delete(path("/xero/links")).json();
        assertThat(cleared.get("linksCleared").asLong()).isPositive();
        Page connected = browser.get(browser.consent(authorizeUrl(), List.of(other), true));
        assertThat(connected.text("status")).as(connected.body()).isEqualTo("Connected");
        assertThat(connected.text("organisation")).isEqualTo("Other Bakery");
        awaitState(whileDisconnected, "SYNCED");
        assertThat(sandbox.invoices(other, "INV-" + whileDisconnected)).hasSize(1);
        assertThat(sandbox.invoices(first, "INV-" + whileDisconnected)).isEmpty();
        assertThat(api.get(path("/mappings/items/APL-01")).status()).isEqualTo(200);
    }

    @Test
    void aTokenAboutToExpireIsRefreshedOnceByManyThreadsOfTwoReplicasAndTheRotatedTokenIsKept() throws Exception {
        UUID tenant = organisation("Rotating Produce");
        connect(tenant);
        XeroConnection before = connections.find(workspace).orElseThrow();
        expireAccessToken();
        // a second replica: its own lock, the same database
        TokenService otherReplica = new TokenService(connections, refreshClient, registration, clientSettings);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<XeroConnection>> asked = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                TokenService replica = i % 2 == 0 ? tokens : otherReplica;
                asked.add(threads.submit(() -> {
                    go.await();
                    return replica.connection(workspace);
                }));
            }
            go.countDown();
            Set<String> handedOut = new HashSet<>();
            for (Future<XeroConnection> answer : asked) {
                handedOut.add(answer.get(30, TimeUnit.SECONDS).accessToken());
            }
            XeroConnection after = connections.find(workspace).orElseThrow();
            assertThat(handedOut).as("one new access token for all 16").containsExactly(after.accessToken());
            assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
            assertThat(after.refreshToken()).as("the rotated refresh token is stored").isNotEqualTo(before.refreshToken());
            assertThat(SandboxClient.read(sandbox.control("GET", "/sandbox/tokens/live?tenantId=" + tenant, null))
                    .get("refreshes").asInt()).as("refreshes at Xero's token endpoint").isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        // nothing lost: the stored refresh token is the one Xero expects next
        expireAccessToken();
        assertThat(tokens.connection(workspace).status()).isEqualTo(XeroConnection.Status.CONNECTED);
        assertThat(SandboxClient.read(sandbox.control("GET", "/sandbox/tokens/live?tenantId=" + tenant, null))
                .get("refreshes").asInt()).isEqualTo(2);
    }

    @Test
    void anIdleConnectionIsRefreshedBeforeXeroForgetsItsGrantAndARevokedOneWaitsAsNeedsReconnect() {
        UUID tenant = organisation("Quiet Deli");
        connect(tenant);
        jdbc.sql("UPDATE xero_connections SET updated_at = now() - interval '8 days' WHERE workspace_id = :ws")
                .param("ws", workspace).update();
        String before = connections.find(workspace).orElseThrow().refreshToken();
        assertThat(tokens.keepAlive()).isPositive();
        assertThat(connections.find(workspace).orElseThrow().refreshToken()).isNotEqualTo(before);
        assertThat(SandboxClient.read(sandbox.control("GET", "/sandbox/tokens/live?tenantId=" + tenant, null))
                .get("refreshes").asInt()).isEqualTo(1);

        jdbc.sql("UPDATE xero_connections SET updated_at = now() - interval '8 days' WHERE workspace_id = :ws")
                .param("ws", workspace).update();
        sandbox.control("POST", "/sandbox/tokens/revoke", "{\"tenantId\":\"" + tenant + "\"}");
        tokens.keepAlive();
        JsonNode parked = status();
        assertThat(parked.get("status").asText()).isEqualTo("NEEDS_RECONNECT");
        assertThat(parked.get("reason").asText()).contains("invalid_grant");
    }

    private void expireAccessToken() {
        jdbc.sql("UPDATE xero_connections SET access_expires_at = now() WHERE workspace_id = :ws")
                .param("ws", workspace).update();
    }

    @Test
    void twoWorkspacesConnectingAtOnceEachGetTheirOwnOrganisationAndTokens() {
        String other = TestWorkspaces.unconnectedSupplier(api, "connect");
        UUID mine = organisation("Mine Produce");
        UUID theirs = organisation("Their Produce");
        String myUrl = authorizeUrl();
        ApiClient.Response theirStart = api.post("/api/v1/workspaces/" + other + "/xero/connect", "");
        String theirUrl = theirStart.json().get("authorizeUrl").asText();
        // both consent pages open at once; the redirects come back in the other order
        String myCallback = browser.consent(myUrl, List.of(mine), true);
        String theirCallback = browser.consent(theirUrl, List.of(theirs), true);
        assertThat(browser.get(theirCallback).text("organisation")).isEqualTo("Their Produce");
        assertThat(browser.get(myCallback).text("organisation")).isEqualTo("Mine Produce");

        XeroConnection myConnection = connections.find(workspace).orElseThrow();
        XeroConnection theirConnection = connections.find(other).orElseThrow();
        assertThat(myConnection.tenantId()).isEqualTo(mine);
        assertThat(theirConnection.tenantId()).isEqualTo(theirs);
        assertThat(myConnection.accessToken()).isNotEqualTo(theirConnection.accessToken());
        String orderId = send();
        awaitState(orderId, "SYNCED");
        assertThat(sandbox.invoices(mine, "INV-" + orderId)).hasSize(1);
        assertThat(sandbox.invoices(theirs, "INV-" + orderId)).isEmpty();
    }

    @Test
    void linksCannotBeClearedWhileConnected() {
        connect(organisation("Still Connected Co"));
        ApiClient.Response refused = api.delete(path("/xero/links"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("/xero/disconnect");
    }

    private void connect(UUID tenant) {
        Page connected = browser.get(browser.consent(authorizeUrl(), List.of(tenant), true));
        assertThat(connected.text("status")).as(connected.body()).isEqualTo("Connected");
    }

    private String authorizeUrl() {
        ApiClient.Response started = api.post(path("/xero/connect"), "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started.json().get("authorizeUrl").asText();
    }

    private UUID organisation(String name) {
        return UUID.fromString(SandboxClient.read(sandbox.control("POST", "/sandbox/tenants",
                "{\"name\":\"" + name + "\"}")).get("tenantId").asText());
    }

    private JsonNode status() {
        return api.get(path("/xero")).json();
    }

    private String path(String rest) {
        return path(workspace, rest);
    }

    /** An invoice of the supplier's to a buyer that is no workspace: one document, in the supplier's organisation. */
    private String send() {
        String orderId = "cx-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode event = OrderEvents.invoice(workspace, "unused", orderId, 1);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("invoiceNumber", "INV-" + orderId);
        ((ObjectNode) data.get("buyer")).remove("workspaceId");
        kafka.send("orders.events", workspace, event.toString());
        return orderId;
    }

    private JsonNode awaitState(String orderId, String state) {
        return await().atMost(WAIT).until(() -> api.document(workspace, orderId),
                document -> document != null && state.equals(document.get("state").asText()));
    }
}
