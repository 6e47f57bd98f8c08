package io.ledgerbridge.sandbox;

import static io.ledgerbridge.sandbox.InvoiceRulesTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seeded chart of accounts, tax rates, tracking and items, and the contact rules (FACTS §8–10). */
class SettingsAndContactsTest extends SandboxTest {

    private static Map<String, JsonNode> accountsByCode() {
        Map<String, JsonNode> out = new HashMap<>();
        json(sandbox.get("/Accounts", SUPPLIER)).get("Accounts").forEach(a -> out.put(a.get("Code").asText(), a));
        return out;
    }

    @Test
    void seedsTheChartOfAccountsLedgerBridgeUses() {
        Map<String, JsonNode> accounts = accountsByCode();
        assertThat(accounts.get("200").get("Type").asText()).isEqualTo("REVENUE");
        assertThat(accounts.get("200").get("TaxType").asText()).isEqualTo("OUTPUT");
        assertThat(accounts.get("310").get("Type").asText()).isEqualTo("DIRECTCOSTS");
        assertThat(accounts.get("310").get("TaxType").asText()).isEqualTo("INPUT");
        assertThat(accounts.get("425").get("Name").asText()).isEqualTo("Freight & Courier");
        assertThat(accounts.get("404").get("Type").asText()).isEqualTo("EXPENSE");
        assertThat(accounts.get("855").get("EnablePaymentsToAccount").asBoolean()).isTrue();
        assertThat(accounts.get("090").get("Type").asText()).isEqualTo("BANK");
        assertThat(accounts.get("610").get("SystemAccount").asText()).isEqualTo("DEBTORS");
        assertThat(accounts.get("800").get("SystemAccount").asText()).isEqualTo("CREDITORS");
        assertThat(accounts.get("860").get("SystemAccount").asText()).isEqualTo("ROUNDING");
        assertThat(accounts.get("820").get("Name").asText()).isEqualTo("GST");
        assertThat(accounts.get("477").get("Status").asText()).isEqualTo("ARCHIVED");
        assertThat(accounts.get("200").get("Class").asText()).isEqualTo("REVENUE");
        JsonNode banks = json(sandbox.get("/Accounts?where=" + enc("Type==\"BANK\""), SUPPLIER)).get("Accounts");
        assertThat(banks).extracting(a -> a.get("Code").asText()).containsExactly("090", "091");
        String id = accounts.get("200").get("AccountID").asText();
        assertThat(first(sandbox.get("/Accounts/" + id, SUPPLIER), "Accounts").get("Code").asText()).isEqualTo("200");
        assertThat(accountsByCode().get("200").get("AccountID").asText()).as("stable ids").isEqualTo(id);
    }

    @Test
    void seedsTheAustralianTaxRates() {
        Map<String, JsonNode> rates = new HashMap<>();
        json(sandbox.get("/TaxRates", SUPPLIER)).get("TaxRates").forEach(t -> rates.put(t.get("TaxType").asText(), t));
        assertThat(rates).containsKeys("OUTPUT", "INPUT", "EXEMPTOUTPUT", "EXEMPTEXPENSES", "BASEXCLUDED", "GSTONIMPORTS",
                "INPUTTAXED");
        assertThat(rates.get("OUTPUT").get("Name").asText()).isEqualTo("GST on Income");
        assertThat(rates.get("OUTPUT").get("EffectiveRate").decimalValue()).isEqualByComparingTo("10");
        assertThat(rates.get("OUTPUT").get("CanApplyToRevenue").asBoolean()).isTrue();
        assertThat(rates.get("OUTPUT").get("CanApplyToExpenses").asBoolean()).isFalse();
        assertThat(rates.get("INPUT").get("CanApplyToExpenses").asBoolean()).isTrue();
        assertThat(rates.get("EXEMPTOUTPUT").get("DisplayTaxRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(first(sandbox.get("/TaxRates/INPUT", SUPPLIER), "TaxRates").get("Name").asText()).isEqualTo("GST on Expenses");
    }

    @Test
    void seedsTrackingCategoriesAndItems() {
        JsonNode tracking = json(sandbox.get("/TrackingCategories", VENUE)).get("TrackingCategories");
        assertThat(tracking).extracting(t -> t.get("Name").asText()).containsExactly("Channel", "Region");
        assertThat(tracking.get(1).get("Options")).extracting(o -> o.get("Name").asText())
                .containsExactly("North", "South", "East", "West");
        assertThat(tracking.get(0).get("Options")).extracting(o -> o.get("Name").asText()).containsExactly("Wholesale", "Retail");
        JsonNode apples = first(sandbox.get("/Items/APL-01", SUPPLIER), "Items");
        assertThat(apples.get("Name").asText()).isEqualTo("Apples 1kg");
        assertThat(apples.get("SalesDetails").get("UnitPrice").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(json(sandbox.get("/Items", VENUE)).get("Items")).extracting(i -> i.get("Code").asText()).contains("APL-01");
    }

    @Test
    void itemsHaveUniqueCodes() {
        HttpResponse<String> dup = sandbox.put("/Items", "{\"Items\":[{\"Code\":\"APL-01\",\"Name\":\"Again\"}]}", SUPPLIER);
        assertThat(dup.statusCode()).isEqualTo(400);
        assertThat(messages(json(dup).get("Elements").get(0))).containsExactly("Price List Item with Code 'APL-01' already exists");
        HttpResponse<String> upsert = sandbox.post("/Items", "{\"Items\":[{\"Code\":\"APL-01\",\"Name\":\"Apples (1kg bag)\"}]}", SUPPLIER);
        assertThat(first(upsert, "Items").get("Name").asText()).isEqualTo("Apples (1kg bag)");
        assertThat(first(sandbox.put("/Items", "{\"Items\":[{\"Code\":\"PEA-01\",\"Name\":\"Pears\",\"SalesDetails\":{\"UnitPrice\":5.2,"
                + "\"AccountCode\":\"200\",\"TaxType\":\"EXEMPTOUTPUT\"}}]}", SUPPLIER), "Items").get("ItemID").asText()).hasSize(36);
    }

    @Test
    void createsUpdatesAndSearchesContacts() {
        HttpResponse<String> created = sandbox.put("/Contacts", """
                {"Contacts":[{"Name":"Quay Street Deli","ContactNumber":"CUST-900","EmailAddress":"ap@quay.example",
                  "Addresses":[{"AddressType":"STREET","AddressLine1":"9 Quay St","City":"Sydney"}]}]}
                """, SUPPLIER);
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode contact = first(created, "Contacts");
        assertThat(contact.get("ContactStatus").asText()).isEqualTo("ACTIVE");
        assertThat(contact.get("Addresses")).extracting(a -> a.get("AddressType").asText()).containsExactly("STREET", "POBOX");
        assertThat(contact.get("Phones")).extracting(p -> p.get("PhoneType").asText()).containsExactly("DEFAULT", "DDI", "FAX", "MOBILE");
        String id = contact.get("ContactID").asText();

        HttpResponse<String> updated = sandbox.post("/Contacts", "{\"Contacts\":[{\"ContactID\":\"" + id
                + "\",\"EmailAddress\":\"accounts@quay.example\"}]}", SUPPLIER);
        assertThat(first(updated, "Contacts").get("EmailAddress").asText()).isEqualTo("accounts@quay.example");
        assertThat(first(updated, "Contacts").get("Name").asText()).isEqualTo("Quay Street Deli");
        assertThat(first(sandbox.get("/Contacts/CUST-900", SUPPLIER), "Contacts").get("ContactID").asText()).isEqualTo(id);
        assertThat(json(sandbox.get("/Contacts?searchTerm=quay", SUPPLIER)).get("Contacts")).hasSize(1);
        assertThat(json(sandbox.get("/Contacts?searchTerm=accounts@quay", SUPPLIER)).get("Contacts")).hasSize(1);
        JsonNode page = json(sandbox.get("/Contacts?page=1&pageSize=2", SUPPLIER));
        assertThat(page.get("Contacts")).hasSize(2);
        assertThat(page.get("pagination").get("itemCount").asInt()).isEqualTo(4);

        sandbox.post("/Contacts/" + id, "{\"Contacts\":[{\"ContactStatus\":\"ARCHIVED\"}]}", SUPPLIER);
        assertThat(json(sandbox.get("/Contacts?searchTerm=quay", SUPPLIER)).get("Contacts")).isEmpty();
        assertThat(json(sandbox.get("/Contacts?searchTerm=quay&includeArchived=true", SUPPLIER)).get("Contacts")).hasSize(1);
    }

    @Test
    void enforcesTheContactRules() {
        HttpResponse<String> dup = sandbox.put("/Contacts", "{\"Contacts\":[{\"Name\":\"Harbour Cafe\"}]}", SUPPLIER);
        assertThat(dup.statusCode()).isEqualTo(400);
        assertThat(messages(json(dup).get("Elements").get(0))).containsExactly(
                "The contact name Harbour Cafe is already assigned to another contact. The contact name must be unique across all active contacts.");
        HttpResponse<String> noName = sandbox.put("/Contacts", "{\"Contacts\":[{\"EmailAddress\":\"a@b.example\"}]}", SUPPLIER);
        assertThat(messages(json(noName).get("Elements").get(0))).containsExactly("Contact Name cannot be empty.");
        HttpResponse<String> email = sandbox.put("/Contacts?summarizeErrors=false",
                "{\"Contacts\":[{\"Name\":\"Bad Email Pty\",\"EmailAddress\":\"not-an-email\"},{\"Name\":\"Good Pty\"}]}", SUPPLIER);
        assertThat(email.statusCode()).isEqualTo(200);
        JsonNode results = json(email).get("Contacts");
        assertThat(results.get(0).get("StatusAttributeString").asText()).isEqualTo("ERROR");
        assertThat(results.get(0).get("HasValidationErrors").asBoolean()).isTrue();
        assertThat(messages(results.get(0))).containsExactly("Email address must be valid.");
        assertThat(results.get(1).get("StatusAttributeString").asText()).isEqualTo("OK");
        HttpResponse<String> upsertByName = sandbox.post("/Contacts", "{\"Contacts\":[{\"Name\":\"Harbour Cafe\",\"TaxNumber\":\"99\"}]}",
                SUPPLIER);
        assertThat(first(upsertByName, "Contacts").get("TaxNumber").asText()).isEqualTo("99");
    }
}
