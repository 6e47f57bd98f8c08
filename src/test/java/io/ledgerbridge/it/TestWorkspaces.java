package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.connection.XeroConnectionRepository;
import java.time.Instant;
import java.util.UUID;

/**
 * A supplier and a venue of a test's own, each on a PRO plan, set up like the demo workspaces (accounts, tax
 * mapping, the sample's apples) and connected to a new sandbox organisation of its own, so a test can change
 * settings, faults and limits without touching what other tests use.
 */
final class TestWorkspaces {

    /** The pair, and the sandbox organisation behind each. */
    record Pair(String supplier, String venue, UUID supplierTenant, UUID venueTenant) {
    }

    private TestWorkspaces() {
    }

    static Pair create(ApiClient api, SandboxClient sandbox, XeroConnectionRepository connections, String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String supplier = prefix + "-s-" + suffix;
        String venue = prefix + "-v-" + suffix;
        UUID supplierTenant = workspace(api, sandbox, connections, supplier, "SUPPLIER", "demo-supplier");
        UUID venueTenant = workspace(api, sandbox, connections, venue, "VENUE", "demo-venue");
        return new Pair(supplier, venue, supplierTenant, venueTenant);
    }

    /** A supplier set up like the demo one, not connected to Xero: what the connect flow starts from. */
    static String unconnectedSupplier(ApiClient api, String prefix) {
        String id = prefix + "-s-" + UUID.randomUUID().toString().substring(0, 8);
        configure(api, id, "SUPPLIER", "demo-supplier");
        return id;
    }

    private static UUID workspace(ApiClient api, SandboxClient sandbox, XeroConnectionRepository connections,
                                  String id, String role, String like) {
        configure(api, id, role, like);
        UUID tenant = UUID.fromString(SandboxClient.read(sandbox.control("POST", "/sandbox/tenants",
                "{\"name\":\"Org of " + id + "\"}")).get("tenantId").asText());
        connect(sandbox, connections, id, tenant);
        return tenant;
    }

    private static void configure(ApiClient api, String id, String role, String like) {
        assertThat(api.put("/api/v1/workspaces/" + id, "{\"name\":\"" + id + "\",\"roles\":[\"" + role
                + "\"],\"plan\":\"PRO\"}").status()).isEqualTo(201);
        assertThat(api.put("/api/v1/workspaces/" + id + "/settings",
                api.get("/api/v1/workspaces/" + like + "/settings").body()).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/workspaces/" + id + "/mappings/tax-rates/GST",
                "{\"sales\":\"OUTPUT\",\"purchases\":\"INPUT\"}").status()).isEqualTo(200);
        assertThat(api.put("/api/v1/workspaces/" + id + "/mappings/tax-rates/GST_FREE",
                "{\"sales\":\"EXEMPTOUTPUT\",\"purchases\":\"EXEMPTEXPENSES\"}").status()).isEqualTo(200);
        assertThat(api.put("/api/v1/workspaces/" + id + "/mappings/items/APL-01", "{\"accountCode\":\""
                + ("SUPPLIER".equals(role) ? "200" : "310") + "\",\"itemCode\":\"APL-01\"}").status()).isEqualTo(200);
    }

    /** As the connect flow will: a fresh grant for the organisation, stored for the workspace. */
    static void connect(SandboxClient sandbox, XeroConnectionRepository connections, String workspace, UUID tenant) {
        JsonNode grant = sandbox.grant(tenant);
        connections.save(new XeroConnection(workspace, tenant, "Org of " + workspace, grant.get("access_token").asText(),
                grant.get("refresh_token").asText(), Instant.now().plusSeconds(1800), XeroConnection.Status.CONNECTED, null));
    }
}
