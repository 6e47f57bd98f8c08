package io.ledgerbridge.sandbox.accounting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.sandbox.http.Json;
import io.ledgerbridge.sandbox.http.Request;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Filtering, ordering and paging of a GET collection (FACTS §3): {@code where}, {@code order}
 * (default UpdatedDateUTC then the id, ascending), {@code page} from 1 and {@code pageSize} 1–1000
 * (default 100, out-of-range values clamped).
 */
final class Listing {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    /** One page of records and, when a page was asked for, Xero's pagination object. */
    record Page<T>(List<T> items, ObjectNode pagination) {
    }

    private Listing() {
    }

    static List<ObjectNode> filterAndOrder(List<ObjectNode> records, Request request, String idField) {
        return filterAndOrder(records, request, idField, null);
    }

    /** As above, with {@code defaultOrder} (e.g. "Code") instead of UpdatedDateUTC when no order is asked for. */
    static List<ObjectNode> filterAndOrder(List<ObjectNode> records, Request request, String idField, String defaultOrder) {
        var predicate = Where.parse(request.query("where"));
        List<ObjectNode> out = new ArrayList<>(records.stream().filter(predicate).toList());
        String order = request.query("order");
        out.sort(comparator(order == null || order.isBlank() ? defaultOrder : order, idField));
        return out;
    }

    static <T> Page<T> page(List<T> records, Request request) {
        String page = request.query("page");
        if (page == null) {
            return new Page<>(records, null);
        }
        int number = Math.max(1, parseInt(page, 1));
        int size = Math.min(MAX_PAGE_SIZE, Math.max(1, parseInt(request.query("pageSize"), DEFAULT_PAGE_SIZE)));
        int from = Math.min(records.size(), (number - 1) * size);
        int to = Math.min(records.size(), from + size);
        ObjectNode pagination = Json.object();
        pagination.put("page", number);
        pagination.put("pageSize", size);
        pagination.put("pageCount", (records.size() + size - 1) / size);
        pagination.put("itemCount", records.size());
        return new Page<>(records.subList(from, to), pagination);
    }

    /** True when the default order applies and nothing needs the rendered records: page first, render after. */
    static boolean plain(Request request) {
        return request.query("where") == null && request.query("order") == null;
    }

    private static Comparator<ObjectNode> comparator(String order, String idField) {
        if (order == null || order.isBlank()) {
            return by("UpdatedDateUTC", false).thenComparing(by(idField, false));
        }
        Comparator<ObjectNode> result = null;
        for (String part : order.split(",")) {
            String[] words = part.trim().split("\\s+");
            boolean descending = words.length > 1 && words[1].toUpperCase(Locale.ROOT).startsWith("DESC");
            Comparator<ObjectNode> c = by(words[0], descending);
            result = result == null ? c : result.thenComparing(c);
        }
        return result.thenComparing(by(idField, false));
    }

    private static Comparator<ObjectNode> by(String path, boolean descending) {
        List<String> segments = List.of(path.split("\\."));
        Comparator<ObjectNode> c = (a, b) -> Where.order(Where.resolve(a, segments), Where.resolve(b, segments));
        return descending ? c.reversed() : c;
    }

    private static int parseInt(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
