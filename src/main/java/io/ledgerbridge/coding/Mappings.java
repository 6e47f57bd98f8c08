package io.ledgerbridge.coding;

import java.util.Map;

/**
 * A workspace's coding memory: per item (SKU) its account and Xero item code, per supplier its default
 * account (venue side), per platform tax code its Xero tax type for sales and for purchases, and
 * tracking aliases from the platform's names to the organisation's categories and options.
 */
public record Mappings(
        Map<String, ItemMapping> items,
        Map<String, String> suppliers,
        Map<TaxKey, String> taxRates,
        Map<String, String> tracking) {

    public static Mappings none() {
        return new Mappings(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** What to code a product with: an account, optionally a Xero item code and product-level tracking. */
    public record ItemMapping(String accountCode, String itemCode, Map<String, String> properties) {
    }

    /** A platform tax code in one direction. */
    public record TaxKey(String platformCode, Direction direction) {
    }

    /** Sales (the supplier's invoices) or purchases (the venue's bills). */
    public enum Direction { SALES, PURCHASES }
}
