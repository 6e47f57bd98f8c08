package io.ledgerbridge.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/** An order event of the orders.events topic: a CloudEvents 1.0 envelope around a document snapshot. */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderEvent(String specversion, String id, String source, String type, String subject, String time,
                         Snapshot data) {

    public static final String CREDIT_NOTE_ISSUED = "credit_note.issued";

    public boolean isCreditNote() {
        return CREDIT_NOTE_ISSUED.equals(type);
    }

    /** The parts of the snapshot that intake needs; the whole snapshot is stored as it came. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Snapshot(String orderId, long version, String invoiceNumber, String creditNoteNumber,
                           String currency, Party supplier, Party buyer, Totals totals, List<JsonNode> lines) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String workspaceId, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Totals(BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
    }
}
