package io.ledgerbridge.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.workspace.WorkspaceSettings.AddressField;
import io.ledgerbridge.workspace.WorkspaceSettings.PhoneField;
import java.util.Map;
import java.util.Set;

/**
 * Pure: Xero's contacts and items as the platform receives them on xero.contacts and xero.products. The contact's
 * phone and address are the ones the workspace's contact field mapping names (F8); "do not sync" leaves the field out,
 * so the platform keeps its own. An item no item mapping knows is marked for the platform's "Unsorted" category.
 */
final class PulledRecords {

    static final String UNSORTED = "Unsorted";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PulledRecords() {
    }

    /** One contact of Xero's {@code Contacts} answer, for xero.contacts. */
    static ObjectNode contact(String workspaceId, JsonNode xero, PhoneField phoneField, AddressField addressField) {
        ObjectNode out = JSON.objectNode();
        out.put("workspaceId", workspaceId);
        out.put("xeroContactId", xero.path("ContactID").asText(null));
        out.put("name", xero.path("Name").asText(null));
        out.put("contactNumber", xero.path("ContactNumber").asText(null));
        out.put("email", xero.path("EmailAddress").asText(null));
        out.put("taxNumber", xero.path("TaxNumber").asText(null));
        out.put("status", xero.path("ContactStatus").asText(null));
        out.put("isCustomer", xero.path("IsCustomer").asBoolean(false));
        out.put("isSupplier", xero.path("IsSupplier").asBoolean(false));
        if (phoneField != PhoneField.DO_NOT_SYNC) {
            out.put("phone", phone(xero, phoneField.name()));
        }
        if (addressField != AddressField.DO_NOT_SYNC) {
            out.set("address", address(xero, addressField == AddressField.BILLING ? "POBOX" : "STREET"));
        }
        out.put("updatedDateUtc", xero.path("UpdatedDateUTC").asText(null));
        return out;
    }

    /**
     * One item of Xero's {@code Items} answer, for xero.products.
     *
     * @param mappedItemCodes the Xero item codes the workspace's item mappings name: the products the platform knows
     * @param taxCodes        the platform tax code each Xero sales tax type is mapped from
     */
    static ObjectNode product(String workspaceId, JsonNode xero, Set<String> mappedItemCodes, Map<String, String> taxCodes) {
        JsonNode sales = xero.path("SalesDetails");
        String code = xero.path("Code").asText(null);
        String taxType = sales.path("TaxType").asText(null);
        ObjectNode out = JSON.objectNode();
        out.put("workspaceId", workspaceId);
        out.put("xeroItemId", xero.path("ItemID").asText(null));
        out.put("code", code);
        out.put("name", xero.path("Name").asText(null));
        out.put("description", xero.path("Description").asText(null));
        if (sales.hasNonNull("UnitPrice")) {
            out.put("unitPrice", sales.get("UnitPrice").decimalValue());
        } else {
            out.putNull("unitPrice");
        }
        out.put("salesAccount", sales.path("AccountCode").asText(null));
        out.put("xeroTaxType", taxType);
        out.put("taxCode", taxType == null ? null : taxCodes.get(taxType));
        out.put("category", code != null && mappedItemCodes.contains(code) ? null : UNSORTED);
        out.put("updatedDateUtc", xero.path("UpdatedDateUTC").asText(null));
        return out;
    }

    private static String phone(JsonNode xero, String type) {
        for (JsonNode phone : xero.path("Phones")) {
            if (type.equals(phone.path("PhoneType").asText())) {
                String number = String.join(" ", nonBlank(phone.path("PhoneCountryCode").asText("")),
                        nonBlank(phone.path("PhoneAreaCode").asText("")), nonBlank(phone.path("PhoneNumber").asText(""))).trim();
                return number.isEmpty() ? null : number.replaceAll("\\s+", " ");
            }
        }
        return null;
    }

    private static ObjectNode address(JsonNode xero, String type) {
        for (JsonNode address : xero.path("Addresses")) {
            if (type.equals(address.path("AddressType").asText()) && address.hasNonNull("AddressLine1")) {
                ObjectNode out = JSON.objectNode();
                var lines = out.putArray("lines");
                for (String line : new String[] {"AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4"}) {
                    if (address.hasNonNull(line) && !address.get(line).asText().isBlank()) {
                        lines.add(address.get(line).asText());
                    }
                }
                out.put("city", address.path("City").asText(null));
                out.put("region", address.path("Region").asText(null));
                out.put("postalCode", address.path("PostalCode").asText(null));
                out.put("country", address.path("Country").asText(null));
                return out;
            }
        }
        return null;
    }

    private static String nonBlank(String s) {
        return s == null ? "" : s.trim();
    }
}
