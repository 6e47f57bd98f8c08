package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tax and tracking mappings are checked against the organisation's tax rates and tracking categories when they are
 * saved, as account codes are: a tax type that is not there, not active or not for the direction mapped, and a
 * category or option the organisation does not have, are a 422 naming it, the organisation and what it offers; nothing
 * is saved. An item's {@code xero_<Category>} properties are checked after the workspace's tracking aliases.
 */
class MappingChecksIT extends DeliveryTestBase {

    @BeforeEach
    void workspaces() {
        connectedPair("mapchk", "mc");
    }

    @Test
    void aTaxTypeTheOrganisationDoesNotHaveOrCannotUseThatWayIsRefusedWithWhatItOffers() {
        ApiClient.Response unknown = api.put(path(ws.supplier(), "/mappings/tax-rates/WET"), "{\"sales\":\"WETTAX\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("title").asText()).isEqualTo("Mapping does not fit the organisation");
        assertThat(unknown.json().get("detail").asText()).isEqualTo("Tax type WETTAX is not a tax rate of Org of "
                + ws.supplier() + ". Its tax rates for sales: BASEXCLUDED (BAS Excluded), EXEMPTEXPORT (GST Free Exports),"
                + " EXEMPTOUTPUT (GST Free Income), OUTPUT (GST on Income), INPUTTAXED (Input Taxed).");
        JsonNode refused = unknown.json().get("taxRates").get(0);
        assertThat(refused.get("field").asText()).isEqualTo("sales");
        assertThat(refused.get("value").asText()).isEqualTo("WETTAX");
        assertThat(refused.get("offered")).hasSize(5);
        assertThat(api.get(path(ws.supplier(), "/mappings/tax-rates/WET")).status()).isEqualTo(404);

        ApiClient.Response wrongWay = api.put(path(ws.supplier(), "/mappings/tax-rates/WET"),
                "{\"sales\":\"OUTPUT\",\"purchases\":\"OUTPUT\"}");
        assertThat(wrongWay.status()).isEqualTo(422);
        assertThat(wrongWay.json().get("detail").asText()).startsWith("Tax type OUTPUT (GST on Income) cannot be used on"
                + " purchases in Org of " + ws.supplier() + ". Its tax rates for purchases: ");
        assertThat(wrongWay.json().get("detail").asText()).contains("INPUT (GST on Expenses)");
        assertThat(wrongWay.json().get("taxRates")).hasSize(1);

        ApiClient.Response fine = api.put(path(ws.supplier(), "/mappings/tax-rates/WET"),
                "{\"sales\":\"OUTPUT\",\"purchases\":\"INPUT\"}");
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.json().get("sales").asText()).isEqualTo("OUTPUT");
        assertThat(fine.json().get("accountCheck").get("status").asText()).isEqualTo("CHECKED");
    }

    @Test
    void trackingAliasesAndItemTrackingNameWhatTheOrganisationHas() {
        ApiClient.Response noCategory = api.put(path(ws.supplier(), "/mappings/tracking/Area"), "{\"xeroName\":\"Zone\"}");
        assertThat(noCategory.status()).isEqualTo(422);
        assertThat(noCategory.json().get("detail").asText()).isEqualTo("Tracking category 'Zone' is not an active"
                + " tracking category of Org of " + ws.supplier() + ". Its categories: Channel, Region.");
        JsonNode refused = noCategory.json().get("tracking").get(0);
        assertThat(refused.get("value").asText()).isEqualTo("Zone");
        assertThat(refused.get("offered").toString()).isEqualTo("[\"Channel\",\"Region\"]");

        assertThat(api.put(path(ws.supplier(), "/mappings/tracking/Area"), "{\"xeroName\":\"Region\"}").status())
                .isEqualTo(200);
        ApiClient.Response noOption = api.put(path(ws.supplier(), "/mappings/tracking/Area:NE"),
                "{\"xeroName\":\"North East\"}");
        assertThat(noOption.status()).isEqualTo(422);
        assertThat(noOption.json().get("detail").asText()).isEqualTo("Tracking option 'North East' is not an active"
                + " option of category 'Region' in Org of " + ws.supplier() + ". Its options: North, South, East, West.");
        assertThat(api.put(path(ws.supplier(), "/mappings/tracking/Area:N"), "{\"xeroName\":\"North\"}").status())
                .as("an option of the category the alias names").isEqualTo(200);

        ApiClient.Response item = api.put(path(ws.supplier(), "/mappings/items/APL-09"),
                "{\"accountCode\":\"200\",\"properties\":{\"xero_Area\":\"N\",\"xero_Channel\":\"Online\"}}");
        assertThat(item.status()).isEqualTo(422);
        assertThat(item.json().get("detail").asText()).isEqualTo("Tracking option 'Online' is not an active option of"
                + " category 'Channel' in Org of " + ws.supplier() + ". Its options: Wholesale, Retail.");
        assertThat(item.json().get("tracking").get(0).get("field").asText()).isEqualTo("properties.xero_Channel");
        assertThat(api.get(path(ws.supplier(), "/mappings/items/APL-09")).status()).isEqualTo(404);

        JsonNode saved = api.put(path(ws.supplier(), "/mappings/items/APL-09"),
                "{\"accountCode\":\"200\",\"properties\":{\"xero_Area\":\"N\",\"xero_Channel\":\"Retail\"}}").json();
        assertThat(saved.get("properties").get("xero_Area").asText()).isEqualTo("N");
        assertThat(saved.get("accountCheck").get("status").asText()).isEqualTo("CHECKED");
    }
}
