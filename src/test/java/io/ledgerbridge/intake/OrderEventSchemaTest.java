package io.ledgerbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The published contract (config/schemas) against the samples and the ways events go wrong. */
class OrderEventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** The production checker, which reads the schema from the classpath as the service does. */
    private static final OrderEventSchema SCHEMA = new OrderEventSchema();

    private static ObjectNode sample() throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("samples/invoice-generated.json")));
    }

    private static Set<String> errors(Object event) {
        return new HashSet<>(SCHEMA.problems(JSON.valueToTree(event)));
    }

    @Test
    void theSamplesAreValid() throws Exception {
        for (String sample : new String[] {"samples/invoice-generated.json", "samples/order-updated.json",
                "samples/credit-note-issued.json"}) {
            assertThat(errors(JSON.readTree(Files.readString(Path.of(sample))))).as(sample).isEmpty();
        }
    }

    @Test
    void moneyWithTwoDecimalsAndUnitPricesWithFourAreValid() throws Exception {
        ObjectNode event = sample();
        ((ObjectNode) event.at("/data/lines/0")).put("unitPrice", new java.math.BigDecimal("4.4995"));
        ((ObjectNode) event.at("/data/totals")).put("total", new java.math.BigDecimal("0.07"));
        assertThat(errors(event)).isEmpty();
    }

    @Test
    void moneyWithThreeDecimalsBreaksTheContract() throws Exception {
        ObjectNode event = sample();
        ((ObjectNode) event.at("/data/totals")).put("total", new java.math.BigDecimal("62.499"));
        assertThat(errors(event)).anySatisfy(message -> assertThat(message).startsWith("$.data.totals.total"));
    }

    @Test
    void aQuantityTooLargeToReadBackBreaksTheContract() throws Exception {
        // JSON allows 1e1000; stored, PostgreSQL writes it out with 1,001 digits and Jackson refuses to read it back
        ObjectNode event = sample();
        ((ObjectNode) event.at("/data/lines/0")).put("quantity", new BigDecimal("1e1000"));
        assertThat(errors(event)).anySatisfy(message -> assertThat(message).startsWith("$.data.lines[0].quantity"));
    }

    @Test
    void quantitiesPricesAndMoneyHaveUpperBounds() throws Exception {
        assertThat(errorsWith("/data/lines/0", "quantity", "1000000000.0001"))
                .anySatisfy(message -> assertThat(message).startsWith("$.data.lines[0].quantity"));
        assertThat(errorsWith("/data/lines/0", "quantity", "1000000000")).isEmpty();
        assertThat(errorsWith("/data/lines/0", "unitPrice", "10000000000"))
                .anySatisfy(message -> assertThat(message).startsWith("$.data.lines[0].unitPrice"));
        assertThat(errorsWith("/data/lines/0", "unitPrice", "9999999999.9999")).isEmpty();
        assertThat(errorsWith("/data/totals", "total", "10000000000.00"))
                .anySatisfy(message -> assertThat(message).startsWith("$.data.totals.total"));
        assertThat(errorsWith("/data/totals", "total", "9999999999.99")).isEmpty();
        assertThat(errorsWith("/data/totals", "subtotal", "-0.01"))
                .anySatisfy(message -> assertThat(message).startsWith("$.data.totals.subtotal"));
    }

    @Test
    void aPaymentAmountHasTheBoundsOfMoney() throws Exception {
        ObjectNode event = sample();
        event.put("type", "order.paid");
        ((ObjectNode) event.get("data")).set("payment",
                JSON.readTree("{\"amount\": 1e1000, \"paidOn\": \"2026-11-22\"}"));
        assertThat(errors(event)).anySatisfy(message -> assertThat(message).startsWith("$.data.payment.amount"));
    }

    private static Set<String> errorsWith(String object, String field, String value) throws Exception {
        ObjectNode event = sample();
        ((ObjectNode) event.at(object)).put(field, new BigDecimal(value));
        return errors(event);
    }

    @Test
    void anUnknownEventTypeBreaksTheContract() throws Exception {
        ObjectNode event = sample();
        event.put("type", "order.shipped");
        assertThat(errors(event)).anySatisfy(message -> assertThat(message).startsWith("$.type"));
    }

    @Test
    void aPaidEventNeedsItsPayment() throws Exception {
        ObjectNode event = sample();
        event.put("type", "order.paid");
        assertThat(errors(event)).anySatisfy(message -> assertThat(message).contains("payment"));
        ((ObjectNode) event.get("data")).set("payment",
                JSON.readTree("{\"amount\": 62.49, \"paidOn\": \"2026-11-22\", \"reference\": \"PAY-9\"}"));
        assertThat(errors(event)).isEmpty();
    }

    @Test
    void aCreditNoteNeedsItsNumber() throws Exception {
        ObjectNode event = sample();
        event.put("type", "credit_note.issued");
        assertThat(errors(event)).anySatisfy(message -> assertThat(message).contains("creditNoteNumber"));
    }

    @Test
    void anEventWithoutLinesOrVersionBreaksTheContract() throws Exception {
        ObjectNode event = sample();
        ((ObjectNode) event.get("data")).remove("version");
        ((ObjectNode) event.get("data")).putArray("lines");
        assertThat(errors(event)).contains("$.data: required property 'version' not found")
                .anySatisfy(message -> assertThat(message).startsWith("$.data.lines"));
    }
}
