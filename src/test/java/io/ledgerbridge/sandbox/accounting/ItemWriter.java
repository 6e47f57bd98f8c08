package io.ledgerbridge.sandbox.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creates and updates price-list items (FACTS §10): Code is required and unique. */
final class ItemWriter {

    private final Organisation org;
    private final int unitdp;

    ItemWriter(Organisation org, int unitdp) {
        this.org = org;
        this.unitdp = unitdp;
    }

    ElementResult write(JsonNode input, Item target, boolean put) {
        List<String> errors = new ArrayList<>();
        String code = Input.text(input, "Code");
        Item existing = target;
        if (existing == null) {
            UUID id = Ids.parse(Input.text(input, "ItemID"));
            existing = id != null ? org.items.get(id) : null;
        }
        if (existing == null && code != null && !code.isBlank()) {
            Item sameCode = org.itemByCode(code);
            if (sameCode != null && put) {
                errors.add(String.format(Messages.ITEM_CODE_EXISTS, code.trim()));
            }
            existing = put ? null : sameCode;
        }
        if (existing == null && (code == null || code.isBlank())) {
            errors.add(Messages.ITEM_CODE_REQUIRED);
        }
        if (!errors.isEmpty()) {
            return new ElementResult(Input.echo(input), errors, List.of());
        }
        boolean isNew = existing == null;
        Item item = isNew ? new Item(UUID.randomUUID(), code.trim()) : existing;
        if (code != null && !code.isBlank()) {
            item.code = code.trim();
        }
        if (Input.has(input, "Name")) {
            item.name = Input.text(input, "Name");
        }
        if (Input.has(input, "Description")) {
            item.description = Input.text(input, "Description");
        }
        if (Input.has(input, "PurchaseDescription")) {
            item.purchaseDescription = Input.text(input, "PurchaseDescription");
        }
        if (Input.has(input, "SalesDetails")) {
            item.salesDetails = details(Input.get(input, "SalesDetails"), errors);
        }
        if (Input.has(input, "PurchaseDetails")) {
            item.purchaseDetails = details(Input.get(input, "PurchaseDetails"), errors);
        }
        Boolean sold = Input.bool(input, "IsSold");
        if (sold != null) {
            item.sold = sold;
            if (!sold) {
                item.salesDetails = null;
            }
        }
        Boolean purchased = Input.bool(input, "IsPurchased");
        if (purchased != null) {
            item.purchased = purchased;
            if (!purchased) {
                item.purchaseDetails = null;
            }
        }
        item.updated = org.touch();
        if (isNew) {
            org.items.put(item.id, item);
        }
        return new ElementResult(Render.item(item, unitdp), errors, List.of());
    }

    private Item.Details details(JsonNode node, List<String> errors) {
        return new Item.Details(Input.decimal(node, "UnitPrice", errors), Input.text(node, "AccountCode"),
                Input.text(node, "TaxType"));
    }
}
