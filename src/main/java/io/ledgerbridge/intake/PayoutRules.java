package io.ledgerbridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of a payout.settled event that JSON Schema cannot say, checked on its {@code data} once it keeps the
 * schema: each order is paid once in the payout, the currency is an ISO 4217 code, and each order LedgerBridge has
 * recorded is in the payout's currency. Whether each invoice is in Xero, still due and owes at least the amount is
 * the payout job's to settle, when it is applied.
 */
final class PayoutRules {

    private static final Set<String> ISO_4217 = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private PayoutRules() {
    }

    /** One sentence per rule the payout breaks, in order; empty when it keeps them all. */
    static List<String> problems(JsonNode data) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode payments = data.path("payments");
        for (int i = 0; i < payments.size(); i++) {
            String orderId = payments.get(i).path("orderId").asText();
            if (!seen.add(orderId)) {
                problems.add("$.data.payments[" + i + "].orderId: order '" + orderId
                        + "' is paid twice in the payout (one payment per order)");
            }
        }
        String currency = data.path("currency").asText();
        if (!ISO_4217.contains(currency)) {
            problems.add("$.data.currency: '" + currency + "' is not an ISO 4217 currency code");
        }
        return problems;
    }

    /** The payments whose order LedgerBridge recorded in another currency than the payout's. */
    static List<String> currencyProblems(JsonNode data, Map<String, String> orderCurrencies) {
        List<String> problems = new ArrayList<>();
        String currency = data.path("currency").asText();
        JsonNode payments = data.path("payments");
        for (int i = 0; i < payments.size(); i++) {
            String orderId = payments.get(i).path("orderId").asText();
            String ordered = orderCurrencies.get(orderId);
            if (ordered != null && !ordered.equals(currency)) {
                problems.add("$.data.payments[" + i + "]: order '" + orderId + "' is invoiced in " + ordered
                        + ", the payout is in " + currency);
            }
        }
        return problems;
    }

    /** The order ids the payout pays. */
    static List<String> orderIds(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.path("payments").forEach(payment -> ids.add(payment.path("orderId").asText()));
        return ids;
    }
}
