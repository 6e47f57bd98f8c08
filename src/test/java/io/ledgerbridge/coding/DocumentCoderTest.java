package io.ledgerbridge.coding;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.coding.CodingResult.AccountSource;
import io.ledgerbridge.coding.CodingResult.CodedLine;
import io.ledgerbridge.coding.Mappings.Direction;
import io.ledgerbridge.coding.Mappings.ItemMapping;
import io.ledgerbridge.coding.Mappings.TaxKey;
import io.ledgerbridge.coding.Organisation.Account;
import io.ledgerbridge.coding.Organisation.TaxRate;
import io.ledgerbridge.coding.Organisation.TrackingCategory;
import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.order.OrderDocument.AmountsAre;
import io.ledgerbridge.order.OrderDocument.Line;
import io.ledgerbridge.order.OrderDocument.LineKind;
import io.ledgerbridge.order.OrderDocument.Party;
import io.ledgerbridge.order.OrderDocument.Totals;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.workspace.WorkspaceSettings.AddressField;
import io.ledgerbridge.workspace.WorkspaceSettings.InvoiceStatus;
import io.ledgerbridge.workspace.WorkspaceSettings.Modules;
import io.ledgerbridge.workspace.WorkspaceSettings.PhoneField;
import io.ledgerbridge.xero.XeroLineItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class DocumentCoderTest {

    private static final Organisation CAFE = new Organisation("Harbour Cafe",
            Map.of("200", new Account("200", "Sales", "REVENUE", "ACTIVE", "OUTPUT", null),
                    "310", new Account("310", "Cost of Goods Sold", "DIRECTCOSTS", "ACTIVE", "INPUT", null),
                    "425", new Account("425", "Freight & Courier", "EXPENSE", "ACTIVE", "INPUT", null),
                    "404", new Account("404", "Bank Fees", "EXPENSE", "ACTIVE", "INPUT", null),
                    "477", new Account("477", "Old Stock", "EXPENSE", "ARCHIVED", "INPUT", null),
                    "499", new Account("499", "Sundry", "EXPENSE", "ACTIVE", null, null),
                    "860", new Account("860", "Rounding", "CURRLIAB", "ACTIVE", "BASEXCLUDED", "ROUNDING")),
            Map.of("INPUT", new TaxRate("INPUT", "GST on Expenses", new BigDecimal("10.0000"), false, true, "ACTIVE"),
                    "OUTPUT", new TaxRate("OUTPUT", "GST on Income", new BigDecimal("10.0000"), true, false, "ACTIVE"),
                    "EXEMPTEXPENSES", new TaxRate("EXEMPTEXPENSES", "GST Free Expenses", BigDecimal.ZERO, false, true, "ACTIVE"),
                    "EXEMPTOUTPUT", new TaxRate("EXEMPTOUTPUT", "GST Free Income", BigDecimal.ZERO, true, false, "ACTIVE")),
            List.of(new TrackingCategory("Region", "ACTIVE", List.of("North", "South")),
                    new TrackingCategory("Channel", "ACTIVE", List.of("Wholesale", "Retail")),
                    new TrackingCategory("Legacy", "ARCHIVED", List.of("Old"))),
            Map.of("APL-01", "Apples 1kg"), Set.of("AUD"));

    private static final Map<TaxKey, String> TAX = Map.of(
            new TaxKey("GST", Direction.PURCHASES), "INPUT",
            new TaxKey("GST_FREE", Direction.PURCHASES), "EXEMPTEXPENSES",
            new TaxKey("GST", Direction.SALES), "OUTPUT",
            new TaxKey("GST_FREE", Direction.SALES), "EXEMPTOUTPUT");

    private static WorkspaceSettings settings(String sales, String expense) {
        return new WorkspaceSettings(sales, expense, "425", "404", "855", InvoiceStatus.AUTHORISED, true, true, false,
                new Modules(true, true, true, true, false), PhoneField.DEFAULT, AddressField.BILLING);
    }

    private static Line product(String sku, String quantity, String price, String discount, String tax,
                                Map<String, String> properties) {
        return new Line("l-" + sku, LineKind.PRODUCT, "p-" + sku, sku, "Product " + sku, new BigDecimal(quantity),
                new BigDecimal(price), discount == null ? null : new BigDecimal(discount), tax, properties);
    }

    /** The sample order of CONTRACTS.md: 10 × 4.50 GST-free apples, 15.00 freight and 0.90 surcharge with GST. */
    private static OrderDocument sample(String total, Map<String, String> orderProperties, Line... products) {
        List<Line> lines = new java.util.ArrayList<>(List.of(products));
        lines.add(new Line("l2", LineKind.FREIGHT, null, null, "Delivery", BigDecimal.ONE, new BigDecimal("15.00"), null, "GST", null));
        lines.add(new Line("l3", LineKind.SURCHARGE, null, null, "Card surcharge", BigDecimal.ONE, new BigDecimal("0.90"), null, "GST", null));
        return new OrderDocument("ord-1", 1, "INV-1001", null, "ORD-1001", "PO-77", LocalDate.of(2026, 11, 21),
                LocalDate.of(2026, 12, 5), "AUD", AmountsAre.TAX_EXCLUSIVE,
                new Party("ws-fresh", "Fresh Produce Co", "51824753556", "accounts@fresh.example", null, null, null),
                new Party("ws-cafe", "Harbour Cafe", null, null, null, null, null),
                lines, orderProperties, new Totals(null, null, new BigDecimal(total)), null, null);
    }

    private static Line apples(Map<String, String> properties) {
        return product("APL-01", "10", "4.50", "0", "GST_FREE", properties);
    }

    private static CodingResult bill(OrderDocument document, Mappings mappings, WorkspaceSettings settings) {
        return DocumentCoder.code(new DocumentCoder.Request(document, Direction.PURCHASES, settings, mappings, CAFE));
    }

    private static Mappings mappings(Map<String, ItemMapping> items, Map<String, String> suppliers, Map<String, String> tracking) {
        return new Mappings(items, suppliers, TAX, tracking);
    }

    @Test
    void theSampleBillIsCodedLineByLineAndMatchesThePlatformsTotal() {
        CodingResult result = bill(sample("62.49", Map.of("xero_Region", "North"), apples(Map.of())),
                mappings(Map.of("APL-01", new ItemMapping("310", null, Map.of())), Map.of(), Map.of()), settings(null, "310"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.glAccountRequired()).isFalse();
        assertThat(result.lineAmountTypes()).isEqualTo("Exclusive");
        assertThat(result.xeroTotal()).isEqualByComparingTo("62.49");
        assertThat(result.roundingDifference()).isEqualByComparingTo("0");
        assertThat(result.lines()).extracting(CodedLine::source)
                .containsExactly(AccountSource.ITEM_MAPPING, AccountSource.FREIGHT, AccountSource.SURCHARGE);
        XeroLineItem first = result.lines().get(0).item();
        assertThat(first.accountCode()).isEqualTo("310");
        assertThat(first.taxType()).isEqualTo("EXEMPTEXPENSES");
        assertThat(first.itemCode()).isEqualTo("APL-01");
        assertThat(first.tracking()).containsExactly(new XeroLineItem.Tracking("Region", "North"));
        assertThat(result.lines().get(1).item().accountCode()).isEqualTo("425");
        assertThat(result.lines().get(1).item().taxType()).isEqualTo("INPUT");
        assertThat(result.lines().get(2).item().accountCode()).isEqualTo("404");
    }

    @Test
    void itemMappingBeatsSupplierDefaultWhichBeatsWorkspaceDefault() {
        OrderDocument document = sample("62.49", Map.of(), apples(Map.of()));
        Map<String, ItemMapping> items = Map.of("APL-01", new ItemMapping("425", null, Map.of()));

        assertThat(bill(document, mappings(items, Map.of("ws-fresh", "404"), Map.of()), settings(null, "310"))
                .lines().get(0)).satisfies(line -> {
                    assertThat(line.source()).isEqualTo(AccountSource.ITEM_MAPPING);
                    assertThat(line.item().accountCode()).isEqualTo("425");
                });
        assertThat(bill(document, mappings(Map.of(), Map.of("ws-fresh", "404"), Map.of()), settings(null, "310"))
                .lines().get(0).source()).isEqualTo(AccountSource.SUPPLIER_DEFAULT);
        assertThat(bill(document, mappings(Map.of(), Map.of("fresh produce co", "404"), Map.of()), settings(null, "310"))
                .lines().get(0).item().accountCode()).isEqualTo("404");
        assertThat(bill(document, mappings(Map.of(), Map.of(), Map.of()), settings(null, "310"))
                .lines().get(0).source()).isEqualTo(AccountSource.WORKSPACE_DEFAULT);
    }

    @Test
    void aBillLineWithNoAccountLeavesTheDocumentGlAccountRequired() {
        CodingResult result = bill(sample("62.49", Map.of(), apples(Map.of())), mappings(Map.of(), Map.of(), Map.of()),
                settings(null, null));

        assertThat(result.sendable()).isTrue();
        assertThat(result.glAccountRequired()).isTrue();
        assertThat(result.linesWithoutAccount()).containsExactly("APL-01 Product APL-01");
        assertThat(result.lines().get(0).item().accountCode()).isNull();
    }

    @Test
    void anAccountOutsideTheChartStopsTheDocumentAndNamesTheMappingToFix() {
        CodingResult result = bill(sample("62.49", Map.of(), apples(Map.of())),
                mappings(Map.of("APL-01", new ItemMapping("999", null, Map.of())), Map.of(), Map.of()), settings(null, "310"));

        assertThat(result.sendable()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("Account code 999 is not in Harbour Cafe's chart of accounts.");
            assertThat(problem.fixHint()).startsWith("Map item APL-01 to an expense account of Harbour Cafe");
        });
    }

    @Test
    void anArchivedAccountStopsTheDocument() {
        CodingResult result = bill(sample("62.49", Map.of(), apples(Map.of())), mappings(Map.of(), Map.of(), Map.of()),
                settings(null, "477"));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("Account code 477 (Old Stock) is archived in Harbour Cafe.");
            assertThat(problem.fixHint()).contains("default expense account");
        });
    }

    @Test
    void anUnmappedTaxCodeOrOneForTheWrongDirectionStopsTheDocument() {
        Line wine = product("WIN-01", "1", "20.00", null, "WET", Map.of());
        CodingResult unmapped = bill(sample("62.49", Map.of(), wine), mappings(Map.of(), Map.of(), Map.of()), settings(null, "310"));
        assertThat(unmapped.problems()).extracting(CodingResult.Problem::message)
                .contains("Tax code WET has no Xero tax rate for purchases in Harbour Cafe.");

        Map<TaxKey, String> wrong = new HashMap<>(TAX);
        wrong.put(new TaxKey("GST", Direction.PURCHASES), "OUTPUT");
        CodingResult wrongDirection = DocumentCoder.code(new DocumentCoder.Request(sample("62.49", Map.of(), apples(Map.of())),
                Direction.PURCHASES, settings(null, "310"), new Mappings(Map.of(), Map.of(), wrong, Map.of()), CAFE));
        assertThat(wrongDirection.problems()).extracting(CodingResult.Problem::message)
                .contains("Tax rate OUTPUT (mapped from GST) cannot be used on purchases in Harbour Cafe.");
    }

    @Test
    void lineTrackingBeatsProductWhichBeatsOrderAndAliasesApply() {
        Map<String, ItemMapping> items = Map.of("APL-01", new ItemMapping("310", null, Map.of("xero_Channel", "Retail", "xero_Region", "South")));
        CodingResult result = bill(sample("62.49", Map.of("xero_Region", "North", "xero_Channel", "Wholesale"),
                        apples(Map.of("xero_Region", "N"))),
                mappings(items, Map.of(), Map.of("Region:N", "North")), settings(null, "310"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.lines().get(0).item().tracking()).containsExactlyInAnyOrder(
                new XeroLineItem.Tracking("Region", "North"), new XeroLineItem.Tracking("Channel", "Retail"));
        assertThat(result.lines().get(1).item().tracking()).containsExactlyInAnyOrder(
                new XeroLineItem.Tracking("Region", "North"), new XeroLineItem.Tracking("Channel", "Wholesale"));
    }

    @Test
    void unknownTrackingAndTooManyCategoriesStopTheDocument() {
        CodingResult unknownOption = bill(sample("62.49", Map.of("xero_Region", "Nort"), apples(Map.of())),
                mappings(Map.of(), Map.of(), Map.of()), settings(null, "310"));
        assertThat(unknownOption.problems()).extracting(CodingResult.Problem::message)
                .contains("Tracking option 'Nort' does not exist in category 'Region' of Harbour Cafe.");

        CodingResult archived = bill(sample("62.49", Map.of("xero_Legacy", "Old"), apples(Map.of())),
                mappings(Map.of(), Map.of(), Map.of()), settings(null, "310"));
        assertThat(archived.problems()).extracting(CodingResult.Problem::message)
                .contains("Tracking category 'Legacy' does not exist in Harbour Cafe.");

        CodingResult three = bill(sample("62.49", Map.of("xero_Region", "North", "xero_Channel", "Retail", "xero_Team", "A"),
                apples(Map.of())), mappings(Map.of(), Map.of(), Map.of()), settings(null, "310"));
        assertThat(three.problems()).extracting(CodingResult.Problem::message)
                .anySatisfy(message -> assertThat(message).contains("asks for 3 tracking categories"));
    }

    @Test
    void salesInvoicesCarryDiscountRatesAndBillsCarryTheDiscountedLineAmount() {
        Line discounted = product("APL-01", "10", "4.50", "10", "GST_FREE", Map.of());
        OrderDocument document = sample("57.99", Map.of(), discounted);

        CodingResult sales = DocumentCoder.code(new DocumentCoder.Request(document, Direction.SALES, settings("200", null),
                mappings(Map.of(), Map.of(), Map.of()), CAFE));
        XeroLineItem sold = sales.lines().get(0).item();
        assertThat(sold.accountCode()).isEqualTo("200");
        assertThat(sold.taxType()).isEqualTo("EXEMPTOUTPUT");
        assertThat(sold.discountRate()).isEqualByComparingTo("10");
        assertThat(sold.unitAmount()).isEqualByComparingTo("4.50");
        assertThat(sold.lineAmount()).isNull();
        assertThat(sales.xeroTotal()).isEqualByComparingTo("57.99");

        XeroLineItem bought = bill(document, mappings(Map.of(), Map.of(), Map.of()), settings(null, "310")).lines().get(0).item();
        assertThat(bought.discountRate()).isNull();
        assertThat(bought.unitAmount()).isNull();
        assertThat(bought.lineAmount()).isEqualByComparingTo("40.50");
    }

    @Test
    void aSalesCreditNoteCarriesTheDiscountedLineAmountBecauseXeroTakesDiscountRatesOnInvoicesOnly() {
        Line discounted = product("APL-01", "10", "4.50", "10", "GST_FREE", Map.of());
        OrderDocument document = sample("57.99", Map.of(), discounted);

        CodingResult credit = DocumentCoder.code(new DocumentCoder.Request(document, Direction.SALES, settings("200", null),
                mappings(Map.of(), Map.of(), Map.of()), CAFE, false));
        XeroLineItem credited = credit.lines().get(0).item();
        assertThat(credited.accountCode()).isEqualTo("200");
        assertThat(credited.taxType()).isEqualTo("EXEMPTOUTPUT");
        assertThat(credited.discountRate()).isNull();
        assertThat(credited.unitAmount()).isNull();
        assertThat(credited.quantity()).isEqualByComparingTo("10");
        assertThat(credited.lineAmount()).isEqualByComparingTo("40.50");
        assertThat(credit.xeroTotal()).isEqualByComparingTo("57.99");
    }

    @Test
    void aCentsDifferenceBecomesAnExplicitRoundingLine() {
        CodingResult result = bill(sample("62.50", Map.of(), apples(Map.of())), mappings(Map.of(), Map.of(), Map.of()),
                settings(null, "310"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.roundingDifference()).isEqualByComparingTo("0.01");
        CodedLine rounding = result.lines().get(result.lines().size() - 1);
        assertThat(rounding.source()).isEqualTo(AccountSource.ROUNDING);
        assertThat(rounding.item().accountCode()).isEqualTo("860");
        assertThat(rounding.item().unitAmount()).isEqualByComparingTo("0.01");
        assertThat(rounding.item().description()).contains("62.50").contains("62.49");
    }

    @Test
    void aDifferenceBeyondRoundingStopsTheDocument() {
        CodingResult result = bill(sample("70.00", Map.of(), apples(Map.of())), mappings(Map.of(), Map.of(), Map.of()),
                settings(null, "310"));

        assertThat(result.problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).isEqualTo("The platform's total 70.00 differs from the 62.49 Xero would"
                        + " calculate by 7.51, more than rounding."));
    }

    @Test
    void taxInclusiveAmountsAreComputedAsXeroDoes() {
        OrderDocument inclusive = new OrderDocument("ord-2", 1, "INV-2", null, null, null, LocalDate.of(2026, 11, 21), null,
                "AUD", AmountsAre.TAX_INCLUSIVE,
                new Party("ws-fresh", "Fresh Produce Co", null, null, null, null, null),
                new Party("ws-cafe", "Harbour Cafe", null, null, null, null, null),
                List.of(product("COF-01", "3", "3.33", null, "GST", Map.of())), Map.of(),
                new Totals(null, null, new BigDecimal("9.99")), null, null);

        CodingResult result = bill(inclusive, mappings(Map.of(), Map.of(), Map.of()), settings(null, "310"));

        assertThat(result.lineAmountTypes()).isEqualTo("Inclusive");
        assertThat(result.xeroTotal()).isEqualByComparingTo("9.99");
        assertThat(result.lines().get(0).item().itemCode()).isNull();
        assertThat(DocumentCoder.tax(new BigDecimal("9.99"), BigDecimal.TEN, false)).isEqualByComparingTo("0.91");
        assertThat(DocumentCoder.tax(new BigDecimal("0.90"), BigDecimal.TEN, true)).isEqualByComparingTo("0.09");
    }

    /** The sample order with one more product line and the platform's three totals. */
    private static OrderDocument withTotals(OrderDocument document, String subtotal, String tax, String total) {
        return new OrderDocument(document.orderId(), document.version(), document.invoiceNumber(), document.creditNoteNumber(),
                document.orderNumber(), document.purchaseOrderNumber(), document.issueDate(), document.dueDate(),
                document.currency(), document.amountsAre(), document.supplier(), document.buyer(), document.lines(),
                document.properties(), new Totals(new BigDecimal(subtotal), new BigDecimal(tax), new BigDecimal(total)),
                document.payment(), document.notes());
    }

    @Test
    void aLineWithoutTaxCodeTakesItsAccountsDefaultTaxRateAsXeroDoesAndSendsItExplicitly() {
        // 2 x 10.00 coffee on account 200 (default OUTPUT, GST 10 %): Xero adds 2.00 of GST to it.
        Line coffee = product("COF-01", "2", "10.00", null, null, Map.of());
        OrderDocument document = withTotals(sample("39.49", Map.of(), coffee), "35.90", "3.59", "39.49");

        CodingResult sales = DocumentCoder.code(new DocumentCoder.Request(document, Direction.SALES, settings("200", null),
                mappings(Map.of(), Map.of(), Map.of()), CAFE));

        assertThat(sales.problems()).isEmpty();
        assertThat(sales.lines().get(0).item().accountCode()).isEqualTo("200");
        assertThat(sales.lines().get(0).item().taxType()).as("the account's default, sent explicitly").isEqualTo("OUTPUT");
        assertThat(sales.xeroTotal()).isEqualByComparingTo("39.49");
        assertThat(sales.roundingDifference()).isEqualByComparingTo("0");
    }

    @Test
    void aLineWithoutTaxCodeWhoseAccountDefaultCannotBeUsedInThisDirectionStopsTheDocument() {
        // A bill line coded to the sales account 200, whose default OUTPUT is for income only.
        Line coffee = product("COF-01", "2", "10.00", null, null, Map.of());
        OrderDocument document = withTotals(sample("39.49", Map.of(), coffee), "35.90", "3.59", "39.49");

        CodingResult bill = bill(document, mappings(Map.of("COF-01", new ItemMapping("200", null, Map.of())), Map.of(), Map.of()),
                settings(null, "310"));

        assertThat(bill.sendable()).isFalse();
        assertThat(bill.problems()).extracting(CodingResult.Problem::message).contains("Line 'Product COF-01' has no tax code,"
                + " and the default tax rate OUTPUT of account 200 cannot be used on purchases in Harbour Cafe.");
    }

    @Test
    void aLineWithoutTaxCodeOnAnAccountWithoutDefaultOrWithoutAnyAccountHasNoTax() {
        Line coffee = product("COF-01", "2", "10.00", null, null, Map.of());
        OrderDocument document = withTotals(sample("37.49", Map.of(), coffee), "35.90", "1.59", "37.49");

        CodingResult noDefault = bill(document, mappings(Map.of("COF-01", new ItemMapping("499", null, Map.of())), Map.of(),
                Map.of()), settings(null, "310"));
        assertThat(noDefault.problems()).isEmpty();
        assertThat(noDefault.lines().get(0).item().taxType()).isNull();
        assertThat(noDefault.xeroTotal()).isEqualByComparingTo("37.49");
        assertThat(noDefault.notes()).isEmpty();

        CodingResult noAccount = bill(document, mappings(Map.of(), Map.of(), Map.of()), settings(null, null));
        assertThat(noAccount.sendable()).isTrue();
        assertThat(noAccount.glAccountRequired()).isTrue();
        assertThat(noAccount.lines().get(0).item().taxType()).isNull();
        assertThat(noAccount.xeroTotal()).isEqualByComparingTo("37.49");
        assertThat(noAccount.notes()).first().isEqualTo("Line 'Product COF-01' has no account and no tax code: no tax is"
                + " assumed until it has an account, whose default tax rate Xero then applies.");
    }

    @Test
    void aDraftWithALineWithoutAccountAndTaxCodeIsCheckedOnItsLineAmountsOnly() {
        // The platform counts GST on the coffee; the draft has none until the line has an account.
        Line coffee = product("COF-01", "2", "10.00", null, null, Map.of());
        CodingResult draft = bill(withTotals(sample("39.49", Map.of(), coffee), "35.90", "3.59", "39.49"),
                mappings(Map.of(), Map.of(), Map.of()), settings(null, null));

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.glAccountRequired()).isTrue();
        assertThat(draft.xeroTotal()).isEqualByComparingTo("37.49");
        assertThat(draft.lines()).extracting(CodedLine::source).doesNotContain(AccountSource.ROUNDING);
        assertThat(draft.notes()).contains("Only the subtotal is checked while a line has neither an account nor a tax"
                + " code; the tax and the total are checked when the document is sent again with every line coded.");

        CodingResult wrongLines = bill(withTotals(sample("49.49", Map.of(), coffee), "45.90", "3.59", "49.49"),
                mappings(Map.of(), Map.of(), Map.of()), settings(null, null));
        assertThat(wrongLines.problems()).extracting(CodingResult.Problem::message).containsExactly("The platform's subtotal"
                + " 45.90 differs from the 35.90 Xero would calculate by 10.00, more than rounding.");
    }

    private static OrderDocument inclusiveCoffee(String subtotal, String tax, String total) {
        return new OrderDocument("ord-3", 1, "INV-3", null, null, null, LocalDate.of(2026, 11, 21), null,
                "AUD", AmountsAre.TAX_INCLUSIVE,
                new Party("ws-fresh", "Fresh Produce Co", null, null, null, null, null),
                new Party("ws-cafe", "Harbour Cafe", null, null, null, null, null),
                List.of(product("COF-01", "3", "3.33", null, "GST", Map.of())), Map.of(),
                new Totals(new BigDecimal(subtotal), new BigDecimal(tax), new BigDecimal(total)), null, null);
    }

    @Test
    void aTaxThatDiffersBeyondRoundingStopsTheDocumentEvenWhenTheTotalsAgree() {
        // Inclusive lines: the total is the same whatever the tax, so only the tax shows the wrong mapping.
        Map<TaxKey, String> wrong = new HashMap<>(TAX);
        wrong.put(new TaxKey("GST", Direction.PURCHASES), "EXEMPTEXPENSES");
        CodingResult result = DocumentCoder.code(new DocumentCoder.Request(inclusiveCoffee("9.08", "0.91", "9.99"),
                Direction.PURCHASES, settings(null, "310"), new Mappings(Map.of(), Map.of(), wrong, Map.of()), CAFE));

        assertThat(result.sendable()).as("sendable; Xero's total %s, problems %s", result.xeroTotal(), result.problems())
                .isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("The platform's tax 0.91 differs from the 0.00 Xero would calculate by"
                    + " 0.91, more than rounding. The subtotal differs too: 9.08 on the platform, 9.99 in Xero.");
            assertThat(problem.fixHint()).contains("tax mapping for purchases").contains("tax rates");
        });
    }

    @Test
    void aSubtotalThatDiffersBeyondRoundingStopsTheDocumentEvenWhenTheTotalsAgree() {
        CodingResult result = bill(withTotals(sample("62.49", Map.of(), apples(Map.of())), "61.90", "0.59", "62.49"),
                mappings(Map.of(), Map.of(), Map.of()), settings(null, "310"));

        assertThat(result.sendable()).as("sendable; Xero's total %s, problems %s", result.xeroTotal(), result.problems())
                .isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("The platform's subtotal 61.90 differs from the 60.90 Xero would calculate"
                    + " by 1.00, more than rounding. The tax differs too: 0.59 on the platform, 1.59 in Xero.");
            assertThat(problem.fixHint()).contains("quantities, unit prices and discounts");
        });
    }

    @Test
    void aTaxThatDiffersByRoundingIsReconciledWithAnExplicitLineAndTheResultSaysWhichFigures() {
        // The platform rounds its tax once on the document (1.60); Xero rounds each line's (1.59).
        CodingResult result = bill(withTotals(sample("62.50", Map.of(), apples(Map.of())), "60.90", "1.60", "62.50"),
                mappings(Map.of(), Map.of(), Map.of()), settings(null, "310"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.xeroSubtotal()).isEqualByComparingTo("60.90");
        assertThat(result.xeroTax()).isEqualByComparingTo("1.59");
        assertThat(result.xeroTotal()).isEqualByComparingTo("62.49");
        assertThat(result.roundingDifference()).isEqualByComparingTo("0.01");
        assertThat(result.reconciled()).extracting(CodingResult.Difference::figure)
                .containsExactly(CodingResult.Figure.TAX, CodingResult.Figure.TOTAL);
        CodedLine rounding = result.lines().get(result.lines().size() - 1);
        assertThat(rounding.source()).isEqualTo(AccountSource.ROUNDING);
        assertThat(rounding.item().unitAmount()).isEqualByComparingTo("0.01");
        assertThat(rounding.item().taxType()).isEqualTo("BASEXCLUDED");
        assertThat(result.notes()).containsExactly("Reconciled as rounding: the platform's tax 1.60 against Xero's 1.59,"
                + " total 62.50 against Xero's 62.49; a rounding line of 0.01 on account 860 makes Xero's total 62.50;"
                + " Xero keeps its own tax, each line's rounded to cents.");
    }

    @Test
    void aSubtotalAndTaxSplitThatDiffersByRoundingNeedsNoRoundingLineButIsSaid() {
        CodingResult result = bill(withTotals(sample("62.49", Map.of(), apples(Map.of())), "60.91", "1.58", "62.49"),
                mappings(Map.of(), Map.of(), Map.of()), settings(null, "310"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.lines()).extracting(CodedLine::source).doesNotContain(AccountSource.ROUNDING);
        assertThat(result.reconciled()).extracting(CodingResult.Difference::figure)
                .containsExactly(CodingResult.Figure.SUBTOTAL, CodingResult.Figure.TAX);
        assertThat(result.notes()).singleElement().asString().startsWith("Reconciled as rounding, no rounding line needed")
                .contains("subtotal 60.91 against Xero's 60.90").contains("tax 1.58 against Xero's 1.59");
    }

    @Test
    void matchingFiguresReconcileNothing() {
        CodingResult result = bill(withTotals(sample("62.49", Map.of(), apples(Map.of())), "60.90", "1.59", "62.49"),
                mappings(Map.of(), Map.of(), Map.of()), settings(null, "310"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.reconciled()).isEmpty();
        assertThat(result.notes()).isEmpty();
        assertThat(result.lines()).hasSize(3);
    }

    @Test
    void aPlatformTotalThatItsOwnSubtotalAndTaxDoNotAddUpToSaysSo() {
        CodingResult result = bill(withTotals(sample("70.00", Map.of(), apples(Map.of())), "60.90", "1.59", "70.00"),
                mappings(Map.of(), Map.of(), Map.of()), settings(null, "310"));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("The platform's total 70.00 differs from the 62.49 Xero would calculate"
                    + " by 7.51, more than rounding.");
            assertThat(problem.fixHint()).isEqualTo("The platform's subtotal 60.90 and tax 1.59 add up to 62.49, not its"
                    + " total 70.00: correct the order's totals on the platform.");
        });
    }

    @Test
    void taxInclusiveLinesThatDifferNameTheSubtotalAndTheLinesAsTheCause() {
        // The platform's figures for six coffees; the lines carry three (3 x 3.33 = 9.99 with GST).
        CodingResult result = bill(inclusiveCoffee("18.16", "1.82", "19.98"), mappings(Map.of(), Map.of(), Map.of()),
                settings(null, "310"));

        assertThat(result.xeroSubtotal()).isEqualByComparingTo("9.08");
        assertThat(result.xeroTax()).isEqualByComparingTo("0.91");
        assertThat(result.xeroTotal()).isEqualByComparingTo("9.99");
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("The platform's subtotal 18.16 differs from the 9.08 Xero would calculate"
                    + " by 9.08, more than rounding. The tax differs too: 1.82 on the platform, 0.91 in Xero."
                    + " The total differs too: 19.98 on the platform, 9.99 in Xero.");
            assertThat(problem.fixHint()).isEqualTo("Check the quantities, unit prices and discounts of the order's lines:"
                    + " Xero multiplies each line out and rounds it to cents, which comes to 9.99 with tax.");
        });
    }

    /** The account a bill from this supplier gets, with these supplier mappings and 310 as the workspace default. */
    private static String supplierAccount(Party supplier, Map<String, String> suppliers) {
        OrderDocument sample = sample("62.49", Map.of(), apples(Map.of()));
        OrderDocument document = new OrderDocument(sample.orderId(), 1, sample.invoiceNumber(), null, sample.orderNumber(),
                null, sample.issueDate(), sample.dueDate(), sample.currency(), sample.amountsAre(), supplier, sample.buyer(),
                sample.lines(), sample.properties(), sample.totals(), null, null);
        return bill(document, mappings(Map.of(), suppliers, Map.of()), settings(null, "310")).lines().get(0).item().accountCode();
    }

    private static Party supplier(String workspaceId, String name, String taxNumber) {
        return new Party(workspaceId, name, taxNumber, null, null, null, null);
    }

    @Test
    void supplierMappingsMatchTheWorkspaceIdExactlyTheTaxNumberByDigitsAndTheNameNormalisedOnBothSides() {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(supplierAccount(supplier("ws-x", "Anyone", null), Map.of("ws-x", "404"))).as("workspace id").isEqualTo("404");
        soft.assertThat(supplierAccount(supplier("ws-x", "Anyone", null), Map.of("WS-X", "404"))).as("workspace id, exactly").isEqualTo("310");
        soft.assertThat(supplierAccount(supplier(null, "Anyone", "51824753556"), Map.of("51 824 753 556", "404")))
                .as("an ABN typed with spaces").isEqualTo("404");
        // Names: what a person typed, compared with the supplier's name through one normalisation.
        soft.assertThat(supplierAccount(supplier(null, "Harbour Cafe", null), Map.of("HARBOUR CAFÉ Pty Ltd", "404")))
                .as("'HARBOUR CAFÉ Pty Ltd' = 'Harbour Cafe'").isEqualTo("404");
        soft.assertThat(supplierAccount(supplier(null, "Fresh Produce Co.", null), Map.of("fresh produce co", "404")))
                .as("'fresh produce co' = 'Fresh Produce Co.'").isEqualTo("404");
        soft.assertThat(supplierAccount(supplier(null, "Café 東京", null), Map.of("Café 東京", "404")))
                .as("'Café 東京' = 'Café 東京'").isEqualTo("404");
        soft.assertThat(supplierAccount(supplier(null, "Café 大阪", null), Map.of("Café 東京", "404")))
                .as("names in other scripts do not collide").isEqualTo("310");
        soft.assertThat(supplierAccount(supplier(null, "東京カフェ", null), Map.of("東京カフェ", "404")))
                .as("'東京カフェ' = '東京カフェ'").isEqualTo("404");
        soft.assertThat(supplierAccount(supplier(null, "Pty Ltd", null), Map.of("The Co.", "404")))
                .as("nothing left of either name: no match").isEqualTo("310");
        soft.assertAll();
    }

    @Test
    void supplierKeysThatMatchTheSameSupplierButNameDifferentAccountsStopTheBill() {
        CodingResult result = bill(sample("62.49", Map.of(), apples(Map.of())),
                mappings(Map.of(), Map.of("Fresh Produce Co", "404", "FRESH PRODUCE", "425", "Other Supplier", "429"), Map.of()),
                settings(null, "310"));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("The supplier mappings 'FRESH PRODUCE' (account 425), 'Fresh Produce Co'"
                    + " (account 404) all match the supplier Fresh Produce Co by name but name different accounts.");
            assertThat(problem.fixHint()).contains("DELETE /api/v1/workspaces/{ws}/mappings/suppliers/{key}");
        });
        assertThat(bill(sample("62.49", Map.of(), apples(Map.of())),
                mappings(Map.of(), Map.of("Fresh Produce Co", "404", "FRESH PRODUCE", "404"), Map.of()), settings(null, "310"))
                .lines().get(0).item().accountCode()).as("the same account twice is no conflict").isEqualTo("404");
    }

    private static OrderDocument inCurrency(String currency) {
        OrderDocument sample = sample("62.49", Map.of(), apples(Map.of()));
        return new OrderDocument(sample.orderId(), 1, sample.invoiceNumber(), null, sample.orderNumber(), null,
                sample.issueDate(), sample.dueDate(), currency, sample.amountsAre(), sample.supplier(), sample.buyer(),
                sample.lines(), sample.properties(), sample.totals(), null, null);
    }

    @Test
    void aDocumentInACurrencyTheOrganisationDoesNotUseStopsWithTheCurrenciesItHas() {
        Mappings none = mappings(Map.of(), Map.of(), Map.of());
        CodingResult nzd = bill(inCurrency("NZD"), none, settings(null, "310"));
        assertThat(nzd.sendable()).as("sendable; problems %s", nzd.problems()).isFalse();
        assertThat(nzd.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("Harbour Cafe does not use NZD.");
            assertThat(problem.fixHint()).isEqualTo("Add the currency in Xero (Settings → Currencies), or send the order in AUD.");
        });
        assertThat(bill(inCurrency("AUD"), none, settings(null, "310")).problems()).isEmpty();
        assertThat(bill(inCurrency(null), none, settings(null, "310")).problems())
                .as("no currency: the organisation's base currency, as Xero does").isEmpty();

        Organisation twoCurrencies = new Organisation(CAFE.name(), CAFE.accounts(), CAFE.taxRates(),
                CAFE.trackingCategories(), CAFE.itemCodes(), new java.util.LinkedHashSet<>(List.of("AUD", "NZD")));
        assertThat(DocumentCoder.code(new DocumentCoder.Request(inCurrency("NZD"), Direction.PURCHASES, settings(null, "310"),
                none, twoCurrencies)).problems()).isEmpty();
        assertThat(DocumentCoder.code(new DocumentCoder.Request(inCurrency("USD"), Direction.PURCHASES, settings(null, "310"),
                none, twoCurrencies)).problems()).extracting(CodingResult.Problem::fixHint)
                .containsExactly("Add the currency in Xero (Settings → Currencies), or send the order in AUD or NZD.");
    }
}
