package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Xero's reference data comes back (F28-F30): the tax rates for the manual tax mapping (an unmapped one shows so), the
 * contacts on xero.contacts with the workspace's phone and address mapping ("do not sync" leaves a field out), and
 * every item on xero.products, one the platform does not know marked for "Unsorted". Each trigger has its cooldown.
 */
class ReferencePullsIT extends DeliveryTestBase {

    @BeforeEach
    void workspaces() {
        connectedPair("ref", "ref");
    }

    @Test
    void taxRatesComeBackForTheMappingWithTheUnmappedOnesMarked() {
        assertThat(api.post(supplierPath("/sync/tax-rates"), "").status()).isEqualTo(202);
        assertThat(orders.awaitRun("tax-rates").get("counts").get("read").asLong()).isPositive();
        JsonNode rates = api.get(supplierPath("/xero/tax-rates")).json();
        JsonNode output = find(rates, "OUTPUT");
        assertThat(output.get("mappedFromSales").toString()).isEqualTo("[\"GST\"]");
        assertThat(output.get("unmapped").asBoolean()).isFalse();
        assertThat(output.get("isNew").asBoolean()).isTrue();
        assertThat(find(rates, "EXEMPTEXPENSES").get("mappedFromPurchases").toString()).isEqualTo("[\"GST_FREE\"]");
        assertThat(rates.findValues("unmapped").stream().anyMatch(JsonNode::asBoolean))
                .as("a Xero tax type no platform code maps to").isTrue();

        ApiClient.Response again = api.post(supplierPath("/sync/tax-rates"), "");
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.json().get("cooldownRemainingSeconds").asLong()).isBetween(50L, 60L);
    }

    @Test
    void contactsGoOutOnXeroContactsWithThePhoneAndAddressTheWorkspaceMapped() {
        assertThat(api.put(supplierPath("/settings"), "{\"contactPhoneField\":\"DEFAULT\",\"contactAddressField\":\"DO_NOT_SYNC\"}")
                .status()).isEqualTo(200);
        assertThat(api.post(supplierPath("/sync/contacts"), "").status()).isEqualTo(202);
        assertThat(orders.awaitRun("contacts").get("counts").get("published").asLong()).isPositive();
        List<ConsumerRecord<String, String>> contacts = kafka.readUntil("xero.contacts",
                record -> ws.supplier().equals(record.key()), WAIT);
        assertThat(contacts).isNotEmpty();
        JsonNode contact = SandboxClient.read(contacts.get(0).value());
        assertThat(contact.get("workspaceId").asText()).isEqualTo(ws.supplier());
        assertThat(contact.hasNonNull("xeroContactId")).isTrue();
        assertThat(contact.has("phone")).isTrue();
        assertThat(contact.has("address")).as("address: do not sync").isFalse();
    }

    @Test
    void everyItemGoesOutOnXeroProductsAndOneThePlatformDoesNotKnowIsUnsorted() {
        sandbox.accounting(ws.supplierTenant(), "PUT", "/Items", "{\"Items\":[{\"Code\":\"PEA-" + suffix() + "\",\"Name\":"
                + "\"Pears 1kg\",\"Description\":\"Pears\",\"SalesDetails\":{\"UnitPrice\":5.25,\"AccountCode\":\"200\","
                + "\"TaxType\":\"EXEMPTOUTPUT\"}}]}");
        assertThat(api.post(supplierPath("/sync/items"), "").status()).isEqualTo(202);
        JsonNode run = orders.awaitRun("items");
        assertThat(run.get("counts").get("unsorted").asLong()).isPositive();
        List<ConsumerRecord<String, String>> pears = kafka.readUntil("xero.products",
                record -> ws.supplier().equals(record.key()) && record.value().contains("\"name\":\"Pears 1kg\""), WAIT);
        assertThat(pears).isNotEmpty();
        JsonNode pear = SandboxClient.read(pears.get(0).value());
        assertThat(pear.get("category").asText()).isEqualTo("Unsorted");
        assertThat(pear.get("unitPrice").decimalValue()).isEqualByComparingTo("5.25");
        assertThat(pear.get("salesAccount").asText()).isEqualTo("200");
        assertThat(pear.get("taxCode").asText()).isEqualTo("GST_FREE");
        List<ConsumerRecord<String, String>> apples = kafka.readUntil("xero.products",
                record -> ws.supplier().equals(record.key()) && record.value().contains("\"code\":\"APL-01\""), WAIT);
        assertThat(SandboxClient.read(apples.get(0).value()).get("category").isNull()).as("a mapped item").isTrue();
        assertThat(run.get("counts").get("read").asLong()).isEqualTo(run.get("counts").get("published").asLong());
    }

    private static JsonNode find(JsonNode rates, String taxType) {
        for (JsonNode rate : rates) {
            if (rate.get("taxType").asText().equals(taxType)) {
                return rate;
            }
        }
        throw new AssertionError("no tax rate " + taxType + " in " + rates);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
