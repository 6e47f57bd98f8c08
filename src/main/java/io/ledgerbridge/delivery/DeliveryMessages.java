package io.ledgerbridge.delivery;

import java.util.List;
import java.util.UUID;

/**
 * Every sentence delivery tells a person — on the document, in xero.sync.status and in the dead letter — with the
 * fix, in one place: rewording a hint or renaming an endpoint touches this file only. Xero's own messages are
 * explained by {@link XeroMessages}.
 */
final class DeliveryMessages {

    static final String SYNC_OFF = "Invoice sync is off for this workspace.";
    static final String MANUAL_SYNC = "Automatic sync is off: documents go when a sync is started.";
    static final String TEMPORARY = "Sync unsuccessful (temporary): ";
    static final String CHANGE_IT_IN_XERO = XeroMessages.CHANGE_IT_IN_XERO;
    static final String CHANGE_IT_IN_XERO_FIX = "Change it in Xero.";
    static final String GL_ACCOUNT_REQUIRED_FIX =
            "Map the items (or set a default account): the document is then sent again and approved by itself.";
    static final String REJECTED_FIX = "Fix what Xero names, then re-sync the document.";
    static final String OVER_QUOTA_FIX = "Upgrade to Pro, or it goes at the start of next month.";
    static final String PAYMENT_REFUSED_FIX =
            "Check the clearing account (it must be a bank account or accept payments), then re-sync.";
    static final String NO_CLEARING_ACCOUNT =
            "Mark-as-paid is on, but the workspace has no clearing account to apply the payment to.";
    static final String NO_CLEARING_ACCOUNT_FIX =
            "Set clearingAccount in the workspace settings: the payment then goes by itself.";
    static final String CONTACT_BEING_CREATED =
            "Another delivery pass is creating this party's contact in Xero; the document goes once it is there.";

    private DeliveryMessages() {
    }

    /** What a person does about each reason a document waits. */
    static String fix(WaitingReason reason) {
        return switch (reason) {
            case NOT_CONNECTED -> "Connect Xero (POST /api/v1/workspaces/{ws}/xero/connect): the waiting documents then go by themselves.";
            case NEEDS_RECONNECT -> "Connect Xero again: the waiting documents then go by themselves.";
            case SYNC_OFF -> "Turn invoice push on in the workspace settings: the waiting documents then go by themselves.";
            case MANUAL_SYNC -> "Start a sync (POST /api/v1/workspaces/{ws}/sync/invoice-push), or turn automatic sync on.";
            case GL_ACCOUNT_REQUIRED -> GL_ACCOUNT_REQUIRED_FIX;
            case PAYMENT_AWAITS_APPROVAL -> "Approve the invoice in Xero, then re-sync the document"
                    + " (POST /api/v1/workspaces/{ws}/documents/{id}/resync), or set invoiceDefaultStatus to AUTHORISED:"
                    + " the payment then goes.";
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

    static String rejected(String why) {
        return "Xero rejected the request: " + why;
    }

    static String unreadable(String why) {
        return "The stored document cannot be read (" + why + "), so it cannot be coded or sent.";
    }

    static String unreadableFix() {
        return "Send a corrected version of the order from the platform (a newer version replaces this one), or mark"
                + " it resolved (POST /api/v1/workspaces/{ws}/documents/{id}/resolve).";
    }

    static String codingFault(String why) {
        return "LedgerBridge could not code the document (" + why + "); this is a fault in LedgerBridge.";
    }

    static String codingFaultFix() {
        return "Report it with the document id; re-sync it once fixed, or mark it resolved.";
    }

    static String noAnswerForElement() {
        return TEMPORARY + "Xero's answer did not name this document; it is looked up in Xero before it is sent again.";
    }

    static String lookupRefused(String why) {
        return "LedgerBridge could not check whether Xero already holds this document (a write of it got no answer"
                + " earlier): Xero answered " + why;
    }

    static String lookupRefusedFix() {
        return "Check in Xero whether the document is there, then re-sync it: it is looked up again before anything is"
                + " sent, so it is never created twice. Or mark it resolved.";
    }

    static String lookupIncomplete() {
        return TEMPORARY + "Xero's answer to the look-up was longer than LedgerBridge reads in one pass.";
    }

    static String duplicatesInXero(int count, List<UUID> ids) {
        return "Xero holds " + count + " documents that are this one (" + String.join(", ", ids.stream()
                .map(UUID::toString).toList()) + "), so LedgerBridge cannot tell which to update.";
    }

    static String duplicatesInXeroFix() {
        return "Void or delete the extra ones in Xero, then re-sync the document.";
    }

    static String cannotVoidPaid() {
        return "It is paid in Xero, so it cannot be voided from here.";
    }

    static String cannotVoidPaidFix() {
        return "Remove the payment in Xero and void the document there.";
    }

    static String statusNotRead(String why) {
        return TEMPORARY + "its status in Xero could not be read: " + why;
    }
}
