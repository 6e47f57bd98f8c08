package io.ledgerbridge.support;

import java.util.List;

/**
 * What LedgerBridge tells a person to do — about a document that waits or failed, an event it could not record, a
 * workspace or mapping the API does not know — and every API path those hints name, each written once: rewording
 * a hint or renaming an endpoint touches this file only. What went wrong (the message a hint follows) stays with
 * the code that found it; {@code FixHintsTest} keeps literal API paths out of every other source file.
 *
 * <p>A path with {@code {ws}}, {@code {id}}, {@code {code}} or {@code {key}} in it leaves that part for the person
 * to fill in; a hint that knows the value names it.
 */
public final class FixHints {

    // The API paths the hints name, one method per endpoint.

    private static final String WORKSPACES = "/api/v1/workspaces/";
    private static final String ANY_WORKSPACE = "{ws}";

    /** PUT: create a workspace (or change its roles). */
    private static String workspace(String workspaceId) {
        return WORKSPACES + workspaceId;
    }

    /** POST: connect the workspace to Xero. */
    private static String connectXero() {
        return workspace(ANY_WORKSPACE) + "/xero/connect";
    }

    /** DELETE: forget a disconnected workspace's links to its old organisation's records. */
    private static String xeroLinks(String workspaceId) {
        return workspace(workspaceId) + "/xero/links";
    }

    /** POST: disconnect the workspace from Xero. */
    private static String disconnectXero(String workspaceId) {
        return workspace(workspaceId) + "/xero/disconnect";
    }

    /** POST: start a sync of the waiting invoices. */
    private static String startSync() {
        return workspace(ANY_WORKSPACE) + "/sync/invoice-push";
    }

    /** POST: send a document again. */
    private static String resync() {
        return document("resync");
    }

    /** POST: mark a document resolved. */
    private static String resolve() {
        return document("resolve");
    }

    private static String document(String action) {
        return workspace(ANY_WORKSPACE) + "/documents/{id}/" + action;
    }

    /** PUT, GET, DELETE: an item's mapping. */
    private static String itemMapping(String workspaceId, String itemKey) {
        return mapping(workspaceId, "items", itemKey);
    }

    /** PUT, GET, DELETE: a supplier's mapping. */
    private static String supplierMapping(String workspaceId, String key) {
        return mapping(workspaceId, "suppliers", key);
    }

    /** PUT, GET, DELETE: a tax code's mapping. */
    private static String taxRateMapping(String workspaceId, String taxCode) {
        return mapping(workspaceId, "tax-rates", taxCode);
    }

    /** PUT, GET, DELETE: a tracking category's (or option's, {@code category:option}) mapping. */
    private static String trackingMapping(String workspaceId, String key) {
        return mapping(workspaceId, "tracking", key);
    }

    private static String mapping(String workspaceId, String kind, String key) {
        return workspace(workspaceId) + "/mappings/" + kind + "/" + key;
    }

    // Connecting Xero (connection's connect flow).

    /** Connect again, from the start: what a person does after any connect step that cannot go on. */
    public static String startConnectAgain(String workspaceId) {
        return "Start connecting again (POST " + workspace(workspaceId) + "/xero/connect, or the Connect Xero button"
                + " of the platform) and finish within 10 minutes.";
    }

    public static String connectTheLinkedOrganisation(String workspaceId, String organisation) {
        return "Connect " + organisation + " again, or, to move the workspace to another organisation for good,"
                + " disconnect (POST " + disconnectXero(workspaceId) + "), clear its links to " + organisation
                + "'s records (DELETE " + xeroLinks(workspaceId) + ") and connect the new one.";
    }

    public static String disconnectBeforeClearingLinks(String workspaceId) {
        return "Disconnect it first (POST " + disconnectXero(workspaceId) + "), then clear the links.";
    }

    public static final String ADD_AN_ORGANISATION = "Log in to Xero with a user who has access to the organisation"
            + " (an adviser or standard user with the accounting role), then connect again.";

    // Documents that wait (delivery's WaitingReason).

    private static final String THEY_GO_BY_THEMSELVES = "the waiting documents then go by themselves.";

    public static final String CONNECT_XERO = "Connect Xero (POST " + connectXero() + "): " + THEY_GO_BY_THEMSELVES;
    public static final String CONNECT_XERO_AGAIN = "Connect Xero again: " + THEY_GO_BY_THEMSELVES;
    public static final String TURN_INVOICE_PUSH_ON = "Turn invoice push on in the workspace settings: "
            + THEY_GO_BY_THEMSELVES;
    public static final String START_SYNC = "Start a sync (POST " + startSync() + "), or turn automatic sync on.";
    public static final String MAP_THE_ITEMS =
            "Map the items (or set a default account): the document is then sent again and approved by itself.";
    public static final String APPROVE_THEN_RESYNC = "Approve the invoice in Xero, then re-sync the document"
            + " (POST " + resync() + "), or set invoiceDefaultStatus to AUTHORISED: the payment then goes.";

    // Payouts (F24, delivery's PayoutJob): one batch payment each, once its invoices are in Xero.

    /** PUT: the workspace's settings. */
    private static String settings() {
        return workspace(ANY_WORKSPACE) + "/settings";
    }

    /** GET: the workspace's documents in a state. */
    private static String documentsIn(String state) {
        return workspace(ANY_WORKSPACE) + "/documents?status=" + state;
    }

    /** POST: put a FAILED payout back to due, as a new attempt. */
    private static String retryPayout(String payoutId) {
        return workspace(ANY_WORKSPACE) + "/payouts/" + payoutId + "/retry";
    }

    private static final String THE_PAYOUT_GOES_BY_ITSELF = "the payout then goes by itself.";

    public static final String PAYOUT_AWAITS_INVOICES = "Nothing to do while the invoices are on their way: "
            + THE_PAYOUT_GOES_BY_ITSELF + " If one failed (GET " + documentsIn("FAILED") + "), fix it and re-sync it (POST "
            + resync() + ").";
    public static final String PAYOUT_AWAITS_APPROVAL = "Approve the invoice in Xero, or re-sync it with"
            + " invoiceDefaultStatus AUTHORISED (POST " + resync() + "): " + THE_PAYOUT_GOES_BY_ITSELF;
    public static final String PAYOUT_AWAITS_CLEARING_ACCOUNT = "Set clearingAccount in the workspace settings (PUT "
            + settings() + "): " + THE_PAYOUT_GOES_BY_ITSELF;
    public static final String PAYOUT_AWAITS_CONNECTION = "Connect Xero again: " + THE_PAYOUT_GOES_BY_ITSELF;
    /** A payout that cannot be applied as sent: correct it on the platform, or fix what it names here and retry it. */
    public static String correctThePayout(String payoutId) {
        return "If what it names can be fixed here (an order that has not reached LedgerBridge yet: send it; an invoice"
                + " that failed: fix and re-sync it), do so and retry the payout (POST " + retryPayout(payoutId) + ")."
                + " Else correct the payout on the platform (only invoices LedgerBridge sent to Xero that are still due,"
                + " each for at most what is due, in the invoices' currency) and send it with a new payoutId: this one"
                + " is not applied.";
    }

    /** A batch payment Xero refused: fix what it names, then retry (a new attempt) or send a new payout. */
    public static String checkThePayoutInXero(String payoutId) {
        return "Fix what Xero names (the clearing account must be a bank account or accept payments), then retry the"
                + " payout (POST " + retryPayout(payoutId) + ") or send it again with a new payoutId.";
    }

    // Documents that failed, are locked or over the quota (delivery).

    public static final String CHANGE_IT_IN_XERO = "Change it in Xero.";
    public static final String REQUEST_REJECTED = "Fix what Xero names, then re-sync the document.";
    public static final String DOCUMENT_REJECTED = "Fix what Xero names, then re-sync the document (POST " + resync() + ").";
    public static final String OVER_QUOTA = "Upgrade to Pro, or it goes at the start of next month.";
    public static final String CHECK_CLEARING_ACCOUNT =
            "Check the clearing account (it must be a bank account or accept payments), then re-sync.";
    public static final String SET_CLEARING_ACCOUNT =
            "Set clearingAccount in the workspace settings: the payment then goes by itself.";
    public static final String SEND_A_CORRECTED_VERSION = "Send a corrected version of the order from the platform"
            + " (a newer version replaces this one), or mark it resolved (POST " + resolve() + ").";
    public static final String REPORT_THE_FAULT = "Report it with the document id; re-sync it once fixed, or mark it resolved.";
    public static final String CHECK_WHETHER_XERO_HOLDS_IT = "Check in Xero whether the document is there, then re-sync"
            + " it: it is looked up again before anything is sent, so it is never created twice. Or mark it resolved.";
    public static final String VOID_THE_EXTRA_ONES = "Void or delete the extra ones in Xero, then re-sync the document.";
    public static final String REMOVE_THE_PAYMENT_IN_XERO = "Remove the payment in Xero and void the document there.";
    public static final String FIX_DUPLICATE_CONTACTS = "Fix the duplicates in Xero, then re-sync.";
    public static final String CORRECT_THE_PARTY =
            "Correct the party's details on the platform (or create the contact in Xero), then re-sync.";
    public static final String MERGE_DUPLICATE_CONTACTS = "Merge or archive the duplicates in Xero, then re-sync.";

    // Credit notes whose allocation Xero refused (delivery's CreditNoteAllocations).

    public static final String ALLOCATE_BY_HAND = "Allocate it by hand in Xero (open the credit note, then Allocate"
            + " credit) if the invoice still has an amount due, or leave the credit unapplied: LedgerBridge does not"
            + " try again.";
    public static final String ALLOCATION_REMOVAL = "Nothing to do: the credit note goes by itself once its"
            + " allocation is removed, and is allocated again after.";
    public static final String CHECK_THE_CREDIT_IN_XERO = "Check in Xero where the credit went (the credit note's"
            + " allocations and refunds); allocate it by hand in Xero if it should go to this invoice.";

    // What Xero refused (delivery's XeroMessages).

    public static final String VOID_THE_OTHER_INVOICE =
            "Void or delete the other invoice in Xero and re-sync this one, or mark this document resolved.";
    public static final String CHECK_THE_PARTY_NAME = "Check the buyer's or supplier's name on the platform, then re-sync.";
    public static final String CHECK_TRACKING_PROPERTIES =
            "Check the xero_<Category> properties against the organisation's tracking categories, or map them.";
    public static final String USE_AN_ACTIVE_ACCOUNT =
            "Use an active account of the organisation in the workspace settings or mappings.";

    /** A tax rate Xero refused for the account it was used with. */
    public static String changeTaxMapping(boolean sales) {
        return "Change the tax mapping for " + direction(sales) + " (PUT " + taxRateMapping(ANY_WORKSPACE, "{code}")
                + ") to a tax rate the account accepts.";
    }

    /** A tax rate and account Xero refused together: the account's fix, or the tax code's mapping. */
    public static String accountOrTaxMapping(String accountFix, boolean sales) {
        return accountFix + " Or map the tax code for " + direction(sales) + " to a tax rate that account accepts.";
    }

    // Accounts, by where the refused account came from (coding's AccountSource).

    public static String mapItem(String itemKey, boolean sales, String organisation) {
        return "Map item " + itemKey + " to " + (sales ? "a sales" : "an expense") + " account of " + organisation
                + " (PUT " + itemMapping(ANY_WORKSPACE, itemKey) + ").";
    }

    public static final String CHANGE_SUPPLIER_DEFAULT = "Change this supplier's default account"
            + " (PUT " + supplierMapping(ANY_WORKSPACE, "{key}") + ").";

    public static String setFreightAccount(boolean sales) {
        return "Set the workspace's freight account to " + incomeOrExpenseAccount(sales) + " account.";
    }

    public static String setSurchargeAccount(boolean sales) {
        return "Set the workspace's surcharge account to " + incomeOrExpenseAccount(sales) + " account.";
    }

    public static String setDefaultAccount(boolean sales, String itemKey) {
        return "Set the workspace's default " + (sales ? "sales" : "expense")
                + " account to an active account, or map item " + itemKey + ".";
    }

    // Documents the coder stops (coding's DocumentCoder).

    public static final String KEEP_ONE_SUPPLIER_MAPPING = "Keep one of them: DELETE "
            + supplierMapping(ANY_WORKSPACE, "{key}") + " for the others.";
    public static final String REMOVE_EXTRA_TRACKING =
            "Remove the extra xero_<Category> properties from the order, product or line.";
    public static final String ADD_ROUNDING_ACCOUNT = "Add the Rounding system account in Xero.";

    /** @param usable the organisation's currencies, at least one */
    public static String addCurrency(List<String> usable) {
        String currencies = usable.size() == 1 ? usable.get(0)
                : String.join(", ", usable.subList(0, usable.size() - 1)) + " or " + usable.get(usable.size() - 1);
        return "Add the currency in Xero (Settings → Currencies), or send the order in " + currencies + ".";
    }

    /** A platform tax code with no mapping for the direction. */
    public static String mapTaxCode(String taxCode, boolean sales) {
        return "Map it: PUT " + taxRateMapping(ANY_WORKSPACE, taxCode) + " with the Xero tax type for "
                + direction(sales) + ".";
    }

    /** A platform tax code mapped to a tax rate the organisation cannot use for the direction. */
    public static String mapTaxCodeToUsableRate(String taxCode, boolean sales) {
        return "Map " + taxCode + " for " + direction(sales) + " to a tax rate the organisation has for "
                + incomeOrExpenses(sales) + ".";
    }

    /** A line without a tax code whose account's default tax rate cannot be used for the direction. */
    public static String taxCodeOrAccount(boolean sales, String accountFix) {
        return "Send the line with a tax code mapped for " + direction(sales) + ", or code it to an account whose"
                + " default tax rate is one for " + incomeOrExpenses(sales) + ". " + accountFix;
    }

    public static String createOrMapTrackingCategory(String platformCategory) {
        return "Create it in Xero, or map xero_" + platformCategory
                + " to an existing category (PUT " + trackingMapping(ANY_WORKSPACE, platformCategory) + ").";
    }

    public static String addOrMapTrackingOption(String platformCategory, String platformOption) {
        return "Add the option in Xero, or map it (PUT "
                + trackingMapping(ANY_WORKSPACE, platformCategory + ":" + platformOption) + ").";
    }

    /** The line amounts differ from Xero's by more than rounding; {@code xeroAmount} is Xero's, formatted. */
    public static String checkLineAmounts(String xeroAmount, boolean exclusive) {
        return "Check the quantities, unit prices and discounts of the order's lines: Xero multiplies each line out and"
                + " rounds it to cents, which comes to " + xeroAmount + (exclusive ? " before" : " with") + " tax.";
    }

    /** The tax differs from Xero's by more than rounding; {@code xeroTax} is Xero's, formatted. */
    public static String checkTax(boolean sales, String organisation, String xeroTax) {
        return "Check the tax codes of the order's lines, the tax mapping for " + direction(sales)
                + " (PUT " + taxRateMapping(ANY_WORKSPACE, "{code}") + ") and the tax rates in "
                + organisation + ": Xero's tax, each line's rounded to cents, comes to " + xeroTax + ".";
    }

    /** Only the total differs, and the platform did not send the figures that would say why. */
    public static String checkLinesAndTaxMapping(boolean sales) {
        return "Check the quantities, unit prices, discounts and tax codes of the order's lines, and the tax"
                + " mapping for " + direction(sales) + ".";
    }

    /** The platform's subtotal and tax do not add up to its total (the amounts formatted). */
    public static String correctTheTotal(String subtotal, String tax, String sum, String total) {
        return "The platform's subtotal " + subtotal + " and tax " + tax + " add up to " + sum + ", not its total "
                + total + ": " + CORRECT_THE_TOTALS;
    }

    /** The platform's total less its tax is not its subtotal (the amounts formatted). */
    public static String correctTheSubtotal(String total, String tax, String difference, String subtotal) {
        return "The platform's total " + total + " less its tax " + tax + " is " + difference + ", not its subtotal "
                + subtotal + ": " + CORRECT_THE_TOTALS;
    }

    private static final String CORRECT_THE_TOTALS = "correct the order's totals on the platform.";

    // Events intake cannot record.

    /** Follows "names no workspace: ". */
    public static final String NAME_A_WORKSPACE = "set data.supplier.workspaceId or data.buyer.workspaceId.";
    public static final String CREATE_THE_WORKSPACE_AND_RESEND = "Create it with PUT " + workspace("{id}")
            + " and re-send the event.";
    public static final String CREATE_OR_GIVE_THE_ROLE = "Create a missing workspace or give it its role (SUPPLIER for"
            + " the supplier, VENUE for the buyer) with PUT " + workspace("{id}") + ", or correct"
            + " data.supplier.workspaceId or data.buyer.workspaceId at the producer, and send the event again.";
    public static final String CORRECT_THE_WORKSPACES = "Correct data.supplier.workspaceId or data.buyer.workspaceId"
            + " at the producer and send the event again.";

    // What the API does not know (404s).

    public static String createWorkspace(String workspaceId) {
        return "Create it with PUT " + workspace(workspaceId) + ".";
    }

    public static String createItemMapping(String workspaceId, String itemKey) {
        return "Create it with PUT " + itemMapping(workspaceId, itemKey) + ".";
    }

    public static String createSupplierMapping(String workspaceId, String key) {
        return "Create it with PUT " + supplierMapping(workspaceId, key) + ".";
    }

    public static String createTaxRateMapping(String workspaceId, String taxCode) {
        return "Create it with PUT " + taxRateMapping(workspaceId, taxCode) + ".";
    }

    public static String createTrackingMapping(String workspaceId, String key) {
        return "Create it with PUT " + trackingMapping(workspaceId, key) + ".";
    }

    private static String direction(boolean sales) {
        return sales ? "sales" : "purchases";
    }

    private static String incomeOrExpenses(boolean sales) {
        return sales ? "income" : "expenses";
    }

    private static String incomeOrExpenseAccount(boolean sales) {
        return sales ? "an income" : "an expense";
    }

    private FixHints() {
    }
}
