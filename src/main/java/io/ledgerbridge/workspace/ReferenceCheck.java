package io.ledgerbridge.workspace;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Whether the Xero tax types and tracking a mapping names exist in the organisation and can be used where the mapping
 * puts them, and if not, what the organisation offers instead. Pure: the organisation's lists come in.
 */
public final class ReferenceCheck {

    private ReferenceCheck() {
    }

    /** A Xero tax type a mapping sends, on sales or on purchases. */
    public record TaxWanted(String field, String taxType, boolean sales) {
    }

    /**
     * A tracking category, and optionally one of its options, as Xero will be sent them (after the workspace's
     * tracking aliases).
     */
    public record TrackingWanted(String field, String category, String option) {
    }

    /** Why a name does not fit, and the names of the organisation that would (active, usable where wanted). */
    public record Problem(String field, String value, String detail, List<String> offered) {
    }

    public static Optional<Problem> tax(TaxWanted wanted, String organisation, Collection<ChartTaxRate> rates) {
        String direction = wanted.sales() ? "sales" : "purchases";
        List<String> offered = rates.stream().filter(rate -> rate.usableFor(wanted.sales()))
                .map(rate -> rate.taxType() + " (" + rate.name() + ")").toList();
        Optional<ChartTaxRate> rate = rates.stream().filter(one -> one.taxType().equalsIgnoreCase(wanted.taxType()))
                .findFirst();
        String reason;
        if (rate.isEmpty()) {
            reason = "Tax type " + wanted.taxType() + " is not a tax rate of " + organisation + ".";
        } else if (!"ACTIVE".equals(rate.get().status())) {
            reason = "Tax type " + wanted.taxType() + " (" + rate.get().name() + ") is " + rate.get().status().toLowerCase()
                    + " in " + organisation + ".";
        } else if (!rate.get().usableFor(wanted.sales())) {
            reason = "Tax type " + wanted.taxType() + " (" + rate.get().name() + ") cannot be used on " + direction
                    + " in " + organisation + ".";
        } else {
            return Optional.empty();
        }
        return Optional.of(new Problem(wanted.field(), wanted.taxType(), reason + offer("Its tax rates for " + direction,
                offered, organisation + " has no active tax rate for " + direction + "."), offered));
    }

    public static Optional<Problem> tracking(TrackingWanted wanted, String organisation, Collection<ChartTracking> chart) {
        List<String> categories = chart.stream().filter(ChartTracking::active).map(ChartTracking::name).toList();
        Optional<ChartTracking> category = chart.stream().filter(ChartTracking::active)
                .filter(one -> one.name().equalsIgnoreCase(wanted.category())).findFirst();
        if (category.isEmpty()) {
            return Optional.of(new Problem(wanted.field(), wanted.category(), "Tracking category '" + wanted.category()
                    + "' is not an active tracking category of " + organisation + "." + offer("Its categories",
                    categories, organisation + " has no active tracking category."), categories));
        }
        if (wanted.option() == null || category.get().activeOptions().stream()
                .anyMatch(option -> option.equalsIgnoreCase(wanted.option()))) {
            return Optional.empty();
        }
        List<String> options = category.get().activeOptions();
        return Optional.of(new Problem(wanted.field(), wanted.option(), "Tracking option '" + wanted.option()
                + "' is not an active option of category '" + category.get().name() + "' in " + organisation + "."
                + offer("Its options", options, "The category has no active option."), options));
    }

    private static String offer(String lead, List<String> offered, String none) {
        return offered.isEmpty() ? " " + none : " " + lead + ": " + String.join(", ", offered) + ".";
    }
}
