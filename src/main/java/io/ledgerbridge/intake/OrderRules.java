package io.ledgerbridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of the order event contract that JSON Schema cannot say, checked on an event's {@code data} once it
 * keeps the schema (so every field has its type): each line has its own lineId, the due date is not before the
 * issue date, the currency is an ISO 4217 code, and the platform's own arithmetic holds: subtotal + tax = total
 * exactly, and the lines add up to the subtotal (TAX_EXCLUSIVE) or the total (TAX_INCLUSIVE) within
 * {@link #ROUNDING_TOLERANCE}. Whether the organisation has that currency, and the last cents of rounding
 * (delivery's explicit rounding line), are delivery's to settle, with the organisation at hand.
 */
final class OrderRules {

    /** What the lines may differ from their total by: Xero rounds tax per line, and delivery adds a rounding line. */
    public static final BigDecimal ROUNDING_TOLERANCE = new BigDecimal("0.10");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final Set<String> ISO_4217 = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private OrderRules() {
    }

    /** One sentence per rule the snapshot breaks, in document order; empty when it keeps them all. */
    public static List<String> problems(JsonNode data) {
        List<String> problems = new ArrayList<>();
        lineIds(data.path("lines"), problems);
        dates(data, problems);
        String currency = data.path("currency").asText();
        if (!ISO_4217.contains(currency)) {
            problems.add("$.data.currency: '" + currency + "' is not an ISO 4217 currency code");
        }
        totals(data, problems);
        return problems;
    }

    private static void totals(JsonNode data, List<String> problems) {
        JsonNode totals = data.path("totals");
        BigDecimal subtotal = totals.path("subtotal").decimalValue();
        BigDecimal tax = totals.path("tax").decimalValue();
        BigDecimal total = totals.path("total").decimalValue();
        BigDecimal sum = subtotal.add(tax);
        if (sum.compareTo(total) != 0) {
            problems.add("$.data.totals: the subtotal " + money(subtotal) + " and the tax " + money(tax) + " make "
                    + money(sum) + ", not the total " + money(total) + " (" + money(sum.subtract(total).abs()) + " apart)");
        }
        boolean inclusive = "TAX_INCLUSIVE".equals(data.path("amountsAre").asText());
        BigDecimal lines = lineTotal(data.path("lines"));
        BigDecimal stated = inclusive ? total : subtotal;
        BigDecimal apart = stated.subtract(lines).abs();
        if (apart.compareTo(ROUNDING_TOLERANCE) > 0) {
            problems.add("$.data.totals." + (inclusive ? "total" : "subtotal") + ": " + money(stated)
                    + ", but the lines add up to " + money(lines) + " (" + money(apart) + " apart; up to "
                    + ROUNDING_TOLERANCE + " is left to rounding" + (inclusive ? "; amounts are TAX_INCLUSIVE)" : ")"));
        }
    }

    /**
     * The lines' amounts as Xero computes them: quantity × unitPrice × (100 − discountPercent)/100, each rounded
     * to cents (half up), then added. The same figure delivery codes each line with.
     */
    static BigDecimal lineTotal(JsonNode lines) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            BigDecimal discount = line.hasNonNull("discountPercent") ? line.get("discountPercent").decimalValue()
                    : BigDecimal.ZERO;
            sum = sum.add(line.path("quantity").decimalValue().multiply(line.path("unitPrice").decimalValue())
                    .multiply(HUNDRED.subtract(discount)).divide(HUNDRED)
                    .setScale(2, RoundingMode.HALF_UP));
        }
        return sum;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A line is known by its lineId from one version to the next: two lines with one id cannot both be known. */
    private static void lineIds(JsonNode lines, List<String> problems) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String lineId = lines.get(i).path("lineId").asText();
            Integer earlier = first.putIfAbsent(lineId, i);
            if (earlier != null) {
                problems.add("$.data.lines[" + i + "].lineId: '" + lineId + "' is also the lineId of $.data.lines["
                        + earlier + "]; each line needs its own");
            }
        }
    }

    private static void dates(JsonNode data, List<String> problems) {
        if (!data.hasNonNull("dueDate")) {
            return;
        }
        try {
            LocalDate issued = LocalDate.parse(data.path("issueDate").asText());
            LocalDate due = LocalDate.parse(data.path("dueDate").asText());
            if (due.isBefore(issued)) {
                problems.add("$.data.dueDate: " + due + " is before the issue date, " + issued);
            }
        } catch (DateTimeParseException notADate) {
            // the schema's format check names it
        }
    }
}
