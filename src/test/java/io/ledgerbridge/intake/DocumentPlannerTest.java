package io.ledgerbridge.intake;

import io.ledgerbridge.delivery.DesiredDocument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerbridge.delivery.DesiredDocument.XeroType;
import java.math.BigDecimal;
import io.ledgerbridge.support.PermanentFailureException;
import io.ledgerbridge.workspace.Workspace.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DocumentPlannerTest {

    private static OrderEvent event(String type, String supplier, String buyer) {
        return new OrderEvent("1.0", "evt-1", "/ordering/orders", type, "ord-1", null,
                new OrderEvent.Snapshot("ord-1", 3, "INV-1", "CN-1", "AUD",
                        new OrderEvent.Party(supplier, "Fresh Produce Co"), new OrderEvent.Party(buyer, "Harbour Cafe"),
                        new OrderEvent.Totals(new BigDecimal("60.90"), new BigDecimal("1.59"), new BigDecimal("62.49")),
                        List.of()));
    }

    /** ws-s is a supplier, ws-v a venue; any other workspace is unknown. */
    private static Optional<Set<Role>> roles(String workspace) {
        return Optional.ofNullable(Map.of("ws-s", Set.of(Role.SUPPLIER), "ws-v", Set.of(Role.VENUE)).get(workspace));
    }

    private static Function<String, Optional<Set<Role>>> only(String... known) {
        Set<String> names = Set.of(known);
        return workspace -> names.contains(workspace) ? roles(workspace) : Optional.empty();
    }

    @Test
    void invoiceReachesTheSupplierAsSalesInvoiceAndTheVenueAsBill() {
        List<DesiredDocument> planned = DocumentPlanner.plan(event("invoice.generated", "ws-s", "ws-v"), "{}",
                DocumentPlannerTest::roles).documents();

        assertThat(planned).extracting(DesiredDocument::workspaceId, DesiredDocument::xeroType, DesiredDocument::sourceKey,
                        DesiredDocument::number)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ws-s", XeroType.ACCREC, "ord-1", "INV-1"),
                        org.assertj.core.groups.Tuple.tuple("ws-v", XeroType.ACCPAY, "ord-1", "INV-1"));
        assertThat(planned.get(0).total()).isEqualByComparingTo("62.49");
        assertThat(planned.get(0).version()).isEqualTo(3);
    }

    @Test
    void creditNoteIsItsOwnDocumentKeyedByItsNumber() {
        List<DesiredDocument> planned = DocumentPlanner.plan(event("credit_note.issued", "ws-s", "ws-v"), "{}",
                DocumentPlannerTest::roles).documents();

        assertThat(planned).extracting(DesiredDocument::xeroType)
                .containsExactly(XeroType.ACCRECCREDIT, XeroType.ACCPAYCREDIT);
        assertThat(planned).allSatisfy(document -> {
            assertThat(document.sourceKey()).isEqualTo("ord-1/CN-1");
            assertThat(document.number()).isEqualTo("CN-1");
        });
    }

    @Test
    void onlyKnownWorkspacesGetADocument() {
        List<DesiredDocument> planned = DocumentPlanner.plan(event("invoice.generated", "ws-s", "ws-elsewhere"), "{}",
                only("ws-s")).documents();

        assertThat(planned).singleElement().extracting(DesiredDocument::workspaceId).isEqualTo("ws-s");
    }

    @Test
    void anEventNamingNoKnownWorkspaceIsRejectedWithTheNamesItCarried() {
        assertThatThrownBy(() -> DocumentPlanner.plan(event("invoice.generated", "ws-x", "ws-y"), "{}", only()))
                .isInstanceOf(UnknownWorkspaceException.class)
                .hasMessageContaining("workspace 'ws-x' and workspace 'ws-y'")
                .hasMessageContaining("PUT /api/v1/workspaces/{id}");
    }

    @Test
    void anEventWithoutWorkspaceIdsSaysWhichFieldsToSet() {
        assertThatThrownBy(() -> DocumentPlanner.plan(event("invoice.generated", null, " "), "{}", DocumentPlannerTest::roles))
                .isInstanceOf(UnknownWorkspaceException.class)
                .hasMessageContaining("names no workspace: set data.supplier.workspaceId or data.buyer.workspaceId");
    }

    @Test
    void aPartyWithoutAWorkspaceIsOutsideLedgerBridgeAndTheOtherSideGoes() {
        DocumentPlanner.Plan plan = DocumentPlanner.plan(event("invoice.generated", "ws-s", null), "{}",
                DocumentPlannerTest::roles);

        assertThat(plan.documents()).singleElement().extracting(DesiredDocument::xeroType).isEqualTo(XeroType.ACCREC);
        assertThat(plan.outside()).isEqualTo(1);
        assertThat(plan.unrecorded()).isEmpty();
    }

    @Test
    void aSideNamingAWorkspaceThatCannotTakeItGetsAReasonAndTheOtherSideGoes() {
        DocumentPlanner.Plan plan = DocumentPlanner.plan(event("invoice.generated", "ws-v", "ws-v2"), "{}",
                workspace -> workspace.equals("ws-v2") ? Optional.of(Set.of(Role.VENUE)) : roles(workspace));

        assertThat(plan.documents()).singleElement().satisfies(document -> {
            assertThat(document.workspaceId()).isEqualTo("ws-v2");
            assertThat(document.xeroType()).isEqualTo(XeroType.ACCPAY);
        });
        assertThat(plan.unrecorded()).singleElement().asString()
                .startsWith("Event evt-1 (order ord-1): the buyer's side was recorded, the other was not:"
                        + " workspace 'ws-v' is named as the supplier but has no SUPPLIER role (its roles: VENUE).")
                .contains("PUT /api/v1/workspaces/{id}");
    }

    @Test
    void anEventNoSideOfWhichCanBeRecordedIsRejectedWithEachSidesReason() {
        assertThatThrownBy(() -> DocumentPlanner.plan(event("invoice.generated", "ws-v", "ws-nobody"), "{}",
                DocumentPlannerTest::roles))
                .isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("can be recorded for no workspace: workspace 'ws-v' is named as the supplier but has"
                        + " no SUPPLIER role (its roles: VENUE); workspace 'ws-nobody' is named as the buyer, and"
                        + " LedgerBridge knows no workspace of that name.");
    }

    @Test
    void aWorkspaceCannotInvoiceItself() {
        assertThatThrownBy(() -> DocumentPlanner.plan(event("invoice.generated", "ws-s", "ws-s"), "{}",
                workspace -> Optional.of(Set.of(Role.SUPPLIER, Role.VENUE))))
                .isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("names workspace 'ws-s' as both the supplier and the buyer: an organisation"
                        + " cannot invoice itself");
    }

    @Test
    void theEventsSourceTravelsWithEachDocument() {
        assertThat(DocumentPlanner.plan(event("invoice.generated", "ws-s", "ws-v"), "{}", DocumentPlannerTest::roles)
                .documents()).extracting(DesiredDocument::eventSource).containsOnly("/ordering/orders");
    }
}
