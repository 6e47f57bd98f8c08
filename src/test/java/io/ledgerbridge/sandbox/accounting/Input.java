package io.ledgerbridge.sandbox.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.sandbox.http.Json;
import io.ledgerbridge.sandbox.http.XeroDates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads fields of a request element. Property names match case-insensitively; a property that is
 * absent or JSON null reads as null. Unknown properties are simply never read, as Xero ignores them.
 */
final class Input {

    private Input() {
    }

    static JsonNode get(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact == null) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equalsIgnoreCase(name)) {
                    exact = e.getValue();
                    break;
                }
            }
        }
        return exact == null || exact.isNull() ? null : exact;
    }

    static boolean has(JsonNode node, String name) {
        return get(node, name) != null;
    }

    static String text(JsonNode node, String name) {
        JsonNode v = get(node, name);
        return v == null || v.isContainerNode() ? null : v.asText();
    }

    static BigDecimal decimal(JsonNode node, String name, List<String> errors) {
        JsonNode v = get(node, name);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        try {
            return new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            errors.add(name + " '" + v.asText() + "' is not a valid number.");
            return null;
        }
    }

    static Boolean bool(JsonNode node, String name) {
        JsonNode v = get(node, name);
        return v == null ? null : v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asText());
    }

    /** A date in any accepted form; an unreadable one adds an error and reads as null. */
    static LocalDate date(JsonNode node, String name, List<String> errors) {
        String text = text(node, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = XeroDates.parseDate(text);
        if (date == null) {
            errors.add(String.format(Messages.DATE_INVALID, name, text));
        }
        return date;
    }

    /** The elements of {@code {"Collection": [ ... ]}}, or of a single object sent without the wrapper. */
    static List<JsonNode> elements(JsonNode body, String collection) {
        JsonNode array = get(body, collection);
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        } else if (array != null && array.isObject()) {
            out.add(array);
        } else if (body != null && body.isObject() && array == null) {
            out.add(body);
        }
        return out;
    }

    /** A copy of a submitted element, for echoing it back with its errors. */
    static ObjectNode echo(JsonNode input) {
        return input != null && input.isObject() ? ((ObjectNode) input).deepCopy() : Json.object();
    }

    /** A copy of an input object limited to the named properties, for storing addresses and phones. */
    static ObjectNode only(JsonNode node, String... names) {
        ObjectNode out = Json.object();
        for (String name : names) {
            JsonNode v = get(node, name);
            if (v != null && v.isValueNode()) {
                out.set(name, v);
            }
        }
        return out;
    }

    static List<ObjectNode> objects(JsonNode array, String... names) {
        List<ObjectNode> out = new ArrayList<>();
        if (array instanceof ArrayNode a) {
            a.forEach(n -> out.add(only(n, names)));
        }
        return out;
    }
}
