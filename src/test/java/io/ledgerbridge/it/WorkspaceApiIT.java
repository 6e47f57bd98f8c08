package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The workspace and settings API: bearer token, problem+json errors, the module chain's 409. */
@WholeAppTest
class WorkspaceApiIT {

    @LocalServerPort
    int port;

    private ApiClient api;
    private String workspace;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port, "local-dev-token");
        workspace = "ws-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void withoutAValidTokenTheApiAnswers401AsProblemJson() {
        ApiClient.Response anonymous = api.anonymous("/api/v1/workspaces/demo-supplier");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.wwwAuthenticate()).startsWith("Bearer");
        assertThat(anonymous.json().get("detail").asText()).contains("Authorization: Bearer");

        ApiClient.Response wrong = new ApiClient("http://localhost:" + port, "not-the-token").get("/api/v1/workspaces/demo-supplier");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void theDemoWorkspacesAreSeededInTheLocalProfile() {
        JsonNode supplier = api.get("/api/v1/workspaces/demo-supplier").json();
        assertThat(supplier.get("roles").get(0).asText()).isEqualTo("SUPPLIER");
        assertThat(supplier.get("inboundAddress").asText()).isEqualTo("invoices+demo-supplier@ledgerbridge.local");
        JsonNode settings = api.get("/api/v1/workspaces/demo-venue/settings").json();
        assertThat(settings.get("modules").get("invoicePush").asBoolean()).isTrue();
        assertThat(settings.get("defaultExpenseAccount").asText()).isEqualTo("310");
    }

    @Test
    void aWorkspaceIsCreatedThenChanged() {
        ApiClient.Response created = api.put("/api/v1/workspaces/" + workspace,
                "{\"name\":\"Harbour Cafe\",\"roles\":[\"VENUE\"],\"financeEmail\":\"finance@harbour.example\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("plan").asText()).isEqualTo("FREE");
        assertThat(created.json().get("inboundAddress").asText()).isEqualTo("invoices+" + workspace + "@ledgerbridge.local");

        ApiClient.Response changed = api.put("/api/v1/workspaces/" + workspace,
                "{\"name\":\"Harbour Cafe & Bar\",\"roles\":[\"VENUE\",\"SUPPLIER\"],\"plan\":\"PRO\"}");
        assertThat(changed.status()).isEqualTo(200);
        JsonNode read = api.get("/api/v1/workspaces/" + workspace).json();
        assertThat(read.get("name").asText()).isEqualTo("Harbour Cafe & Bar");
        assertThat(read.get("plan").asText()).isEqualTo("PRO");
        assertThat(read.get("roles")).hasSize(2);
    }

    @Test
    void badInputIsA400ThatNamesTheField() {
        ApiClient.Response invalid = api.put("/api/v1/workspaces/" + workspace,
                "{\"name\":\"\",\"roles\":[],\"financeEmail\":\"not-an-email\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().get("detail").asText()).contains("name:").contains("roles:").contains("financeEmail:");

        ApiClient.Response badId = api.put("/api/v1/workspaces/Bad_Id", "{\"name\":\"x\",\"roles\":[\"VENUE\"]}");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("detail").asText()).contains("Workspace id 'Bad_Id' is not valid");

        ApiClient.Response badRole = api.put("/api/v1/workspaces/" + workspace, "{\"name\":\"x\",\"roles\":[\"BAKER\"]}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("detail").asText()).contains("BAKER");

        ApiClient.Response typo = api.put("/api/v1/workspaces/" + workspace, "{\"nmae\":\"x\",\"roles\":[\"VENUE\"]}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("detail").asText()).contains("nmae");
    }

    @Test
    void anUnknownWorkspaceIsA404ThatSaysHowToCreateIt() {
        ApiClient.Response missing = api.get("/api/v1/workspaces/" + workspace + "/settings");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asText())
                .isEqualTo("There is no workspace '" + workspace + "'. Create it with PUT /api/v1/workspaces/" + workspace + ".");
        assertThat(api.get("/api/v1/workspaces/" + workspace + "/documents").status()).isEqualTo(404);
    }

    @Test
    void settingsChangeOnlyWhatIsNamedAndFollowTheModuleChain() {
        api.put("/api/v1/workspaces/" + workspace, "{\"name\":\"Fresh Co\",\"roles\":[\"SUPPLIER\"]}");

        JsonNode changed = api.put("/api/v1/workspaces/" + workspace + "/settings",
                "{\"salesAccount\":\"200\",\"invoiceDefaultStatus\":\"AUTHORISED\",\"modules\":{\"invoicePush\":true}}").json();
        assertThat(changed.get("salesAccount").asText()).isEqualTo("200");
        assertThat(changed.get("invoiceDefaultStatus").asText()).isEqualTo("AUTHORISED");
        assertThat(changed.get("automaticSync").asBoolean()).isTrue();
        assertThat(changed.get("modules").get("taxRates").asBoolean()).isTrue();
        assertThat(changed.get("modules").get("items").asBoolean()).isTrue();
        assertThat(changed.get("modules").get("contacts").asBoolean()).isTrue();
        assertThat(changed.get("modules").get("invoicePull").asBoolean()).isFalse();

        ApiClient.Response conflict = api.put("/api/v1/workspaces/" + workspace + "/settings",
                "{\"modules\":{\"items\":false}}");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().get("detail").asText())
                .isEqualTo("'items' cannot be turned off while 'invoicePush' is on, because 'invoicePush' needs it."
                        + " Turn off 'invoicePush' first.");
        assertThat(api.get("/api/v1/workspaces/" + workspace + "/settings").json().get("modules").get("items").asBoolean())
                .isTrue();

        JsonNode cleared = api.put("/api/v1/workspaces/" + workspace + "/settings", "{\"salesAccount\":\"\"}").json();
        assertThat(cleared.get("salesAccount").isNull()).isTrue();

        ApiClient.Response badStatus = api.put("/api/v1/workspaces/" + workspace + "/settings",
                "{\"invoiceDefaultStatus\":\"PAID\"}");
        assertThat(badStatus.status()).isEqualTo(400);
        ApiClient.Response longCode = api.put("/api/v1/workspaces/" + workspace + "/settings",
                "{\"freightAccount\":\"12345678901\"}");
        assertThat(longCode.status()).isEqualTo(400);
        assertThat(longCode.json().get("detail").asText()).contains("freightAccount");
    }

    @Test
    void anUnknownDocumentStatusIsA400ThatListsTheStates() {
        ApiClient.Response response = api.get("/api/v1/workspaces/demo-supplier/documents?status=LOST");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("Unknown status 'LOST'").contains("FAILED");
    }
}
