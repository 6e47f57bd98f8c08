package io.ledgerbridge.coding;

import io.ledgerbridge.coding.CodingResult.AccountSource;
import io.ledgerbridge.coding.CodingResult.CodedLine;
import io.ledgerbridge.coding.CodingResult.Difference;
import io.ledgerbridge.coding.CodingResult.Figure;
import io.ledgerbridge.coding.CodingResult.Problem;
import io.ledgerbridge.coding.Mappings.Direction;
import io.ledgerbridge.coding.Mappings.ItemMapping;
import io.ledgerbridge.coding.Mappings.TaxKey;
import io.ledgerbridge.coding.Organisation.TrackingCategory;
import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.support.Names;
import io.ledgerbridge.order.OrderDocument.Line;
import io.ledgerbridge.order.OrderDocument.LineKind;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.xero.XeroLineItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Codes a platform document for one Xero organisation (F9–F13, F15, F50):
 * <ul>
 *   <li>currency: one the organisation has (no currency: its base currency, as Xero does);</li>
 *   <li>account: item mapping, then (bills) the supplier's default, then the workspace default; freight and
 *       surcharge lines to their accounts; a line with none leaves the document "GL account required";</li>
 *   <li>tax: the platform's tax code through the workspace's mapping for sales or purchases; a line without a
 *       tax code gets its account's default tax rate, as Xero would apply it, sent explicitly;</li>
 *   <li>tracking: {@code xero_<Category>} properties of the line, then the product, then the order, checked
 *       against the organisation's active categories (two at most);</li>
 *   <li>amounts: Xero's arithmetic (line amounts and tax per line rounded to cents) gives its subtotal, tax
 *       and total, each compared with the platform's; a difference of up to 10 cents is rounding (the total's
 *       becomes an explicit rounding line), a larger one stops the document and says which figure differs.</li>
 * </ul>
 * Pure: everything it needs comes in the request.
 */
public final class DocumentCoder {

    /** The largest difference to the platform's subtotal, tax or total that is reconciled as rounding. */
    static final BigDecimal ROUNDING_TOLERANCE = new BigDecimal("0.10");
    private static final String TRACKING_PREFIX = "xero_";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** A supplier key that is a tax number: digits with spaces, dots, dashes or slashes, perhaps a country prefix. */
    private static final Pattern TAX_NUMBER = Pattern.compile("[A-Za-z]{0,3}[0-9 .\\-/]*[0-9][0-9 .\\-/]*");

    private DocumentCoder() {
    }

    /**
     * Everything the coding depends on. {@code direction} SALES codes the supplier's invoice (or credit note),
     * PURCHASES the venue's bill (or credit note). {@code discountRates}: whether the Xero document takes a
     * line's DiscountRate; Xero only takes it on sales invoices (FACTS §5), anything else gets a discounted
     * line as its discounted line amount.
     */
    public record Request(OrderDocument document, Direction direction, WorkspaceSettings settings, Mappings mappings,
                          Organisation organisation, boolean discountRates) {

        /** An invoice or bill: discount rates on the sales invoice only. */
        public Request(OrderDocument document, Direction direction, WorkspaceSettings settings, Mappings mappings,
                       Organisation organisation) {
            this(document, direction, settings, mappings, organisation, direction == Direction.SALES);
        }
    }

    public static CodingResult code(Request request) {
        OrderDocument document = request.document();
        List<CodedLine> lines = new ArrayList<>();
        List<String> withoutAccount = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean fourDecimals = false;
        boolean exclusive = document.amountsAre() != OrderDocument.AmountsAre.TAX_INCLUSIVE;
        BigDecimal lineTotal = BigDecimal.ZERO;
        BigDecimal taxTotal = BigDecimal.ZERO;
        boolean taxUnknown = false;

        checkCurrency(request, problems);
        String supplierDefault = request.direction() == Direction.PURCHASES ? supplierDefault(request, problems) : null;
        for (Line line : document.lines()) {
            String itemKey = itemKey(line);
            ItemMapping item = itemKey == null ? null : request.mappings().items().get(itemKey);
            Account account = account(request, line, item, supplierDefault);
            if (account.code() == null) {
                withoutAccount.add(describe(line));
            } else {
                checkAccount(request, line, account, problems);
            }
            String taxType = taxType(request, line, account, problems, notes);
            taxUnknown |= account.code() == null && (line.taxCode() == null || line.taxCode().isBlank());
            List<XeroLineItem.Tracking> tracking = tracking(request, line, item, problems);
            fourDecimals |= line.unitPrice().stripTrailingZeros().scale() > 2;

            BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
            BigDecimal lineAmount = line.quantity().multiply(line.unitPrice())
                    .multiply(HUNDRED.subtract(discount)).divide(HUNDRED)
                    .setScale(2, RoundingMode.HALF_UP);
            boolean rate = request.discountRates();
            boolean discounted = discount.signum() != 0;
            XeroLineItem coded = new XeroLineItem(
                    line.description(),
                    line.quantity(),
                    rate || !discounted ? line.unitPrice() : null,
                    item == null ? null : itemCode(request.organisation(), item, line),
                    account.code(),
                    taxType,
                    rate && discounted ? discount : null,
                    tracking.isEmpty() ? null : tracking,
                    rate || !discounted ? null : lineAmount,
                    null);
            lines.add(new CodedLine(line.lineId(), itemKey, account.source(), coded));
            lineTotal = lineTotal.add(lineAmount);
            taxTotal = taxTotal.add(tax(lineAmount, rateOf(request.organisation(), taxType), exclusive));
        }

        // Xero's figures (FACTS §12): inclusive lines carry the tax, so the subtotal is what is left without it.
        BigDecimal xeroSubtotal = exclusive ? lineTotal : lineTotal.subtract(taxTotal);
        BigDecimal xeroTotal = exclusive ? lineTotal.add(taxTotal) : lineTotal;
        OrderDocument.Totals platform = document.totals();
        List<Difference> differences = new ArrayList<>();
        if (taxUnknown) {
            // A line without account and tax code has no tax until it is coded: only the line amounts can be
            // checked now (the subtotal of exclusive lines, the total of inclusive ones); the draft goes as it is.
            notes.add("Only the " + (exclusive ? "subtotal" : "total") + " is checked while a line has neither an account"
                    + " nor a tax code; the tax and the " + (exclusive ? "total" : "subtotal") + " are checked when the"
                    + " document is sent again with every line coded.");
            compare(differences, exclusive ? Figure.SUBTOTAL : Figure.TOTAL, platform == null ? null
                    : exclusive ? platform.subtotal() : platform.total(), exclusive ? xeroSubtotal : xeroTotal);
        } else {
            compare(differences, Figure.SUBTOTAL, platform == null ? null : platform.subtotal(), xeroSubtotal);
            compare(differences, Figure.TAX, platform == null ? null : platform.tax(), taxTotal);
            compare(differences, Figure.TOTAL, platform == null ? null : platform.total(), xeroTotal);
        }
        BigDecimal difference = platform == null || platform.total() == null ? BigDecimal.ZERO
                : platform.total().subtract(xeroTotal);
        List<Difference> reconciled = List.of();
        if (problems.isEmpty()) {
            List<Difference> beyond = differences.stream().filter(d -> d.amount().abs().compareTo(ROUNDING_TOLERANCE) > 0)
                    .toList();
            if (!beyond.isEmpty()) {
                problems.add(beyondRounding(request, exclusive, beyond, differences));
            } else {
                reconciled = differences.stream().filter(d -> d.amount().signum() != 0).toList();
                if (!taxUnknown) {
                    reconcileRounding(request, reconciled, difference, lines, problems, notes);
                }
            }
        }
        return new CodingResult(List.copyOf(lines), exclusive ? "Exclusive" : "Inclusive", fourDecimals,
                List.copyOf(withoutAccount), List.copyOf(problems), xeroTotal, difference, xeroSubtotal, taxTotal,
                reconciled, List.copyOf(notes));
    }

    private record Account(String code, AccountSource source) {
    }

    private static String itemKey(Line line) {
        if (line.sku() != null && !line.sku().isBlank()) {
            return line.sku();
        }
        return line.productId();
    }

    private static Account account(Request request, Line line, ItemMapping item, String supplierDefault) {
        WorkspaceSettings settings = request.settings();
        LineKind kind = line.kind() == null ? LineKind.PRODUCT : line.kind();
        if (kind == LineKind.FREIGHT && settings.freightAccount() != null) {
            return new Account(settings.freightAccount(), AccountSource.FREIGHT);
        }
        if (kind == LineKind.SURCHARGE && settings.surchargeAccount() != null) {
            return new Account(settings.surchargeAccount(), AccountSource.SURCHARGE);
        }
        if (item != null && item.accountCode() != null) {
            return new Account(item.accountCode(), AccountSource.ITEM_MAPPING);
        }
        if (request.direction() == Direction.PURCHASES) {
            if (supplierDefault != null) {
                return new Account(supplierDefault, AccountSource.SUPPLIER_DEFAULT);
            }
            return new Account(settings.defaultExpenseAccount(),
                    settings.defaultExpenseAccount() == null ? AccountSource.NONE : AccountSource.WORKSPACE_DEFAULT);
        }
        return new Account(settings.salesAccount(),
                settings.salesAccount() == null ? AccountSource.NONE : AccountSource.WORKSPACE_DEFAULT);
    }

    /**
     * The supplier's default account. Supplier mappings are keyed by what a person typed: the supplier's
     * workspace id (matched exactly), its tax number (matched by its digits, however it was spaced) or its name
     * (matched through {@link Names#normalise} of both the key and the supplier's name, so keys stored before
     * this normalisation keep matching). A name with nothing left after normalising matches nothing. Keys of
     * one kind that match the supplier but name different accounts stop the document rather than one winning.
     */
    private static String supplierDefault(Request request, List<Problem> problems) {
        OrderDocument.Party supplier = request.document().supplier();
        Map<String, String> suppliers = request.mappings().suppliers();
        if (supplier == null || suppliers.isEmpty()) {
            return null;
        }
        if (supplier.workspaceId() != null && suppliers.containsKey(supplier.workspaceId())) {
            return suppliers.get(supplier.workspaceId());
        }
        String taxDigits = digits(supplier.taxNumber());
        if (taxDigits != null) {
            Optional<String> byTax = onlyAccount(request, suppliers, "tax number", key -> TAX_NUMBER.matcher(key).matches()
                    && taxDigits.equals(digits(key)), problems);
            if (byTax != null) {
                return byTax.orElse(null);
            }
        }
        String name = Names.normalise(supplier.name());
        if (name != null) {
            Optional<String> byName = onlyAccount(request, suppliers, "name",
                    key -> name.equals(Names.normalise(key)), problems);
            if (byName != null) {
                return byName.orElse(null);
            }
        }
        return null;
    }

    /** @return null when no key matches; the one account the matching keys name; empty (and a problem) if several */
    private static Optional<String> onlyAccount(Request request, Map<String, String> suppliers, String rule,
                                                Predicate<String> matches, List<Problem> problems) {
        Map<String, String> matching = new TreeMap<>();
        suppliers.forEach((key, account) -> {
            if (matches.test(key)) {
                matching.put(key, account);
            }
        });
        if (matching.isEmpty()) {
            return null;
        }
        if (new HashSet<>(matching.values()).size() == 1) {
            return Optional.of(matching.values().iterator().next());
        }
        problems.add(new Problem("The supplier mappings " + String.join(", ", matching.keySet().stream()
                .map(key -> "'" + key + "' (account " + matching.get(key) + ")").toList()) + " all match the supplier "
                + request.document().supplier().name() + " by " + rule + " but name different accounts.",
                FixHints.KEEP_ONE_SUPPLIER_MAPPING));
        return Optional.empty();
    }

    private static String digits(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }

    /**
     * The document's currency must be one of the organisation's (Xero's GET /Currencies); a document naming none
     * is in the organisation's base currency, as Xero does, which is always one of them. When the currencies are
     * not known, Xero is left to refuse.
     */
    private static void checkCurrency(Request request, List<Problem> problems) {
        String currency = request.document().currency();
        Set<String> currencies = request.organisation().currencies();
        if (currency == null || currency.isBlank() || currencies == null || currencies.isEmpty()
                || currencies.contains(currency.trim().toUpperCase(java.util.Locale.ROOT))) {
            return;
        }
        problems.add(new Problem(request.organisation().name() + " does not use " + currency.trim() + ".",
                FixHints.addCurrency(List.copyOf(currencies))));
    }

    private static void checkAccount(Request request, Line line, Account account, List<Problem> problems) {
        String org = request.organisation().name();
        Optional<Organisation.Account> known = request.organisation().account(account.code());
        if (known.isEmpty()) {
            problems.add(new Problem("Account code " + account.code() + " is not in " + org + "'s chart of accounts.",
                    fixFor(request, line, account)));
        } else if (!known.get().active()) {
            problems.add(new Problem("Account code " + account.code() + " (" + known.get().name() + ") is archived in "
                    + org + ".", fixFor(request, line, account)));
        }
    }

    /** The fix for a bad account names the mapping the account came from. */
    private static String fixFor(Request request, Line line, Account account) {
        return account.source().fix(itemKey(line), sales(request), request.organisation().name());
    }

    private static String taxType(Request request, Line line, Account account, List<Problem> problems, List<String> notes) {
        if (line.taxCode() == null || line.taxCode().isBlank()) {
            return accountDefaultTaxType(request, line, account, problems, notes);
        }
        String direction = direction(request);
        String taxType = request.mappings().taxRates().get(new TaxKey(line.taxCode(), request.direction()));
        if (taxType == null) {
            problems.add(new Problem("Tax code " + line.taxCode() + " has no Xero tax rate for " + direction + " in "
                    + request.organisation().name() + ".",
                    FixHints.mapTaxCode(line.taxCode(), sales(request))));
            return null;
        }
        if (!usable(request, taxType)) {
            problems.add(new Problem("Tax rate " + taxType + " (mapped from " + line.taxCode() + ") cannot be used on "
                    + direction + " in " + request.organisation().name() + ".",
                    FixHints.mapTaxCodeToUsableRate(line.taxCode(), sales(request))));
        }
        return taxType;
    }

    /**
     * Without a tax code Xero applies the account's default tax rate (FACTS §5): the coder does the same, and
     * sends that tax type explicitly so that nothing about the line's tax is left to Xero. An account without a
     * default has no tax; a line without an account has none yet either (it goes as a draft), which is noted.
     */
    private static String accountDefaultTaxType(Request request, Line line, Account account, List<Problem> problems,
                                                List<String> notes) {
        if (account.code() == null) {
            notes.add("Line '" + line.description() + "' has no account and no tax code: no tax is assumed until it has an"
                    + " account, whose default tax rate Xero then applies.");
            return null;
        }
        Optional<Organisation.Account> known = request.organisation().account(account.code());
        if (known.isEmpty() || known.get().taxType() == null || known.get().taxType().isBlank()) {
            return null;
        }
        String taxType = known.get().taxType();
        if (!usable(request, taxType)) {
            problems.add(new Problem("Line '" + line.description() + "' has no tax code, and the default tax rate " + taxType
                    + " of account " + account.code() + " cannot be used on " + direction(request) + " in "
                    + request.organisation().name() + ".",
                    FixHints.taxCodeOrAccount(sales(request), fixFor(request, line, account))));
        }
        return taxType;
    }

    /** Whether the organisation has this tax type, active, for the request's direction. */
    private static boolean usable(Request request, String taxType) {
        Organisation.TaxRate rate = request.organisation().taxRates().get(taxType);
        return rate != null && "ACTIVE".equals(rate.status())
                && (request.direction() == Direction.SALES ? rate.revenue() : rate.expenses());
    }

    private static String direction(Request request) {
        return sales(request) ? "sales" : "purchases";
    }

    private static boolean sales(Request request) {
        return request.direction() == Direction.SALES;
    }

    private static BigDecimal rateOf(Organisation organisation, String taxType) {
        Organisation.TaxRate rate = taxType == null ? null : organisation.taxRates().get(taxType);
        return rate == null ? BigDecimal.ZERO : rate.effectiveRate();
    }

    /** Xero's tax of one line, rounded to cents per line. */
    static BigDecimal tax(BigDecimal lineAmount, BigDecimal ratePercent, boolean exclusive) {
        if (ratePercent.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal tax = exclusive
                ? lineAmount.multiply(ratePercent).divide(HUNDRED, 10, RoundingMode.HALF_UP)
                : lineAmount.multiply(ratePercent).divide(HUNDRED.add(ratePercent), 10, RoundingMode.HALF_UP);
        return tax.setScale(2, RoundingMode.HALF_UP);
    }

    private static List<XeroLineItem.Tracking> tracking(Request request, Line line, ItemMapping item,
                                                        List<Problem> problems) {
        Map<String, String> wanted = new LinkedHashMap<>();
        // Order, then product, then line: the nearer one wins.
        putTracking(wanted, request.document().properties());
        putTracking(wanted, item == null ? null : item.properties());
        putTracking(wanted, line.properties());
        if (wanted.size() > 2) {
            problems.add(new Problem("Line '" + line.description() + "' asks for " + wanted.size()
                    + " tracking categories (" + String.join(", ", wanted.keySet()) + "); Xero allows two per line.",
                    FixHints.REMOVE_EXTRA_TRACKING));
            return List.of();
        }
        List<XeroLineItem.Tracking> tracking = new ArrayList<>();
        wanted.forEach((platformCategory, platformOption) -> {
            Map<String, String> aliases = request.mappings().tracking();
            String categoryName = aliases.getOrDefault(platformCategory, platformCategory);
            String optionName = aliases.getOrDefault(platformCategory + ":" + platformOption, platformOption);
            Optional<TrackingCategory> category = request.organisation().trackingCategories().stream()
                    .filter(candidate -> "ACTIVE".equals(candidate.status()))
                    .filter(candidate -> candidate.name().equalsIgnoreCase(categoryName))
                    .findFirst();
            if (category.isEmpty()) {
                problems.add(new Problem("Tracking category '" + categoryName + "' does not exist in "
                        + request.organisation().name() + ".",
                        FixHints.createOrMapTrackingCategory(platformCategory)));
                return;
            }
            Optional<String> option = category.get().activeOptions().stream()
                    .filter(candidate -> candidate.equalsIgnoreCase(optionName))
                    .findFirst();
            if (option.isEmpty()) {
                problems.add(new Problem("Tracking option '" + optionName + "' does not exist in category '"
                        + category.get().name() + "' of " + request.organisation().name() + ".",
                        FixHints.addOrMapTrackingOption(platformCategory, platformOption)));
                return;
            }
            tracking.add(new XeroLineItem.Tracking(category.get().name(), option.get()));
        });
        return tracking;
    }

    private static void putTracking(Map<String, String> wanted, Map<String, String> properties) {
        if (properties == null) {
            return;
        }
        properties.forEach((key, value) -> {
            if (key.startsWith(TRACKING_PREFIX) && value != null && !value.isBlank()) {
                wanted.put(key.substring(TRACKING_PREFIX.length()), value);
            }
        });
    }

    private static String itemCode(Organisation organisation, ItemMapping item, Line line) {
        String code = item.itemCode() != null ? item.itemCode() : line.sku();
        return code != null && organisation.itemCodes().containsKey(code) ? code : null;
    }

    /** Records a figure the platform sent (a missing one is not compared). */
    private static void compare(List<Difference> differences, Figure figure, BigDecimal platform, BigDecimal xero) {
        if (platform != null) {
            differences.add(new Difference(figure, platform, xero));
        }
    }

    /**
     * A difference beyond rounding stops the document. The reason names the figure that points at the cause:
     * the line amounts (the subtotal of tax-exclusive lines, the total of tax-inclusive ones) come from
     * quantities, prices and discounts; the tax from the tax codes, their mapping and the organisation's
     * rates; a total that neither explains means the platform's own figures do not add up.
     */
    private static Problem beyondRounding(Request request, boolean exclusive, List<Difference> beyond,
                                          List<Difference> all) {
        Difference subtotal = find(beyond, Figure.SUBTOTAL);
        Difference tax = find(beyond, Figure.TAX);
        Difference total = find(beyond, Figure.TOTAL);
        Difference linesFigure = exclusive ? subtotal : total;
        Difference primary;
        String fix;
        if (linesFigure != null) {
            primary = subtotal != null ? subtotal : total;
            fix = FixHints.checkLineAmounts(money(linesFigure.xero()), exclusive);
        } else if (tax != null) {
            primary = tax;
            fix = FixHints.checkTax(sales(request), request.organisation().name(), money(tax.xero()));
        } else {
            primary = total != null ? total : subtotal;
            fix = ownFiguresFix(all, primary.figure())
                    .orElse(FixHints.checkLinesAndTaxMapping(sales(request)));
        }
        StringBuilder message = new StringBuilder("The platform's " + primary.figure().label() + " "
                + money(primary.platform()) + " differs from the " + money(primary.xero()) + " Xero would calculate by "
                + money(primary.amount().abs()) + ", more than rounding.");
        for (Difference other : beyond) {
            if (other != primary) {
                message.append(" The ").append(other.figure().label()).append(" differs too: ")
                        .append(money(other.platform())).append(" on the platform, ").append(money(other.xero()))
                        .append(" in Xero.");
            }
        }
        return new Problem(message.toString(), fix);
    }

    /** When the lines and the tax agree with Xero, the platform's own subtotal, tax and total do not add up. */
    private static Optional<String> ownFiguresFix(List<Difference> all, Figure wrong) {
        Difference subtotal = find(all, Figure.SUBTOTAL);
        Difference tax = find(all, Figure.TAX);
        Difference total = find(all, Figure.TOTAL);
        if (subtotal == null || tax == null || total == null) {
            return Optional.empty();
        }
        if (wrong == Figure.TOTAL) {
            return Optional.of(FixHints.correctTheTotal(money(subtotal.platform()), money(tax.platform()),
                    money(subtotal.platform().add(tax.platform())), money(total.platform())));
        }
        return Optional.of(FixHints.correctTheSubtotal(money(total.platform()), money(tax.platform()),
                money(total.platform().subtract(tax.platform())), money(subtotal.platform())));
    }

    private static Difference find(List<Difference> differences, Figure figure) {
        return differences.stream().filter(d -> d.figure() == figure).findFirst().orElse(null);
    }

    /**
     * Differences of up to 10 cents: the total's becomes an explicit rounding line on the ROUNDING account, so
     * that Xero's total is the platform's; Xero keeps its own tax (each line's rounded to cents), so a tax that
     * differs by rounding shows in Xero's subtotal instead. The notes say which figures were reconciled.
     */
    private static void reconcileRounding(Request request, List<Difference> reconciled, BigDecimal difference,
                                          List<CodedLine> lines, List<Problem> problems, List<String> notes) {
        if (reconciled.isEmpty()) {
            return;
        }
        String org = request.organisation().name();
        Difference total = find(reconciled, Figure.TOTAL);
        String figures = String.join(", ", reconciled.stream().map(d -> d.figure().label() + " "
                + money(d.platform()) + " against Xero's " + money(d.xero())).toList());
        if (total == null) {
            notes.add("Reconciled as rounding, no rounding line needed (the totals agree): the platform's " + figures
                    + "; Xero keeps its own tax, each line's rounded to cents.");
            return;
        }
        Optional<Organisation.Account> rounding = request.organisation().roundingAccount();
        if (rounding.isEmpty()) {
            problems.add(new Problem("The platform's total differs from Xero's by " + difference + " and " + org
                    + " has no rounding account to record it on.", FixHints.ADD_ROUNDING_ACCOUNT));
            return;
        }
        lines.add(new CodedLine(null, null, AccountSource.ROUNDING, new XeroLineItem(
                "Rounding: the platform's total is " + money(total.platform()) + ", Xero's line-by-line arithmetic gives "
                        + money(total.xero()),
                BigDecimal.ONE, difference, null, rounding.get().code(), rounding.get().taxType(), null, null, null, null)));
        notes.add("Reconciled as rounding: the platform's " + figures + "; a rounding line of " + money(difference)
                + " on account " + rounding.get().code() + " makes Xero's total " + money(total.platform())
                + (find(reconciled, Figure.TAX) != null ? "; Xero keeps its own tax, each line's rounded to cents." : "."));
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String describe(Line line) {
        return (line.sku() != null ? line.sku() + " " : "") + line.description();
    }
}
