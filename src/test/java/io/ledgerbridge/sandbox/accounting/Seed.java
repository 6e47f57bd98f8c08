package io.ledgerbridge.sandbox.accounting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.sandbox.http.Json;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The two Australian demo organisations the sandbox starts with: a produce supplier (AUD, and NZD as a
 * second currency) and a cafe that buys from it (AUD only). Every id is derived from the tenant id and a
 * name, so it is the same on every start.
 */
final class Seed {

    static final UUID SUPPLIER_ID = UUID.fromString("8e6a0f0d-3c1e-4f6b-9d2a-5f1c2b7e9a01");
    static final UUID VENUE_ID = UUID.fromString("2b7d4c1a-9e3f-4a8b-b6c5-7d0e1f2a3b02");

    private Seed() {
    }

    static List<Organisation> organisations(Clock clock) {
        Organisation supplier = new Organisation(SUPPLIER_ID, "Demo Fresh Produce Co", "supplier", clock);
        common(supplier);
        // The supplier also sells to New Zealand; the cafe has only its base currency.
        supplier.currencies.put("NZD", "New Zealand Dollar");
        contact(supplier, "Harbour Cafe", "CUST-001", "finance@harbour.example", "11222333444", true, false);
        contact(supplier, "Bayside Bistro", "CUST-002", "accounts@bayside.example", null, true, false);
        contact(supplier, "Green Valley Farms", "SUPP-001", "billing@greenvalley.example", "33444555666", false, true);
        item(supplier, "APL-01", "Apples 1kg", "4.50", "200", "EXEMPTOUTPUT", "2.80", "310", "EXEMPTEXPENSES");
        item(supplier, "BAN-01", "Bananas 1kg", "3.90", "200", "EXEMPTOUTPUT", "2.10", "310", "EXEMPTEXPENSES");
        item(supplier, "JUI-01", "Orange juice 2L", "6.50", "200", "OUTPUT", "3.60", "310", "INPUT");
        item(supplier, "FRT-01", "Delivery", "15.00", "200", "OUTPUT", null, null, null);

        Organisation venue = new Organisation(VENUE_ID, "Demo Harbour Cafe", "venue", clock);
        common(venue);
        contact(venue, "Fresh Produce Co", "SUPP-001", "accounts@fresh.example", "51824753556", false, true);
        contact(venue, "City Bakery", "SUPP-002", "orders@citybakery.example", null, false, true);
        contact(venue, "Walk-in Customer", "CUST-001", null, null, true, false);
        item(venue, "APL-01", "Apples 1kg", null, null, null, "4.50", "310", "EXEMPTEXPENSES");
        item(venue, "COF-01", "Coffee beans 1kg", "32.00", "200", "OUTPUT", "24.00", "310", "INPUT");
        item(venue, "MLK-01", "Milk 2L", null, null, null, "3.20", "310", "EXEMPTEXPENSES");
        return List.of(supplier, venue);
    }

    /**
     * One more organisation with the same chart, tax rates and tracking, one customer, one supplier and the
     * apples item: for runs that need many tenants, such as a fairness benchmark.
     */
    static Organisation extra(UUID tenantId, String name, Clock clock) {
        Organisation org = new Organisation(tenantId, name, "extra", clock);
        common(org);
        contact(org, "Harbour Cafe", "CUST-001", "finance@harbour.example", null, true, false);
        contact(org, "Fresh Produce Co", "SUPP-001", "accounts@fresh.example", null, false, true);
        item(org, "APL-01", "Apples 1kg", "4.50", "200", "EXEMPTOUTPUT", "2.80", "310", "EXEMPTEXPENSES");
        return org;
    }

    private static void common(Organisation org) {
        org.baseCurrency = "AUD";
        org.currencies.put("AUD", "Australian Dollar");
        taxRates(org);
        // Bank and clearing accounts
        account(org, "090", "Business Bank Account", "BANK", "BASEXCLUDED", a -> {
            a.bankAccountNumber = "062000 12345678";
            a.reportingCode = "ASS.CUR.CAS.CAS";
        });
        account(org, "091", "Business Savings Account", "BANK", "BASEXCLUDED", a -> a.bankAccountNumber = "062000 87654321");
        account(org, "855", "Platform Clearing", "CURRENT", "BASEXCLUDED", a -> {
            a.enablePaymentsToAccount = true;
            a.description = "Money collected by the ordering platform and not yet paid out";
        });
        // Revenue
        account(org, "200", "Sales", "REVENUE", "OUTPUT", a -> a.description = "Income from any normal business activity");
        account(org, "260", "Other Revenue", "REVENUE", "OUTPUT", a -> { });
        account(org, "270", "Interest Income", "OTHERINCOME", "INPUTTAXED", a -> { });
        // Direct costs and expenses
        account(org, "310", "Cost of Goods Sold", "DIRECTCOSTS", "INPUT", a -> a.description = "Cost of goods bought for resale");
        account(org, "400", "Advertising", "EXPENSE", "INPUT", a -> { });
        account(org, "404", "Bank Fees", "EXPENSE", "INPUT", a -> a.description = "Bank and card merchant fees");
        account(org, "425", "Freight & Courier", "EXPENSE", "INPUT", a -> a.description = "Delivery and freight charges");
        account(org, "429", "General Expenses", "EXPENSE", "INPUT", a -> { });
        account(org, "461", "Printing & Stationery", "EXPENSE", "INPUT", a -> { });
        account(org, "469", "Rent", "EXPENSE", "INPUT", a -> { });
        account(org, "477", "Packaging Materials", "EXPENSE", "INPUT", a -> a.status = "ARCHIVED");
        account(org, "489", "Telephone & Internet", "EXPENSE", "INPUT", a -> { });
        // Balance sheet
        account(org, "610", "Accounts Receivable", "CURRENT", "BASEXCLUDED", a -> a.systemAccount = "DEBTORS");
        account(org, "620", "Prepayments", "CURRENT", "BASEXCLUDED", a -> { });
        account(org, "630", "Inventory", "INVENTORY", "BASEXCLUDED", a -> { });
        account(org, "710", "Office Equipment", "FIXED", "INPUT", a -> { });
        account(org, "800", "Accounts Payable", "CURRLIAB", "BASEXCLUDED", a -> a.systemAccount = "CREDITORS");
        account(org, "820", "GST", "CURRLIAB", "BASEXCLUDED", a -> a.systemAccount = "GST");
        account(org, "860", "Rounding", "CURRLIAB", "BASEXCLUDED", a -> a.systemAccount = "ROUNDING");
        account(org, "877", "Tracking Transfers", "CURRLIAB", "BASEXCLUDED", a -> a.systemAccount = "TRACKINGTRANSFERS");
        account(org, "960", "Retained Earnings", "EQUITY", "BASEXCLUDED", a -> a.systemAccount = "RETAINEDEARNINGS");
        account(org, "970", "Owner A Funds Introduced", "EQUITY", "BASEXCLUDED", a -> { });

        tracking(org, "Region", "North", "South", "East", "West");
        tracking(org, "Channel", "Wholesale", "Retail");
    }

    /** The Australian tax rates: which side may use each, and which account classes it fits. */
    private static void taxRates(Organisation org) {
        rate(org, "OUTPUT", "GST on Income", "10", "OUTPUT", true, false, true, true, false, true, true);
        rate(org, "INPUT", "GST on Expenses", "10", "INPUT", false, true, true, true, true, true, false);
        rate(org, "EXEMPTOUTPUT", "GST Free Income", "0", "EXEMPTOUTPUT", true, false, true, true, false, true, true);
        rate(org, "EXEMPTEXPENSES", "GST Free Expenses", "0", "EXEMPTEXPENSES", false, true, true, true, true, true, false);
        rate(org, "BASEXCLUDED", "BAS Excluded", "0", "BASEXCLUDED", true, true, true, true, true, true, true);
        rate(org, "INPUTTAXED", "Input Taxed", "0", "INPUTTAXED", true, true, true, true, true, true, true);
        rate(org, "GSTONIMPORTS", "GST on Imports", "0", "GSTONIMPORTS", false, true, true, true, true, true, false);
        rate(org, "CAPEXINPUT", "GST on Capital", "10", "CAPEXINPUT", false, true, true, false, false, false, false);
        rate(org, "EXEMPTCAPITAL", "GST Free Capital", "0", "EXEMPTCAPITAL", false, true, true, false, false, false, false);
        rate(org, "EXEMPTEXPORT", "GST Free Exports", "0", "EXEMPTEXPORT", true, false, true, true, false, true, true);
    }

    private static void rate(Organisation org, String type, String name, String percent, String report, boolean sales,
                             boolean purchases, boolean assets, boolean equity, boolean expenses, boolean liabilities,
                             boolean revenue) {
        org.taxRates.put(type, new TaxRate(type, name, Money.rate(new BigDecimal(percent)), report, sales, purchases,
                assets, equity, expenses, liabilities, revenue));
    }

    private static void account(Organisation org, String code, String name, String type, String taxType,
                                java.util.function.Consumer<Account> more) {
        Account a = new Account(Ids.stable(org.tenantId, "account", code), code, name, type, taxType);
        more.accept(a);
        a.updated = org.touch();
        org.accounts.put(a.id, a);
    }

    private static void tracking(Organisation org, String name, String... options) {
        UUID id = Ids.stable(org.tenantId, "tracking", name);
        List<TrackingCategory.Option> list = new ArrayList<>();
        for (String option : options) {
            list.add(new TrackingCategory.Option(Ids.stable(org.tenantId, "tracking/" + name, option), option, "ACTIVE"));
        }
        org.trackingCategories.put(id, new TrackingCategory(id, name, "ACTIVE", List.copyOf(list)));
    }

    private static void contact(Organisation org, String name, String number, String email, String taxNumber,
                                boolean customer, boolean supplier) {
        Contact c = new Contact(Ids.stable(org.tenantId, "contact", name), name);
        c.contactNumber = number;
        c.emailAddress = email;
        c.taxNumber = taxNumber;
        c.customer = customer;
        c.supplier = supplier;
        ObjectNode street = Json.object().put("AddressType", "STREET").put("AddressLine1", "1 Quay St")
                .put("City", "Sydney").put("Region", "NSW").put("PostalCode", "2000").put("Country", "Australia");
        c.addresses.add(street);
        c.phones.add(Json.object().put("PhoneType", "DEFAULT").put("PhoneNumber", "5550 1234")
                .put("PhoneAreaCode", "02").put("PhoneCountryCode", "61"));
        c.updated = org.touch();
        org.contacts.put(c.id, c);
    }

    private static void item(Organisation org, String code, String name, String salePrice, String saleAccount,
                             String saleTax, String buyPrice, String buyAccount, String buyTax) {
        Item i = new Item(Ids.stable(org.tenantId, "item", code), code);
        i.name = name;
        i.description = name;
        i.sold = salePrice != null;
        i.purchased = buyPrice != null;
        i.salesDetails = salePrice == null ? null : new Item.Details(new BigDecimal(salePrice), saleAccount, saleTax);
        i.purchaseDetails = buyPrice == null ? null : new Item.Details(new BigDecimal(buyPrice), buyAccount, buyTax);
        i.updated = org.touch();
        org.items.put(i.id, i);
    }
}
