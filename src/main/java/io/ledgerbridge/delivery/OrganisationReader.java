package io.ledgerbridge.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.coding.Organisation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads Xero's Accounts, TaxRates, TrackingCategories, Items and Currencies answers into an {@link Organisation}. */
final class OrganisationReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrganisationReader() {
    }

    public static Organisation read(String name, String accounts, String taxRates, String trackingCategories, String items,
                                    String currencies) {
        return new Organisation(name, accounts(tree(accounts)), taxRates(tree(taxRates)),
                tracking(tree(trackingCategories)), items(tree(items)), currencies(tree(currencies)));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Xero answered something that is not JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Organisation.Account> accounts(JsonNode root) {
        Map<String, Organisation.Account> accounts = new LinkedHashMap<>();
        for (JsonNode account : root.path("Accounts")) {
            String code = account.path("Code").asText("");
            if (!code.isEmpty()) {
                accounts.put(code, new Organisation.Account(code, account.path("Name").asText(), account.path("Type").asText(),
                        account.path("Status").asText(), text(account, "TaxType"), text(account, "SystemAccount"),
                        account.path("EnablePaymentsToAccount").asBoolean(false)));
            }
        }
        return accounts;
    }

    private static Map<String, Organisation.TaxRate> taxRates(JsonNode root) {
        Map<String, Organisation.TaxRate> rates = new LinkedHashMap<>();
        for (JsonNode rate : root.path("TaxRates")) {
            String type = rate.path("TaxType").asText();
            rates.put(type, new Organisation.TaxRate(type, rate.path("Name").asText(),
                    rate.path("EffectiveRate").isMissingNode() ? BigDecimal.ZERO : rate.path("EffectiveRate").decimalValue(),
                    rate.path("CanApplyToRevenue").asBoolean(false), rate.path("CanApplyToExpenses").asBoolean(false),
                    rate.path("Status").asText()));
        }
        return rates;
    }

    private static List<Organisation.TrackingCategory> tracking(JsonNode root) {
        List<Organisation.TrackingCategory> categories = new ArrayList<>();
        for (JsonNode category : root.path("TrackingCategories")) {
            List<String> options = new ArrayList<>();
            for (JsonNode option : category.path("Options")) {
                if ("ACTIVE".equals(option.path("Status").asText("ACTIVE"))) {
                    options.add(option.path("Name").asText());
                }
            }
            categories.add(new Organisation.TrackingCategory(category.path("Name").asText(), category.path("Status").asText(),
                    List.copyOf(options)));
        }
        return categories;
    }

    private static Map<String, String> items(JsonNode root) {
        Map<String, String> items = new LinkedHashMap<>();
        for (JsonNode item : root.path("Items")) {
            items.put(item.path("Code").asText(), item.path("Name").asText());
        }
        return items;
    }

    /** The currency codes, in Xero's order, upper case. */
    private static Set<String> currencies(JsonNode root) {
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode currency : root.path("Currencies")) {
            String code = currency.path("Code").asText("").trim();
            if (!code.isEmpty()) {
                codes.add(code.toUpperCase(Locale.ROOT));
            }
        }
        return Collections.unmodifiableSet(codes);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
