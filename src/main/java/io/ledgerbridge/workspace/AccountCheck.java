package io.ledgerbridge.workspace;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an account code a person saves fits the organisation's chart: known, active and of the class its use needs
 * ({@link AccountUse}); if not, the reason in a sentence that names the code and the organisation, with the closest
 * codes that would fit. Pure: the chart comes in, so the decision is tested without Xero.
 */
public final class AccountCheck {

    /** How many fitting codes a refusal offers. */
    public static final int CLOSEST = 3;

    private AccountCheck() {
    }

    /**
     * One code to check.
     *
     * @param field the request field it came in ({@code salesAccount}, {@code accountCode})
     * @param label what it is, to finish "the … must be" ({@code the sales account})
     */
    public record Wanted(String field, String label, String code, AccountUse use) {
    }

    /** Why a code does not fit, and the fitting codes nearest to it (in chart order). */
    public record Problem(String field, String code, String detail, List<ChartAccount> closest) {
    }

    public static Optional<Problem> check(Wanted wanted, String organisation, Collection<ChartAccount> chart) {
        ChartAccount account = chart.stream().filter(candidate -> candidate.code().equals(wanted.code()))
                .findFirst().orElse(null);
        String reason;
        if (account == null) {
            reason = "Account " + wanted.code() + " is not in the chart of " + organisation + ".";
        } else if (!account.active()) {
            reason = "Account " + named(account) + " is archived in " + organisation + ".";
        } else if (wanted.use().fits(account)) {
            return Optional.empty();
        } else {
            reason = "Account " + named(account) + " is " + whatItIs(account, wanted.use()) + "; " + wanted.label()
                    + " must be " + wanted.use().mustBe() + ".";
        }
        List<ChartAccount> closest = closest(wanted.code(), wanted.use(), chart, CLOSEST);
        String offer = closest.isEmpty()
                ? " " + organisation + " has no active account that fits."
                : " The closest: " + String.join(", ", closest.stream().map(c -> c.code() + " " + c.name()).toList()) + ".";
        return Optional.of(new Problem(wanted.field(), wanted.code(), reason + offer, closest));
    }

    /**
     * The active accounts that fit {@code use} nearest to {@code code}, at most {@code limit}, in chart order.
     * Nearest by numeric distance when both codes are numbers (numbered accounts first for a numbered code), else by
     * edit distance to the other's code or name, whichever is nearer; a tie goes to the lower code.
     */
    public static List<ChartAccount> closest(String code, AccountUse use, Collection<ChartAccount> chart, int limit) {
        Comparator<ChartAccount> nearest = Comparator
                .comparingInt((ChartAccount candidate) -> numeric(code) && numeric(candidate.code()) ? 0 : 1)
                .thenComparingLong(candidate -> distance(code, candidate))
                .thenComparing(CHART_ORDER);
        return chart.stream()
                .filter(ChartAccount::active)
                .filter(use::fits)
                .filter(candidate -> !candidate.code().equals(code))
                .sorted(nearest)
                .limit(limit)
                .sorted(CHART_ORDER)
                .toList();
    }

    /** Numbered codes by their number, then the others by their code. */
    private static final Comparator<ChartAccount> CHART_ORDER = Comparator
            .comparingInt((ChartAccount account) -> numeric(account.code()) ? 0 : 1)
            .thenComparingLong(account -> numeric(account.code()) ? Long.parseLong(account.code()) : 0)
            .thenComparing(ChartAccount::code);

    private static long distance(String code, ChartAccount candidate) {
        if (numeric(code) && numeric(candidate.code())) {
            return Math.abs(Long.parseLong(code) - Long.parseLong(candidate.code()));
        }
        String wanted = code.toLowerCase(Locale.ROOT);
        return Math.min(editDistance(wanted, candidate.code().toLowerCase(Locale.ROOT)),
                editDistance(wanted, candidate.name() == null ? "" : candidate.name().toLowerCase(Locale.ROOT)));
    }

    /** Xero codes are at most 10 characters, so a number of them fits a long. */
    private static boolean numeric(String code) {
        return code != null && !code.isEmpty() && code.length() <= 18 && code.chars().allMatch(Character::isDigit);
    }

    /** Levenshtein's distance. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String named(ChartAccount account) {
        return account.code() + (account.name() == null || account.name().isBlank() ? "" : " (" + account.name() + ")");
    }

    /** What the account is that makes it unfit: a bank or system account on a line, else its class. */
    private static String whatItIs(ChartAccount account, AccountUse use) {
        if (use != AccountUse.PAYMENTS && "BANK".equals(account.type())) {
            return "a bank account, which Xero does not take on an invoice or bill line";
        }
        if (use != AccountUse.PAYMENTS && account.systemAccount() != null) {
            return "Xero's " + account.systemAccount() + " system account, which Xero does not take on an invoice or"
                    + " bill line";
        }
        String accountClass = AccountUse.accountClass(account.type());
        String article = accountClass.startsWith("a") || accountClass.startsWith("e") ? "an " : "a ";
        return article + accountClass + " account" + (use == AccountUse.PAYMENTS ? " that does not accept payments" : "");
    }
}
