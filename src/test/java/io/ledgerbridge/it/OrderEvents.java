package io.ledgerbridge.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Order events built from the samples (invoice-generated, credit-note-issued), with fresh ids so tests never collide. */
final class OrderEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrderEvents() {
    }

    static ObjectNode invoice(String supplierWorkspace, String buyerWorkspace, String orderId, int version) {
        return fromSample("samples/invoice-generated.json", supplierWorkspace, buyerWorkspace, orderId, version);
    }

    /** A credit_note.issued for the order: 2 × 4.50 GST-free apples and 15.00 delivery with GST back, 25.50. */
    static ObjectNode creditNote(String supplierWorkspace, String buyerWorkspace, String orderId, int version,
                                 String creditNoteNumber) {
        ObjectNode event = fromSample("samples/credit-note-issued.json", supplierWorkspace, buyerWorkspace, orderId, version);
        ((ObjectNode) event.get("data")).put("creditNoteNumber", creditNoteNumber);
        return event;
    }

    private static ObjectNode fromSample(String sample, String supplierWorkspace, String buyerWorkspace, String orderId,
                                         int version) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(Path.of(sample)));
            event.put("id", "evt-" + UUID.randomUUID());
            event.put("subject", orderId);
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("orderId", orderId);
            data.put("version", version);
            ((ObjectNode) data.get("supplier")).put("workspaceId", supplierWorkspace);
            ((ObjectNode) data.get("buyer")).put("workspaceId", buyerWorkspace);
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode payment(String amount, String paidOn, String reference) {
        ObjectNode payment = JSON.createObjectNode();
        payment.put("amount", new BigDecimal(amount)).put("paidOn", paidOn).put("reference", reference);
        return payment;
    }

    /** The total, and the subtotal that keeps subtotal + tax = total (intake checks it); the lines are the caller's. */
    static ObjectNode withTotal(ObjectNode event, String total) {
        ObjectNode totals = (ObjectNode) event.get("data").get("totals");
        totals.put("total", new BigDecimal(total)).put("subtotal", new BigDecimal(total).subtract(totals.get("tax").decimalValue()));
        return event;
    }

    /**
     * An invoice whose first line (10 apples) is priced so that the lines and totals come to {@code total}: the
     * other lines make 15.90 and the tax 1.59, so the total must be more than 17.49.
     */
    static ObjectNode pricedAt(ObjectNode event, String total) {
        BigDecimal apples = new BigDecimal(total).subtract(new BigDecimal("17.49"));
        ((ObjectNode) event.at("/data/lines/0")).put("quantity", 10).put("unitPrice", apples.divide(BigDecimal.TEN));
        return withTotal(event, total);
    }
}
