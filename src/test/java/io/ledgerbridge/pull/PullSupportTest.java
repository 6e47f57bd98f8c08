package io.ledgerbridge.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Records read by id: Invoices and Contacts take Xero's IDs filter; credit notes, which have none, a where. */
class PullSupportTest {

    private static final UUID A = UUID.fromString("7d1c2b1e-0000-4000-8000-000000000001");
    private static final UUID B = UUID.fromString("7d1c2b1e-0000-4000-8000-000000000002");

    @Test
    void invoicesAndContactsAreReadByTheirIds() {
        assertThat(PullSupport.idsQuery("/Invoices", List.of(A, B))).isEqualTo("IDs=" + A + "," + B);
        assertThat(PullSupport.idsQuery("/Contacts", List.of(A))).isEqualTo("IDs=" + A);
    }

    @Test
    void creditNotesAreReadByAWhereOfTheirIdsForXeroHasNoIdsFilterForThem() {
        assertThat(PullSupport.idsQuery("/CreditNotes", List.of(A, B))).isEqualTo("where=CreditNoteID%3D%3Dguid%28%22" + A
                + "%22%29%20OR%20CreditNoteID%3D%3Dguid%28%22" + B + "%22%29");
    }
}
