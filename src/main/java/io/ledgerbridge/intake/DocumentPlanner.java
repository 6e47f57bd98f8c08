package io.ledgerbridge.intake;

import io.ledgerbridge.delivery.DesiredDocument;
import io.ledgerbridge.delivery.DesiredDocument.XeroType;
import io.ledgerbridge.delivery.DesiredPayout;
import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.support.PermanentFailureException;
import io.ledgerbridge.workspace.Workspace.Role;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which documents an order event asks for: the supplier's side becomes a sales invoice (or
 * customer credit note) in the supplier's Xero, the buyer's side a bill (or supplier credit note) in
 * the venue's Xero. Each side either gets its document or a reason:
 * <ul>
 *   <li>a party with no workspaceId is outside LedgerBridge: nothing of theirs to write, the other side still
 *       goes (counted as {@link Plan#outside()}, so the intake log shows it);</li>
 *   <li>a party named with a workspace LedgerBridge does not know, or one without the role of its side
 *       (SUPPLIER for the supplier, VENUE for the buyer), gets no document and a reason ({@link Plan#unrecorded()});
 *       the other side still goes;</li>
 *   <li>when no side can be recorded, the whole event is rejected with the reasons;</li>
 *   <li>a workspace named as both supplier and buyer is rejected: an organisation cannot invoice itself.</li>
 * </ul>
 */
final class DocumentPlanner {

    private DocumentPlanner() {
    }

    /**
     * What the event asks for.
     *
     * @param documents  the documents to record, supplier's side first
     * @param unrecorded one sentence per side named with a workspace that cannot take it, for its dead letter
     * @param outside    sides with no workspaceId: parties outside LedgerBridge
     * @param payout     for a payout.settled event, the payout to record (and no documents); else null
     */
    public record Plan(List<DesiredDocument> documents, List<String> unrecorded, int outside, DesiredPayout payout) {

        /** Nothing to record, as for an event that was rejected. */
        public static final Plan NOTHING = new Plan(List.of(), List.of(), 0);

        public Plan(List<DesiredDocument> documents, List<String> unrecorded, int outside) {
            this(documents, unrecorded, outside, null);
        }

        /** A payout.settled event: the payout to record, no documents. */
        public static Plan payout(DesiredPayout payout) {
            return new Plan(List.of(), List.of(), 0, payout);
        }
    }

    private enum Side {
        SUPPLIER("supplier", Role.SUPPLIER, XeroType.ACCREC, XeroType.ACCRECCREDIT),
        BUYER("buyer", Role.VENUE, XeroType.ACCPAY, XeroType.ACCPAYCREDIT);

        final String name;
        final Role role;
        final XeroType invoice;
        final XeroType credit;

        Side(String name, Role role, XeroType invoice, XeroType credit) {
            this.name = name;
            this.role = role;
            this.invoice = invoice;
            this.credit = credit;
        }
    }

    /**
     * @param rolesOf a workspace's roles, empty when LedgerBridge knows no workspace of that id
     * @throws PermanentFailureException when the event can be recorded for no workspace, or names one workspace
     *                                   on both sides
     */
    public static Plan plan(OrderEvent event, String payloadJson, Function<String, Optional<Set<Role>>> rolesOf) {
        OrderEvent.Snapshot data = event.data();
        boolean credit = event.isCreditNote();
        String sourceKey = credit ? data.orderId() + "/" + data.creditNoteNumber() : data.orderId();
        String number = credit ? data.creditNoteNumber() : data.invoiceNumber();
        String supplier = workspaceOf(data.supplier());
        String buyer = workspaceOf(data.buyer());
        if (supplier != null && supplier.equals(buyer)) {
            throw new PermanentFailureException(describe(event) + " names workspace '" + supplier
                    + "' as both the supplier and the buyer: an organisation cannot invoice itself. "
                    + FixHints.CORRECT_THE_WORKSPACES);
        }

        Set<String> named = new LinkedHashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        List<DesiredDocument> documents = new ArrayList<>(2);
        int outside = 0;
        for (Side side : Side.values()) {
            String workspace = side == Side.SUPPLIER ? supplier : buyer;
            if (workspace == null) {
                outside++;
                continue;
            }
            named.add(workspace);
            Optional<Set<Role>> roles = rolesOf.apply(workspace);
            if (roles.isEmpty()) {
                unknown.add(workspace);
                problems.add("workspace '" + workspace + "' is named as the " + side.name
                        + ", and LedgerBridge knows no workspace of that name");
            } else if (!roles.get().contains(side.role)) {
                problems.add("workspace '" + workspace + "' is named as the " + side.name + " but has no " + side.role
                        + " role (its roles: " + (roles.get().isEmpty() ? "none" : String.join(", ",
                        roles.get().stream().map(Role::name).sorted().toList())) + ")");
            } else {
                documents.add(document(event, payloadJson, workspace, sourceKey, number, credit ? side.credit : side.invoice));
            }
        }
        if (documents.isEmpty()) {
            if (unknown.size() == named.size()) {
                throw new UnknownWorkspaceException(event.id(), data.orderId(), named);
            }
            throw new PermanentFailureException(describe(event) + " can be recorded for no workspace: "
                    + String.join("; ", problems) + ". " + FixHints.CREATE_OR_GIVE_THE_ROLE);
        }
        return new Plan(List.copyOf(documents), problems.isEmpty() ? List.of()
                : List.of(describe(event) + ": the " + recordedSide(documents) + "'s side was recorded, the other"
                        + " was not: " + String.join("; ", problems) + ". " + FixHints.CREATE_OR_GIVE_THE_ROLE
                        + " The side already recorded does not change."), outside);
    }

    private static String recordedSide(List<DesiredDocument> documents) {
        return documents.get(0).xeroType().name().startsWith("ACCREC") ? "supplier" : "buyer";
    }

    private static String describe(OrderEvent event) {
        return "Event " + event.id() + " (order " + event.data().orderId() + ")";
    }

    private static String workspaceOf(OrderEvent.Party party) {
        return party == null || party.workspaceId() == null || party.workspaceId().isBlank() ? null : party.workspaceId();
    }

    private static DesiredDocument document(OrderEvent event, String payloadJson, String workspaceId, String sourceKey,
                                            String number, XeroType type) {
        OrderEvent.Snapshot data = event.data();
        return new DesiredDocument(workspaceId, sourceKey, data.orderId(), type, data.version(), event.id(),
                event.source() == null ? "" : event.source(), event.type(), number, data.currency(),
                data.totals().total(), payloadJson);
    }
}
