package io.ledgerbridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every number of an event, checked for size before anything computes with it. JSON allows {@code 1e100000};
 * the schema's {@code multipleOf} then expands it to 100,001 digits (seconds of CPU per number, so a poll of such
 * events held the consumer past {@code max.poll.interval.ms}), and writing it out plain or storing it in
 * PostgreSQL does the same. The largest number the contract has a use for is a version (a long, 19 digits);
 * the most decimal places it allows are 4. Reading the size of a number costs nothing, whatever it says.
 */
final class NumberBounds {

    /** Digits before the decimal point: a version is a long (19 digits), money has 10. */
    public static final int MAX_INTEGER_DIGITS = 20;
    /** Digits after it: unit prices and quantities have 4. */
    public static final int MAX_DECIMAL_PLACES = 20;

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final int SHOWN = 30;

    private NumberBounds() {
    }

    /** One sentence per number that is too large or too finely divided, in document order; empty when all fit. */
    public static List<String> problems(JsonNode tree) {
        List<String> problems = new ArrayList<>();
        visit(tree, "$", problems);
        return problems;
    }

    private static void visit(JsonNode node, String path, List<String> problems) {
        if (node == null) {
            return;
        }
        if (node.isNumber()) {
            check(node, path, problems);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                visit(field.getValue(), child(path, field.getKey()), problems);
            }
        }
    }

    /** The path as the schema's messages write it: {@code $.data.lines[0].quantity}. */
    static String child(String path, String name) {
        return PLAIN_NAME.matcher(name).matches() ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
    }

    private static void check(JsonNode node, String path, List<String> problems) {
        if (node.isInt() || node.isLong() || node.isShort()) {
            return; // at most 19 digits, no fraction
        }
        BigDecimal value;
        if (node.isBigDecimal() || node.isBigInteger()) {
            value = node.decimalValue();
        } else if (Double.isFinite(node.doubleValue())) {
            value = BigDecimal.valueOf(node.doubleValue());
        } else {
            problems.add(path + ": " + node.asText() + " is not a number LedgerBridge can take");
            return;
        }
        // unscaled × 10^-scale: the digits before the point are precision - scale, after it the scale
        long integerDigits = (long) value.precision() - value.scale();
        long decimalPlaces = Math.max(value.scale(), 0);
        if (integerDigits > MAX_INTEGER_DIGITS) {
            problems.add(path + ": " + shown(value) + " has " + String.format("%,d", integerDigits)
                    + " digits before the decimal point; LedgerBridge takes at most " + MAX_INTEGER_DIGITS);
        } else if (decimalPlaces > MAX_DECIMAL_PLACES) {
            problems.add(path + ": " + shown(value) + " has " + String.format("%,d", decimalPlaces)
                    + " decimal places; LedgerBridge takes at most " + MAX_DECIMAL_PLACES);
        }
    }

    /** The number as JSON's scientific form writes it (1E+100000), never expanded, and never long. */
    private static String shown(BigDecimal value) {
        String text = value.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "… (" + text.length() + " characters)";
    }
}
