package io.ledgerbridge.delivery;

import io.ledgerbridge.coding.CodingResult;
import io.ledgerbridge.coding.CodingResult.Problem;
import io.ledgerbridge.support.FixHints;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Xero's element messages (FACTS.md §5, §9, §13) in plain words, with the fix (from {@link FixHints}), naming the
 * mapping or setting the offending account or tax type came from.
 */
final class XeroMessages {

    static final String CHANGE_IT_IN_XERO = "This document is paid in Xero, so LedgerBridge no longer changes it:"
            + " change it in Xero.";

    private static final Pattern ACCOUNT = Pattern.compile("Account code '([^']+)' (?:is not a valid code|has been archived|.*)");
    private static final Pattern TAX_WITH_ACCOUNT = Pattern.compile("The TaxType code '([^']+)' cannot be used with account code '([^']+)'");
    private static final Pattern TAX_TYPE = Pattern.compile("The TaxType code '?([^' ]+)'? ");
    private static final String ALLOCATED = "This document cannot be edited as it has a payment or credit note allocated to it";
    private static final List<String> NOT_VALID_STATUS = List.of(
            "Invoice not of valid status for modification",
            "Credit Note not of valid status for modification");

    private XeroMessages() {
    }

    /** True when Xero refused because the document is paid (or part-paid): it is LOCKED, not FAILED. */
    public static boolean paidLock(List<String> messages, String xeroStatus) {
        return messages.stream().anyMatch(message -> message.startsWith(ALLOCATED)
                || (notValidStatus(message) && "PAID".equals(xeroStatus)));
    }

    /** Xero refused a change for the document's status, without saying which status (an invoice's or a credit note's). */
    public static boolean notValidStatus(String message) {
        return NOT_VALID_STATUS.stream().anyMatch(message::startsWith);
    }

    public static Problem explain(List<String> messages, CodingResult coding, String organisation, String number,
                                  boolean sales) {
        String first = messages.isEmpty() ? "Xero rejected the document without a reason" : messages.get(0);
        Matcher account = ACCOUNT.matcher(first);
        if (account.lookingAt()) {
            String code = account.group(1);
            return new Problem("Account code " + code + " is not valid in " + organisation + "'s chart of accounts ("
                    + first + ")", accountFix(code, coding, sales, organisation));
        }
        Matcher taxWithAccount = TAX_WITH_ACCOUNT.matcher(first);
        if (taxWithAccount.lookingAt()) {
            return new Problem("Tax rate " + taxWithAccount.group(1) + " cannot be used with account "
                    + taxWithAccount.group(2) + " in " + organisation + " (" + first + ")",
                    FixHints.accountOrTaxMapping(accountFix(taxWithAccount.group(2), coding, sales, organisation), sales));
        }
        Matcher tax = TAX_TYPE.matcher(first);
        if (tax.lookingAt()) {
            return new Problem("Tax rate " + tax.group(1) + " cannot be used here in " + organisation + " (" + first + ")",
                    FixHints.changeTaxMapping(sales));
        }
        if (first.startsWith("Invoice # must be unique")) {
            return new Problem("Invoice number " + number + " already exists in " + organisation
                    + "; it was probably entered there by hand.",
                    FixHints.VOID_THE_OTHER_INVOICE);
        }
        if (first.contains("Contact")) {
            return new Problem("Xero could not use the contact: " + first,
                    FixHints.CHECK_THE_PARTY_NAME);
        }
        if (first.toLowerCase(Locale.ROOT).contains("tracking")) {
            return new Problem("Tracking was refused by " + organisation + ": " + first,
                    FixHints.CHECK_TRACKING_PROPERTIES);
        }
        return new Problem("Xero rejected the document: " + String.join(" ", messages),
                FixHints.DOCUMENT_REJECTED);
    }

    private static String accountFix(String code, CodingResult coding, boolean sales, String organisation) {
        if (coding == null) {
            return FixHints.USE_AN_ACTIVE_ACCOUNT;
        }
        return coding.lines().stream()
                .filter(line -> code.equals(line.item().accountCode()))
                .findFirst()
                .map(line -> line.source().fix(line.itemKey(), sales, organisation))
                .orElse(FixHints.USE_AN_ACTIVE_ACCOUNT);
    }
}
