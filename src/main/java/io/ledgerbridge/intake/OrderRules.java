package io.ledgerbridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
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
 * issue date, and the currency is an ISO 4217 code. Whether the organisation has that currency is delivery's to
 * check, with the organisation at hand.
 */
public final class OrderRules {

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
        return problems;
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
