package io.ledgerbridge.sandbox.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.sandbox.http.XeroDates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Xero's {@code where} filter (FACTS §3) evaluated against a record as the sandbox renders it:
 * {@code ==, !=, >, >=, <, <=}, {@code and/&&}, {@code or/||}, {@code !}, parentheses, dotted paths
 * ({@code Contact.ContactID}), {@code guid("…")}, {@code DateTime(y, m, d[, h, m, s])}, numbers,
 * strings, {@code true/false/null}, and the string methods StartsWith, EndsWith, Contains, ToLower, ToUpper.
 * String equality ignores case.
 */
final class Where {

    /** The filter could not be read; Xero answers such a query with 400. */
    static final class ParseException extends RuntimeException {
        ParseException(String message) {
            super(message);
        }
    }

    private final List<String> tokens;
    private int pos;

    private Where(String expression) {
        this.tokens = tokenize(expression);
    }

    /** A predicate over rendered records; an empty or null expression lets everything through. */
    static Predicate<ObjectNode> parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return n -> true;
        }
        Where parser = new Where(expression);
        Node root = parser.or();
        if (parser.pos < parser.tokens.size()) {
            throw new ParseException("Unexpected '" + parser.tokens.get(parser.pos) + "' in where clause");
        }
        return n -> Boolean.TRUE.equals(root.eval(n));
    }

    private interface Node {
        Object eval(ObjectNode record);
    }

    private Node or() {
        Node left = and();
        while (accept("or", "||")) {
            Node l = left;
            Node r = and();
            left = n -> truthy(l.eval(n)) || truthy(r.eval(n));
        }
        return left;
    }

    private Node and() {
        Node left = unary();
        while (accept("and", "&&")) {
            Node l = left;
            Node r = unary();
            left = n -> truthy(l.eval(n)) && truthy(r.eval(n));
        }
        return left;
    }

    private Node unary() {
        if (accept("!", "not")) {
            Node inner = unary();
            return n -> !truthy(inner.eval(n));
        }
        return comparison();
    }

    private Node comparison() {
        Node left = operand();
        String op = peek();
        if (op != null && List.of("==", "!=", ">", ">=", "<", "<=", "=").contains(op)) {
            pos++;
            Node right = operand();
            return n -> compare(left.eval(n), op, right.eval(n));
        }
        return left;
    }

    private Node operand() {
        String t = next();
        if (t.equals("(")) {
            Node inner = or();
            expect(")");
            return inner;
        }
        if (t.startsWith("\"")) {
            String s = t.substring(1, t.length() - 1);
            return n -> s;
        }
        if (Character.isDigit(t.charAt(0)) || (t.charAt(0) == '-' && t.length() > 1)) {
            BigDecimal d = new BigDecimal(t);
            return n -> d;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "true":
                return n -> Boolean.TRUE;
            case "false":
                return n -> Boolean.FALSE;
            case "null":
                return n -> null;
            case "guid":
                return literalCall(args -> args.get(0).toString().toLowerCase(Locale.ROOT));
            case "datetime":
                return literalCall(Where::dateTime);
            default:
                if (!Character.isLetter(t.charAt(0))) {
                    throw new ParseException("Unexpected '" + t + "' in where clause");
                }
                return path(t);
        }
    }

    private Node literalCall(java.util.function.Function<List<Object>, Object> f) {
        List<Object> args = arguments();
        Object value = f.apply(args);
        return n -> value;
    }

    private List<Object> arguments() {
        expect("(");
        List<Object> args = new ArrayList<>();
        if (!accept(")")) {
            do {
                args.add(operand().eval(null));
            } while (accept(","));
            expect(")");
        }
        return args;
    }

    private static Object dateTime(List<Object> args) {
        int[] p = new int[6];
        for (int i = 0; i < Math.min(6, args.size()); i++) {
            p[i] = ((BigDecimal) args.get(i)).intValue();
        }
        return LocalDateTime.of(p[0], p[1], p[2], p[3], p[4], p[5]).toInstant(ZoneOffset.UTC);
    }

    /** A dotted path, possibly ending in a method call such as {@code Name.StartsWith("A")}. */
    private Node path(String first) {
        List<String> segments = new ArrayList<>(List.of(first.split("\\.")));
        String method = null;
        List<Object> args = List.of();
        if ("(".equals(peek()) && segments.size() > 1) {
            method = segments.remove(segments.size() - 1).toLowerCase(Locale.ROOT);
            args = arguments();
        }
        String m = method;
        List<Object> a = args;
        return n -> {
            Object value = resolve(n, segments);
            return m == null ? value : call(value, m, a);
        };
    }

    private static Object call(Object value, String method, List<Object> args) {
        String s = value == null ? null : value.toString();
        String arg = args.isEmpty() || args.get(0) == null ? "" : args.get(0).toString();
        return switch (method) {
            case "startswith" -> s != null && s.toLowerCase(Locale.ROOT).startsWith(arg.toLowerCase(Locale.ROOT));
            case "endswith" -> s != null && s.toLowerCase(Locale.ROOT).endsWith(arg.toLowerCase(Locale.ROOT));
            case "contains" -> s != null && s.toLowerCase(Locale.ROOT).contains(arg.toLowerCase(Locale.ROOT));
            case "tolower" -> s == null ? null : s.toLowerCase(Locale.ROOT);
            case "toupper" -> s == null ? null : s.toUpperCase(Locale.ROOT);
            default -> throw new ParseException("Unsupported method '" + method + "' in where clause");
        };
    }

    /** The value at a path of a rendered record: text, a decimal, a boolean, an instant for /Date()/, or null. */
    static Object resolve(ObjectNode record, List<String> segments) {
        JsonNode node = record;
        for (String segment : segments) {
            node = field(node, segment);
            if (node == null) {
                return null;
            }
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            Long ms = XeroDates.millis(node.textValue());
            return ms != null ? Instant.ofEpochMilli(ms) : node.textValue();
        }
        return node.isNull() ? null : node.toString();
    }

    private static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        var it = node.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (f.equalsIgnoreCase(name)) {
                return node.get(f);
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int order(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof String sa && b instanceof String sb) {
            return sa.compareToIgnoreCase(sb);
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable ca) {
            return ca.compareTo(b);
        }
        return a.toString().compareToIgnoreCase(b.toString());
    }

    private static boolean compare(Object left, String op, Object right) {
        if (left == null || right == null) {
            boolean equal = left == right;
            return switch (op) {
                case "==", "=" -> equal;
                case "!=" -> !equal;
                default -> false;
            };
        }
        if (left instanceof String && !(right instanceof String)) {
            right = right.toString();
        } else if (right instanceof String && !(left instanceof String)) {
            left = left.toString();
        }
        int c = left instanceof BigDecimal l && right instanceof BigDecimal r ? l.compareTo(r) : order(left, right);
        return switch (op) {
            case "==", "=" -> c == 0;
            case "!=" -> c != 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "<" -> c < 0;
            default -> c <= 0;
        };
    }

    private static boolean truthy(Object value) {
        return Boolean.TRUE.equals(value);
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw new ParseException("Unexpected end of where clause");
        }
        return tokens.get(pos++);
    }

    private boolean accept(String... options) {
        String t = peek();
        for (String o : options) {
            if (t != null && t.equalsIgnoreCase(o)) {
                pos++;
                return true;
            }
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new ParseException("Expected '" + token + "' in where clause");
        }
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new ParseException("Unterminated string in where clause");
                }
                out.add(s.substring(i, end + 1));
                i = end + 1;
            } else if ("=!<>&|".indexOf(c) >= 0) {
                int j = i + 1;
                if (j < s.length() && "=&|".indexOf(s.charAt(j)) >= 0) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if ("(),".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || ".-_".indexOf(s.charAt(j)) >= 0)) {
                    j++;
                }
                if (j == i) {
                    throw new ParseException("Unexpected character '" + c + "' in where clause");
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
