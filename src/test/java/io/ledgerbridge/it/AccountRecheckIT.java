package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Codes saved while they fitted are checked again whenever the organisation's chart is read: one an adviser archived
 * in Xero since is named by {@code GET …/settings/account-check}, with the setting it is in and the closest codes,
 * before any document fails on it; a change of the settings is checked again at once.
 */
class AccountRecheckIT extends DeliveryTestBase {

    @BeforeEach
    void workspaces() {
        connectedPair("recheck", "rc");
    }

    @Test
    void anAccountArchivedInXeroAfterItWasSavedIsNamedWithItsSettingAndTheClosestCodes() {
        assertThat(api.put(path(ws.supplier(), "/settings"), "{\"salesAccount\":\"260\"}").status()).isEqualTo(200);
        JsonNode fits = api.get(path(ws.supplier(), "/settings/account-check")).json();
        assertThat(fits.get("status").asText()).isEqualTo("FITS");
        assertThat(fits.get("organisation").asText()).isEqualTo("Org of " + ws.supplier());

        sandbox.control("POST", "/sandbox/tenants/" + ws.supplierTenant() + "/accounts/260/archive", null);
        JsonNode stale = api.get(path(ws.supplier(), "/settings/account-check?fresh=true")).json();

        assertThat(stale.get("status").asText()).isEqualTo("SOME_NO_LONGER_FIT");
        assertThat(stale.get("detail").asText()).startsWith("The sales account no longer fits: Account 260 (Other"
                + " Revenue) is archived in Org of " + ws.supplier() + ". The closest: 200 Sales, 270 Interest Income");
        assertThat(stale.get("problems").findValuesAsText("field"))
                .as("the fixture's freight and surcharge accounts are 260 too")
                .containsExactly("salesAccount", "freightAccount", "surchargeAccount");
        JsonNode problem = stale.get("problems").get(0);
        assertThat(problem.get("field").asText()).isEqualTo("salesAccount");
        assertThat(problem.get("code").asText()).isEqualTo("260");
        assertThat(problem.get("closest").findValuesAsText("code")).startsWith("200", "270");
        assertThat(api.get(path(ws.supplier(), "/settings/account-check")).json().get("status").asText())
                .as("the record stays until the next read or change").isEqualTo("SOME_NO_LONGER_FIT");

        assertThat(api.put(path(ws.supplier(), "/settings"), "{\"salesAccount\":\"200\",\"freightAccount\":\"270\"}")
                .status()).isEqualTo(200);
        assertThat(api.get(path(ws.supplier(), "/settings/account-check")).json().get("problems")
                .findValuesAsText("field")).as("a change is checked again against the chart already read")
                .containsExactly("surchargeAccount");
        assertThat(api.put(path(ws.supplier(), "/settings"), "{\"surchargeAccount\":\"200\"}").status()).isEqualTo(200);
        assertThat(api.get(path(ws.supplier(), "/settings/account-check")).json().get("status").asText())
                .isEqualTo("FITS");
    }

    @Test
    void aWorkspaceThatIsNotConnectedSaysWhyItsCodesAreNotChecked() {
        String supplier = TestWorkspaces.unconnectedSupplier(api, "recheck");

        JsonNode check = api.get(path(supplier, "/settings/account-check?fresh=true")).json();

        assertThat(check.get("status").asText()).isEqualTo("NOT_CHECKED");
        assertThat(check.get("reason").asText()).isEqualTo("NOT_CONNECTED");
        assertThat(check.get("detail").asText()).contains("not connected to Xero");
        assertThat(api.get(path("no-such-workspace", "/settings/account-check")).status()).isEqualTo(404);
    }
}
