package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Mappings for items, suppliers, tax rates and tracking: PUT, GET one and all, DELETE, and clear errors. */
@WholeAppTest
class MappingApiIT {

    @LocalServerPort
    int port;

    private ApiClient api;
    private String base;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port, "local-dev-token");
        String workspace = "map-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.put("/api/v1/workspaces/" + workspace, "{\"name\":\"Harbour Cafe\",\"roles\":[\"VENUE\"]}").status())
                .isEqualTo(201);
        base = "/api/v1/workspaces/" + workspace + "/mappings";
    }

    @Test
    void anItemMappingIsCreatedReadListedReplacedAndDeleted() {
        ApiClient.Response created = api.put(base + "/items/APL-01",
                "{\"accountCode\":\"310\",\"itemCode\":\"APL-01\",\"properties\":{\"xero_Region\":\"North\"}}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("accountCode").asText()).isEqualTo("310");
        assertThat(created.json().get("properties").get("xero_Region").asText()).isEqualTo("North");

        api.put(base + "/items/APL-01", "{\"accountCode\":\"425\"}");
        JsonNode one = api.get(base + "/items/APL-01").json();
        assertThat(one.get("accountCode").asText()).isEqualTo("425");
        assertThat(one.get("itemCode").isNull()).isTrue();
        assertThat(api.get(base + "/items").json()).hasSize(1);

        assertThat(api.delete(base + "/items/APL-01").status()).isEqualTo(204);
        ApiClient.Response gone = api.get(base + "/items/APL-01");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("detail").asText()).contains("has no items mapping 'APL-01'");
        assertThat(api.delete(base + "/items/APL-01").status()).isEqualTo(404);
    }

    @Test
    void supplierTaxAndTrackingMappingsRoundTrip() {
        assertThat(api.put(base + "/suppliers/fresh-produce", "{\"accountCode\":\"310\"}").json().get("accountCode").asText())
                .isEqualTo("310");
        JsonNode tax = api.put(base + "/tax-rates/GST", "{\"sales\":\"OUTPUT\",\"purchases\":\"INPUT\"}").json();
        assertThat(tax.get("sales").asText()).isEqualTo("OUTPUT");
        assertThat(tax.get("purchases").asText()).isEqualTo("INPUT");
        assertThat(api.put(base + "/tracking/Region:N", "{\"xeroName\":\"North\"}").json().get("xeroName").asText())
                .isEqualTo("North");
        assertThat(api.get(base + "/tax-rates").json()).hasSize(1);
        assertThat(api.get(base + "/tracking").json().get(0).get("key").asText()).isEqualTo("Region:N");
        assertThat(api.delete(base + "/tracking/Region:N").status()).isEqualTo(204);
    }

    @Test
    void badMappingsAreRefusedWithTheReason() {
        ApiClient.Response noAccount = api.put(base + "/suppliers/fresh", "{}");
        assertThat(noAccount.status()).isEqualTo(400);
        assertThat(noAccount.json().get("detail").asText()).contains("accountCode");

        ApiClient.Response spaces = api.put(base + "/items/APL-01", "{\"accountCode\":\"3 10\"}");
        assertThat(spaces.status()).isEqualTo(400);
        assertThat(spaces.json().get("detail").asText()).contains("must be a Xero account code");

        ApiClient.Response empty = api.put(base + "/tax-rates/GST", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).contains("needs a Xero tax type");

        ApiClient.Response notTracking = api.put(base + "/items/APL-01", "{\"properties\":{\"colour\":\"red\"}}");
        assertThat(notTracking.status()).isEqualTo(400);
        assertThat(notTracking.json().get("detail").asText()).contains("xero_<Category>");

        ApiClient.Response unknownKind = api.delete(base + "/colours/red");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("detail").asText()).contains("Unknown mapping kind 'colours'");

        assertThat(api.get("/api/v1/workspaces/nobody-here/mappings/items").status()).isEqualTo(404);
    }

    @Test
    void theDemoWorkspacesComeWithTaxAndItemMappings() {
        JsonNode tax = api.get("/api/v1/workspaces/demo-venue/mappings/tax-rates/GST_FREE").json();
        assertThat(tax.get("purchases").asText()).isEqualTo("EXEMPTEXPENSES");
        assertThat(api.get("/api/v1/workspaces/demo-supplier/mappings/items/APL-01").json().get("accountCode").asText())
                .isEqualTo("200");
    }
}
