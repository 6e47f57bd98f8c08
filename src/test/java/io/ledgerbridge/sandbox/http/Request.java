package io.ledgerbridge.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request, read whole. Header names are lower-case; {@code path} is decoded and relative to
 * the part of the sandbox that handles it (e.g. {@code /Invoices/…} under {@code /api.xro/2.0}).
 */
public record Request(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public Request {
        method = method.toUpperCase(Locale.ROOT);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a query parameter, matched case-insensitively as Xero does; null when absent. */
    public String query(String name) {
        for (Map.Entry<String, List<String>> e : queryParameters().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    public Map<String, List<String>> queryParameters() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /** The body as form fields (application/x-www-form-urlencoded). */
    public Map<String, String> form() {
        Map<String, String> out = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    /** Every value of one form field, in order (checkboxes send several). */
    public List<String> formValues(String name) {
        List<String> out = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && decode(pair.substring(0, eq)).equals(name)) {
                out.add(decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    public boolean queryFlag(String name) {
        return "true".equalsIgnoreCase(query(name));
    }

    public Request withPath(String newPath) {
        return new Request(method, newPath, rawQuery, headers, body);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
