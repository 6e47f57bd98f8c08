package io.ledgerbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerbridge.intake.DesiredDocument.XeroType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DocumentPlannerTest {

    private static OrderEvent event(String type, String supplier, String buyer) {
        return new OrderEvent("1.0", "evt-1", "/ordering/orders", type, "ord-1", null,
                new OrderEvent.Snapshot("ord-1", 3, "INV-1", "CN-1", "AUD",
                        new OrderEvent.Party(supplier, "Fresh Produce Co"), new OrderEvent.Party(buyer, "Harbour Cafe"),
                        new OrderEvent.Totals(new BigDecimal("60.90"), new BigDecimal("1.59"), new BigDecimal("62.49")),
                        List.of()));
    }

    @Test
    void invoiceReachesTheSupplierAsSalesInvoiceAndTheVenueAsBill() {
        List<DesiredDocument> planned = DocumentPlanner.plan(event("invoice.generated", "ws-s", "ws-v"), "{}",
                Set.of("ws-s", "ws-v")::contains);

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
                Set.of("ws-s", "ws-v")::contains);

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
                Set.of("ws-s")::contains);

        assertThat(planned).singleElement().extracting(DesiredDocument::workspaceId).isEqualTo("ws-s");
    }

    @Test
    void anEventNamingNoKnownWorkspaceIsRejectedWithTheNamesItCarried() {
        assertThatThrownBy(() -> DocumentPlanner.plan(event("invoice.generated", "ws-x", "ws-y"), "{}", id -> false))
                .isInstanceOf(UnknownWorkspaceException.class)
                .hasMessageContaining("workspace 'ws-x' and workspace 'ws-y'")
                .hasMessageContaining("PUT /api/v1/workspaces/{id}");
    }

    @Test
    void anEventWithoutWorkspaceIdsSaysWhichFieldsToSet() {
        assertThatThrownBy(() -> DocumentPlanner.plan(event("invoice.generated", null, " "), "{}", id -> true))
                .isInstanceOf(UnknownWorkspaceException.class)
                .hasMessageContaining("names no workspace: set data.supplier.workspaceId or data.buyer.workspaceId");
    }
}
