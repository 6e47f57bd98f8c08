package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Master ownership (F31): with contacts or items sync on, a customer or product the platform asks for is created in
 * Xero first, then published on xero.contacts or xero.products; the same request again creates nothing twice; with the
 * sync off, or a tax code not mapped, it is refused with what to do.
 */
class MasterRecordsIT extends DeliveryTestBase {

    private final String id = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void workspaces() {
        connectedPair("master", "mr");
    }

    @Test
    void aCustomerIsCreatedInXeroFirstThenPublishedAndTheSameRequestAgainCreatesNothingTwice() {
        String body = "{\"platformId\":\"cust-" + id + "\",\"name\":\"Corner Bistro " + id + "\",\"email\":\"ap@bistro.example\","
                + "\"phone\":\"02 5550 9999\",\"address\":{\"lines\":[\"9 Main St\"],\"city\":\"Sydney\",\"postalCode\":\"2000\","
                + "\"country\":\"AU\"}}";
        ApiClient.Response created = api.post(supplierPath("/xero/contacts"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String contactId = created.json().get("xeroContactId").asText();
        JsonNode inXero = sandbox.accounting(ws.supplierTenant(), "GET", "/Contacts/" + contactId, null).path("Contacts").get(0);
        assertThat(inXero.get("Name").asText()).isEqualTo("Corner Bistro " + id);
        assertThat(inXero.get("ContactNumber").asText()).isEqualTo("cust-" + id);

        List<ConsumerRecord<String, String>> published = kafka.readUntil("xero.contacts",
                record -> record.value().contains(contactId), WAIT);
        assertThat(published).isNotEmpty();
        assertThat(published.get(0).key()).isEqualTo(ws.supplier());

        ApiClient.Response again = api.post(supplierPath("/xero/contacts"), body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("xeroContactId").asText()).isEqualTo(contactId);
        long named = sandbox.accounting(ws.supplierTenant(), "GET", "/Contacts?includeArchived=true", null).path("Contacts")
                .findValuesAsText("Name").stream().filter(("Corner Bistro " + id)::equals).count();
        assertThat(named).isEqualTo(1);
    }

    @Test
    void theCustomerCreatedIsThePartysContactOnItsNextInvoiceWithNoLookUpAtXero() {
        // the venue is the buyer of the supplier's orders: the platform creates it as a customer first
        ApiClient.Response created = api.post(supplierPath("/xero/contacts"), "{\"platformId\":\"" + ws.venue()
                + "\",\"name\":\"Venue " + id + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String contactId = created.json().get("xeroContactId").asText();
        List<String> afterCreate = contactCalls();

        String orderId = orders.send();
        orders.awaitState(orderId, "SYNCED");

        assertThat(contactCalls()).as("calls to Xero's contacts once the customer was created").isEqualTo(afterCreate);
        assertThat(sandbox.invoices(ws.supplierTenant(), "INV-" + orderId)).singleElement()
                .satisfies(invoice -> assertThat(invoice.path("Contact").path("ContactID").asText()).isEqualTo(contactId));
    }

    /** The supplier's organisation's calls to /Contacts so far, oldest first. */
    private List<String> contactCalls() {
        return sandbox.calls(ws.supplierTenant()).stream().filter(call -> call.path("path").asText().contains("/Contacts"))
                .map(call -> call.path("method").asText() + " " + call.path("path").asText()).toList();
    }

    @Test
    void aProductIsCreatedInXeroWithItsMappedTaxAndPublished() {
        ApiClient.Response created = api.post(supplierPath("/xero/items"), "{\"code\":\"PLM-" + id + "\",\"name\":\"Plums 1kg\","
                + "\"description\":\"Plums\",\"unitPrice\":6.75,\"salesAccount\":\"200\",\"taxCode\":\"GST_FREE\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String itemId = created.json().get("xeroItemId").asText();
        JsonNode inXero = sandbox.accounting(ws.supplierTenant(), "GET", "/Items/" + itemId, null).path("Items").get(0);
        assertThat(inXero.get("SalesDetails").get("TaxType").asText()).isEqualTo("EXEMPTOUTPUT");
        JsonNode published = SandboxClient.read(kafka.readUntil("xero.products", record -> record.value().contains(itemId), WAIT)
                .get(0).value());
        assertThat(published.get("code").asText()).isEqualTo("PLM-" + id);
        assertThat(published.get("taxCode").asText()).isEqualTo("GST_FREE");
        assertThat(published.get("category").isNull()).as("the platform asked for it: it knows it").isTrue();
    }

    @Test
    void withTheSyncOffAnUnmappedTaxCodeOrABadRequestNothingIsCreated() {
        ApiClient.Response unmapped = api.post(supplierPath("/xero/items"), "{\"code\":\"X-" + id + "\",\"name\":\"X\",\"taxCode\":\"WET\"}");
        assertThat(unmapped.status()).isEqualTo(409);
        assertThat(unmapped.json().get("detail").asText()).contains("WET");
        assertThat(api.post(supplierPath("/xero/contacts"), "{\"platformId\":\"c\",\"name\":\" \"}").status()).isEqualTo(400);

        assertThat(api.put(supplierPath("/settings"), "{\"modules\":{\"invoicePush\":false,\"invoicePull\":false,\"contacts\":false}}")
                .status()).isEqualTo(200);
        ApiClient.Response off = api.post(supplierPath("/xero/contacts"), "{\"platformId\":\"c-" + id + "\",\"name\":\"Nobody\"}");
        assertThat(off.status()).isEqualTo(409);
        assertThat(off.json().get("detail").asText()).contains("contacts sync off");
    }
}
