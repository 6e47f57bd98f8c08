package io.ledgerbridge.delivery;

import io.ledgerbridge.support.FixHints;
import java.util.List;
import java.util.UUID;

/**
 * Every sentence delivery tells a person — on the document, in xero.sync.status and in the dead letter — in one
 * place, with the fix from {@link FixHints} (which holds every hint and the API paths they name). Xero's own
 * messages are explained by {@link XeroMessages}.
 */
final class DeliveryMessages {

    static final String SYNC_OFF = "Invoice sync is off for this workspace.";
    static final String MANUAL_SYNC = "Automatic sync is off: documents go when a sync is started.";
    static final String TEMPORARY = "Sync unsuccessful (temporary): ";
    static final String CHANGE_IT_IN_XERO = XeroMessages.CHANGE_IT_IN_XERO;
    static final String CHANGE_IT_IN_XERO_FIX = FixHints.CHANGE_IT_IN_XERO;
    static final String GL_ACCOUNT_REQUIRED_FIX = FixHints.MAP_THE_ITEMS;
    static final String REJECTED_FIX = FixHints.REQUEST_REJECTED;
    static final String OVER_QUOTA_FIX = FixHints.OVER_QUOTA;
    static final String PAYMENT_REFUSED_FIX = FixHints.CHECK_CLEARING_ACCOUNT;
    static final String NO_CLEARING_ACCOUNT =
            "Mark-as-paid is on, but the workspace has no clearing account to apply the payment to.";
    static final String NO_CLEARING_ACCOUNT_FIX = FixHints.SET_CLEARING_ACCOUNT;
    static final String ALLOCATE_BY_HAND_FIX = FixHints.ALLOCATE_BY_HAND;
    static final String CHECK_THE_CREDIT_FIX = FixHints.CHECK_THE_CREDIT_IN_XERO;
    static final String CREDIT_USED = "Xero shows none of its credit left (allocated elsewhere or refunded).";
    static final String CONTACT_BEING_CREATED =
            "Another delivery pass is creating this party's contact in Xero; the document goes once it is there.";

    private DeliveryMessages() {
    }

    /** What a person does about each reason a document waits. */
    static String fix(WaitingReason reason) {
        return switch (reason) {
            case NOT_CONNECTED -> FixHints.CONNECT_XERO;
            case NEEDS_RECONNECT -> FixHints.CONNECT_XERO_AGAIN;
            case SYNC_OFF -> FixHints.TURN_INVOICE_PUSH_ON;
            case MANUAL_SYNC -> FixHints.START_SYNC;
            case GL_ACCOUNT_REQUIRED -> GL_ACCOUNT_REQUIRED_FIX;
            case PAYMENT_AWAITS_APPROVAL -> FixHints.APPROVE_THEN_RESYNC;
            case ALLOCATION_REMOVAL -> FixHints.ALLOCATION_REMOVAL;
        };
    }

    static String reconnect(String detail) {
        return "Xero connection expired: " + detail;
    }

    static String glAccountRequired(List<String> lines) {
        return "GL account required: " + String.join(", ", lines);
    }

    static String overQuota(int quota) {
        return "Over the plan's quota of " + quota + " synced invoices this month.";
    }

    static String paymentAwaitsApproval(String xeroStatus) {
        return "The platform marked it paid, but Xero holds the invoice as " + xeroStatus
                + ", and Xero takes payments on approved invoices only.";
    }

    static String paymentRefused(String why) {
        return "The invoice is in Xero, but its payment was refused: " + why;
    }

    static String paymentOnItsWay(String why) {
        return "The invoice is in Xero; its payment did not get there yet: " + why;
    }

    static final String AWAITS_ALLOCATION_REMOVAL = "A newer version of this credit note waits: Xero holds"
            + " LedgerBridge's allocation of it to the invoice, and refuses to change an allocated credit note, so the"
            + " allocation is removed first; the credit note is then updated and allocated again for its new total.";

    /** Xero refused to change a credit note for an allocation LedgerBridge did not make (a person's, in Xero). */
    static final String ALLOCATED_BY_SOMEONE_ELSE = "Xero holds an allocation (or refund) of this credit note that"
            + " LedgerBridge did not make, and refuses to change a credit note with one: remove it in Xero and re-sync"
            + " the document, or change it in Xero.";

    static String removalRefused(String why) {
        return "A newer version of this credit note could not be sent: Xero refused to remove LedgerBridge's"
                + " allocation of it (" + why + "). Remove the allocation in Xero and re-sync the document, or change"
                + " it in Xero.";
    }

    static String removalOnItsWay(String why) {
        return "A newer version of this credit note waits for its allocation to be removed in Xero: " + why;
    }

    static String allocationRefused(String why) {
        return "The credit note is in Xero, but it could not be allocated to the invoice of its order: " + why;
    }

    static String allocationOnItsWay(String why) {
        return "The credit note is in Xero; its allocation to the invoice did not get there yet: " + why;
    }

    static String rejected(String why) {
        return "Xero rejected the request: " + why;
    }

    static String unreadable(String why) {
        return "The stored document cannot be read (" + why + "), so it cannot be coded or sent.";
    }

    static String unreadableFix() {
        return FixHints.SEND_A_CORRECTED_VERSION;
    }

    static String codingFault(String why) {
        return "LedgerBridge could not code the document (" + why + "); this is a fault in LedgerBridge.";
    }

    static String codingFaultFix() {
        return FixHints.REPORT_THE_FAULT;
    }

    static String noAnswerForElement() {
        return TEMPORARY + "Xero's answer did not name this document; it is looked up in Xero before it is sent again.";
    }

    static String lookupRefused(String why) {
        return "LedgerBridge could not check whether Xero already holds this document (a write of it got no answer"
                + " earlier): Xero answered " + why;
    }

    static String lookupRefusedFix() {
        return FixHints.CHECK_WHETHER_XERO_HOLDS_IT;
    }

    static String lookupIncomplete() {
        return TEMPORARY + "Xero's answer to the look-up was longer than LedgerBridge reads in one pass.";
    }

    static String duplicatesInXero(int count, List<UUID> ids) {
        return "Xero holds " + count + " documents that are this one (" + String.join(", ", ids.stream()
                .map(UUID::toString).toList()) + "), so LedgerBridge cannot tell which to update.";
    }

    static String duplicatesInXeroFix() {
        return FixHints.VOID_THE_EXTRA_ONES;
    }

    static String cannotVoidPaid() {
        return "It is paid in Xero, so it cannot be voided from here.";
    }

    static String cannotVoidPaidFix() {
        return FixHints.REMOVE_THE_PAYMENT_IN_XERO;
    }

    static String statusNotRead(String why) {
        return TEMPORARY + "its status in Xero could not be read: " + why;
    }
}
