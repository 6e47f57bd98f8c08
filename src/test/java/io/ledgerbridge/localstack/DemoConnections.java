package io.ledgerbridge.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.connection.XeroConnection.Status;
import io.ledgerbridge.connection.Connections;
import io.ledgerbridge.sandbox.XeroSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Connects the two demo workspaces to the sandbox's two organisations at every start (the sandbox keeps
 * its grants in memory): a grant minted through the sandbox's control surface, the tenant read from
 * {@code /connections} as after a real consent, and the waiting documents released. Local only: it runs
 * when {@code ledgerbridge.demo-connections-from} names a sandbox.
 */
@Component
@Order(10)
@ConditionalOnExpression("'${ledgerbridge.seed-demo-workspaces:false}' == 'true' and '${ledgerbridge.demo-connections-from:}' != ''")
class DemoConnections implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoConnections.class);
    private static final Map<String, UUID> DEMO_TENANTS = Map.of(
            "demo-supplier", XeroSandbox.SUPPLIER_TENANT,
            "demo-venue", XeroSandbox.VENUE_TENANT);

    private final String sandbox;
    private final String connectionsUrl;
    private final Connections connections;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoConnections(@Value("${ledgerbridge.demo-connections-from}") String sandbox,
                    @Value("${ledgerbridge.xero.connections-url}") String connectionsUrl,
                    Connections connections, ObjectMapper json) {
        this.sandbox = sandbox;
        this.connectionsUrl = connectionsUrl;
        this.connections = connections;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException, InterruptedException {
        for (Map.Entry<String, UUID> demo : DEMO_TENANTS.entrySet()) {
            JsonNode grant = json.readTree(send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"tenantIds\":[\"" + demo.getValue() + "\"]}"))));
            String accessToken = grant.get("access_token").asText();
            String tenantName = tenantName(accessToken, demo.getValue());
            // stored as a consent would store it; documents that waited for the connection go by themselves
            connections.connected(new XeroConnection(demo.getKey(), demo.getValue(), tenantName, accessToken,
                    grant.get("refresh_token").asText(), Instant.now().plusSeconds(grant.get("expires_in").asLong()),
                    Status.CONNECTED, null));
            log.info("Connected demo workspace {} to sandbox organisation '{}'", demo.getKey(), tenantName);
        }
    }

    private String tenantName(String accessToken, UUID tenantId) throws IOException, InterruptedException {
        JsonNode tenants = json.readTree(send(HttpRequest.newBuilder(URI.create(connectionsUrl))
                .header("Authorization", "Bearer " + accessToken).GET()));
        for (JsonNode tenant : tenants) {
            if (tenantId.toString().equals(tenant.path("tenantId").asText())) {
                return tenant.path("tenantName").asText();
            }
        }
        throw new IllegalStateException("The sandbox's /connections does not list tenant " + tenantId);
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("The sandbox answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
