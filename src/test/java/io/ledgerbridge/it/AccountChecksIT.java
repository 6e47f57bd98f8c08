package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Account codes in the settings and the mappings are checked against the organisation's chart when they are saved:
 * a code that is unknown, archived or of the wrong class is a 422 naming the code, the organisation and the closest
 * codes that fit, and nothing is saved; a workspace that is not connected saves its codes unchecked and says so.
 */
class AccountChecksIT extends DeliveryTestBase {

    @BeforeEach
    void workspaces() {
        connectedPair("acct", "ac");
    }

    @Test
    void anUnknownSalesAccountIsRefusedWithTheClosestCodes() {
        ApiClient.Response refused = settings(ws.supplier(), "{\"salesAccount\":\"999\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).isEqualTo("Account 999 is not in the chart of Org of "
                + ws.supplier() + ". The closest: 200 Sales, 260 Other Revenue, 270 Interest Income.");
        assertThat(refused.json().get("organisation").asText()).isEqualTo("Org of " + ws.supplier());
        JsonNode account = refused.json().get("accounts").get(0);
        assertThat(account.get("field").asText()).isEqualTo("salesAccount");
        assertThat(account.get("code").asText()).isEqualTo("999");
        assertThat(account.get("closest").findValuesAsText("code")).containsExactly("200", "260", "270");
        assertThat(api.get(path(ws.supplier(), "/settings")).json().get("salesAccount").asText()).isEqualTo("200");
    }

    @Test
    void anArchivedAccountIsRefused() {
        ApiClient.Response refused = settings(ws.venue(), "{\"defaultExpenseAccount\":\"477\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).startsWith("Account 477 (Packaging Materials) is archived in Org of "
                + ws.venue() + ". The closest: ");
        assertThat(api.get(path(ws.venue(), "/settings")).json().get("defaultExpenseAccount").asText()).isEqualTo("310");
    }

    @Test
    void anExpenseAccountAsTheSalesAccountIsRefusedAndTheOtherChangesAreNotSaved() {
        ApiClient.Response refused = settings(ws.supplier(),
                "{\"salesAccount\":\"310\",\"invoiceDefaultStatus\":\"DRAFT\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).isEqualTo("Account 310 (Cost of Goods Sold) is an expense"
                + " account; the sales account must be a revenue account. The closest: 200 Sales, 260 Other Revenue,"
                + " 270 Interest Income.");
        JsonNode unchanged = api.get(path(ws.supplier(), "/settings")).json();
        assertThat(unchanged.get("salesAccount").asText()).isEqualTo("200");
        assertThat(unchanged.get("invoiceDefaultStatus").asText()).isEqualTo("AUTHORISED");
    }

    @Test
    void codesThatFitAreSavedAndSaySoAndARequestWithoutCodesHasNothingToCheck() {
        ApiClient.Response saved = settings(ws.supplier(),
                "{\"salesAccount\":\"260\",\"freightAccount\":\"200\",\"clearingAccount\":\"090\"}");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("salesAccount").asText()).isEqualTo("260");
        assertThat(saved.json().get("accountCheck").get("status").asText()).isEqualTo("CHECKED");
        assertThat(saved.json().get("accountCheck").has("reason")).isFalse();
        assertThat(api.get(path(ws.supplier(), "/settings")).json().get("clearingAccount").asText()).isEqualTo("090");

        ApiClient.Response noCodes = settings(ws.supplier(), "{\"markAsPaid\":false}");
        assertThat(noCodes.status()).isEqualTo(200);
        assertThat(noCodes.json().get("accountCheck").get("status").asText()).isEqualTo("NOTHING_TO_CHECK");
    }

    @Test
    void anItemMappingOrSupplierDefaultWithABadAccountIsRefused() {
        ApiClient.Response expenseOnSales = api.put(path(ws.supplier(), "/mappings/items/APL-02"),
                "{\"accountCode\":\"425\"}");
        assertThat(expenseOnSales.status()).isEqualTo(422);
        assertThat(expenseOnSales.json().get("detail").asText()).isEqualTo("Account 425 (Freight & Courier) is an"
                + " expense account; the account of item APL-02 must be a revenue account. The closest: 200 Sales,"
                + " 260 Other Revenue, 270 Interest Income.");
        assertThat(api.get(path(ws.supplier(), "/mappings/items/APL-02")).status()).isEqualTo(404);

        ApiClient.Response unknown = api.put(path(ws.venue(), "/mappings/suppliers/fresh-produce"),
                "{\"accountCode\":\"999\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asText()).startsWith("Account 999 is not in the chart of Org of "
                + ws.venue() + ". The closest: ");

        ApiClient.Response fine = api.put(path(ws.venue(), "/mappings/items/APL-02"), "{\"accountCode\":\"429\"}");
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.json().get("accountCode").asText()).isEqualTo("429");
        assertThat(fine.json().get("accountCheck").get("status").asText()).isEqualTo("CHECKED");
    }

    @Test
    void anUnconnectedWorkspaceSavesItsCodesUncheckedAndSaysSo() {
        String supplier = TestWorkspaces.unconnectedSupplier(api, "acct");

        ApiClient.Response saved = settings(supplier, "{\"salesAccount\":\"999\"}");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("salesAccount").asText()).isEqualTo("999");
        JsonNode check = saved.json().get("accountCheck");
        assertThat(check.get("status").asText()).isEqualTo("NOT_CHECKED");
        assertThat(check.get("reason").asText()).isEqualTo("NOT_CONNECTED");
        assertThat(check.get("detail").asText()).contains("not connected to Xero");
        assertThat(api.put(path(supplier, "/mappings/items/APL-02"), "{\"accountCode\":\"999\"}").json()
                .get("accountCheck").get("reason").asText()).isEqualTo("NOT_CONNECTED");
    }

    private ApiClient.Response settings(String workspace, String json) {
        return api.put(path(workspace, "/settings"), json);
    }
}
