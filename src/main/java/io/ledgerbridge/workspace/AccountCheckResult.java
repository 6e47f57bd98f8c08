package io.ledgerbridge.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of the account check of a save, returned with the saved resource as {@code accountCheck} so that a
 * client knows whether its codes were checked against Xero, or saved unchecked and why. A refused code never gets
 * here: it is a 422.
 *
 * @param reason only when NOT_CHECKED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountCheckResult(Status status, Reason reason, String detail) {

    public enum Status {
        /** Every account code of the request is in the organisation's chart, active and of the right class. */
        CHECKED,
        /** The request names no account code. */
        NOTHING_TO_CHECK,
        /** Saved without the check; {@link #reason} says why. Coding checks the codes again before each document. */
        NOT_CHECKED
    }

    public enum Reason {
        /** The workspace has no Xero connection. */
        NOT_CONNECTED,
        /** The workspace's Xero connection has to be made again. */
        NEEDS_RECONNECT,
        /** Xero's limits for the organisation allow no call now. */
        THROTTLED,
        /** Xero did not answer, or refused to read the chart. */
        XERO_UNAVAILABLE
    }

    static AccountCheckResult checked(String organisation) {
        return new AccountCheckResult(Status.CHECKED, null, "Checked against the chart of accounts of " + organisation + ".");
    }

    static AccountCheckResult nothingToCheck() {
        return new AccountCheckResult(Status.NOTHING_TO_CHECK, null, "The request names no account code.");
    }

    static AccountCheckResult notChecked(Reason reason, String detail) {
        return new AccountCheckResult(Status.NOT_CHECKED, reason, "Saved without checking the account codes against"
                + " Xero: " + detail + " Each code is checked again when a document is coded.");
    }
}
