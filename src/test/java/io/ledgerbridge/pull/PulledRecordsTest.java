package io.ledgerbridge.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.workspace.WorkspaceSettings.AddressField;
import io.ledgerbridge.workspace.WorkspaceSettings.PhoneField;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PulledRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode contact() throws Exception {
        return JSON.readTree("""
                {"ContactID":"7d4a1a0e-0000-0000-0000-000000000001","Name":"Harbour Cafe","EmailAddress":"a@h.example",
                 "TaxNumber":"11222333444","ContactStatus":"ACTIVE","IsCustomer":true,
                 "Phones":[{"PhoneType":"DEFAULT","PhoneNumber":"5550 1234","PhoneAreaCode":"02","PhoneCountryCode":"61"},
                           {"PhoneType":"MOBILE","PhoneNumber":"0400 000 000"}],
                 "Addresses":[{"AddressType":"POBOX","AddressLine1":"PO Box 1","City":"Sydney","PostalCode":"2001"},
                              {"AddressType":"STREET","AddressLine1":"1 Quay St","AddressLine2":"Dock 3","City":"Sydney",
                               "Region":"NSW","PostalCode":"2000","Country":"Australia"}]}
                """);
    }

    @Test
    void theContactCarriesThePhoneAndAddressTheMappingNames() throws Exception {
        JsonNode out = PulledRecords.contact("ws", contact(), PhoneField.MOBILE, AddressField.DELIVERY);
        assertThat(out.get("phone").asText()).isEqualTo("0400 000 000");
        assertThat(out.get("address").get("lines").toString()).isEqualTo("[\"1 Quay St\",\"Dock 3\"]");
        assertThat(out.get("address").get("region").asText()).isEqualTo("NSW");
        assertThat(out.get("name").asText()).isEqualTo("Harbour Cafe");
        assertThat(out.get("isCustomer").asBoolean()).isTrue();

        JsonNode billing = PulledRecords.contact("ws", contact(), PhoneField.DEFAULT, AddressField.BILLING);
        assertThat(billing.get("phone").asText()).isEqualTo("61 02 5550 1234");
        assertThat(billing.get("address").get("lines").get(0).asText()).isEqualTo("PO Box 1");
    }

    @Test
    void doNotSyncLeavesTheFieldToThePlatform() throws Exception {
        JsonNode out = PulledRecords.contact("ws", contact(), PhoneField.DO_NOT_SYNC, AddressField.DO_NOT_SYNC);
        assertThat(out.has("phone")).isFalse();
        assertThat(out.has("address")).isFalse();
    }

    @Test
    void aPhoneOrAddressXeroDoesNotHaveIsNull() throws Exception {
        JsonNode out = PulledRecords.contact("ws", contact(), PhoneField.FAX, AddressField.BILLING);
        assertThat(out.get("phone").isNull()).isTrue();
    }

    @Test
    void anItemCarriesItsSalesDetailsAndTheMappedTaxCodeAndAnUnknownOneIsUnsorted() throws Exception {
        JsonNode item = JSON.readTree("""
                {"ItemID":"i-1","Code":"PEA-01","Name":"Pears 1kg","Description":"Pears",
                 "SalesDetails":{"UnitPrice":5.2500,"AccountCode":"200","TaxType":"EXEMPTOUTPUT"}}
                """);
        JsonNode unknown = PulledRecords.product("ws", item, Set.of("APL-01"), Map.of("EXEMPTOUTPUT", "GST_FREE"));
        assertThat(unknown.get("unitPrice").decimalValue()).isEqualByComparingTo("5.25");
        assertThat(unknown.get("salesAccount").asText()).isEqualTo("200");
        assertThat(unknown.get("taxCode").asText()).isEqualTo("GST_FREE");
        assertThat(unknown.get("category").asText()).isEqualTo(PulledRecords.UNSORTED);
        JsonNode known = PulledRecords.product("ws", item, Set.of("PEA-01"), Map.of());
        assertThat(known.get("category").isNull()).isTrue();
        assertThat(known.get("taxCode").isNull()).isTrue();
    }
}
