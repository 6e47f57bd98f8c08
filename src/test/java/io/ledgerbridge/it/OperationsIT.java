package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operations rely on: probes, metrics with route statistics, Hawtio, and the OpenAPI document. */
@WholeAppTest
class OperationsIT {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port, "local-dev-token");
    }

    @Test
    void readinessReflectsTheDatabaseAndCamel() {
        ApiClient.Response readiness = api.anonymous("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode components = readiness.json().get("components");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("camelHealth").get("status").asText()).isEqualTo("UP");
        assertThat(api.anonymous("/actuator/health/liveness").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesRouteMetrics() {
        ApiClient.Response metrics = api.anonymous("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("routeId=\"order-intake\"").contains("routeId=\"dead-letter\"");
    }

    @Test
    void hawtioIsOpenInTheLocalProfile() {
        assertThat(api.anonymous("/actuator/hawtio/").status()).isEqualTo(200);
        ApiClient.Response routes = api.anonymous(
                "/actuator/jolokia/read/org.apache.camel:context=ledgerbridge,type=routes,name=%22order-intake%22/Description");
        assertThat(routes.status()).isEqualTo(200);
        assertThat(routes.json().get("value").asText()).startsWith("Record the desired state");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        ApiClient.Response openapi = api.anonymous("/api/v1/openapi.json");
        assertThat(openapi.status()).isEqualTo(200);
        JsonNode paths = openapi.json().get("paths");
        assertThat(paths.has("/api/v1/workspaces/{workspaceId}")).isTrue();
        assertThat(paths.has("/api/v1/workspaces/{workspaceId}/settings")).isTrue();
        assertThat(paths.has("/api/v1/workspaces/{workspaceId}/documents")).isTrue();
        assertThat(openapi.json().get("components").get("securitySchemes").has("bearer")).isTrue();
    }
}
