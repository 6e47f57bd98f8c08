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

    @Test
    void decimalPlacesAndLimitsAreNamedExactly() throws Exception {
        assertThat(errorsWith("/data/lines/0", "unitPrice", "1.23456"))
                .contains("$.data.lines[0].unitPrice: 1.23456 has more than 4 decimal places");
        assertThat(errorsWith("/data/totals", "total", "62.499"))
                .contains("$.data.totals.total: 62.499 has more than 2 decimal places");
        assertThat(errorsWith("/data/lines/0", "quantity", "1000000000.5"))
                .contains("$.data.lines[0].quantity: 1000000000.5 is more than 1000000000, the largest allowed");
        assertThat(errorsWith("/data/totals", "total", "10000000000.00"))
                .contains("$.data.totals.total: 10000000000 is more than 9999999999.99, the largest allowed");
    }

    @Test
    void quantitiesArePositiveAndPricesHaveTheSignOfTheirKind() throws Exception {
        assertThat(errorsWith("/data/lines/0", "quantity", "0")).contains("$.data.lines[0].quantity: 0 must be more than 0");
        assertThat(errorsWith("/data/lines/0", "quantity", "-1")).contains("$.data.lines[0].quantity: -1 must be more than 0");
        assertThat(errorsWith("/data/lines/1", "unitPrice", "-15.00"))
                .contains("$.data.lines[1].unitPrice: -15 is less than 0, the smallest allowed on a FREIGHT line");
        assertThat(errorsWith("/data/lines/0", "unitPrice", "0")).as("a free product").isEmpty();

        ObjectNode discounted = sample();
        ((ObjectNode) discounted.at("/data/lines/2")).put("kind", "DISCOUNT").put("unitPrice", new BigDecimal("0.90"));
        assertThat(errors(discounted))
                .contains("$.data.lines[2].unitPrice: 0.9 is more than 0, the largest allowed on a DISCOUNT line");
        ((ObjectNode) discounted.at("/data/lines/2")).put("unitPrice", new BigDecimal("-0.90"));
        assertThat(errors(discounted)).isEmpty();
    }

    @Test
    void aPaymentIsOfMoreThanNothing() throws Exception {
        ObjectNode event = sample();
        event.put("type", "order.paid");
        ((ObjectNode) event.get("data")).set("payment", JSON.readTree("{\"amount\": 0, \"paidOn\": \"2026-11-22\"}"));
        assertThat(errors(event)).contains("$.data.payment.amount: 0 must be more than 0");
    }

    @Test
    void aMisspeltFieldInsideTheDataBreaksTheContractButTheEnvelopeTakesExtensions() throws Exception {
        ObjectNode event = sample();
        event.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").put("partitionkey", "demo");
        assertThat(errors(event)).as("CloudEvents extension attributes").isEmpty();

        ((ObjectNode) event.get("data")).put("dueDte", "2026-12-05");
        ((ObjectNode) event.at("/data/lines/0")).put("quantiy", 10);
        ((ObjectNode) event.at("/data/buyer")).put("emial", "finance@demo-venue.example");
        ((ObjectNode) event.at("/data/buyer/billingAddress")).put("postcode", "2000");
        ((ObjectNode) event.at("/data/totals")).put("totl", 62.49);
        assertThat(errors(event)).hasSize(5).allSatisfy(message -> assertThat(message).contains("is not defined in the schema"))
                .anySatisfy(message -> assertThat(message).startsWith("$.data: property 'dueDte'"))
                .anySatisfy(message -> assertThat(message).startsWith("$.data.lines[0]: property 'quantiy'"))
                .anySatisfy(message -> assertThat(message).startsWith("$.data.buyer: property 'emial'"))
                .anySatisfy(message -> assertThat(message).startsWith("$.data.buyer.billingAddress: property 'postcode'"))
                .anySatisfy(message -> assertThat(message).startsWith("$.data.totals: property 'totl'"));
    }

    @Test
    void textsHaveTheLengthsXeroTakes() throws Exception {
        ObjectNode event = sample();
        ObjectNode data = (ObjectNode) event.get("data");
        event.put("source", "/" + "s".repeat(500));
        data.put("notes", "n".repeat(4001));
        ((ObjectNode) event.at("/data/lines/0")).put("lineId", "l".repeat(101)).put("productId", "p".repeat(101))
                .put("taxCode", "t".repeat(51));
        ObjectNode address = (ObjectNode) event.at("/data/buyer/billingAddress");
        ((com.fasterxml.jackson.databind.node.ArrayNode) address.get("lines")).set(0, JSON.getNodeFactory().textNode("a".repeat(501)));
        address.put("city", "c".repeat(256)).put("region", "r".repeat(256)).put("postalCode", "9".repeat(51))
                .put("country", "k".repeat(51));
        ObjectNode properties = (ObjectNode) event.at("/data/properties");
        properties.put("xero_" + "K".repeat(96), "v").put("xero_Region", "v".repeat(101));

        assertThat(errors(event)).contains(
                "$.source: must be at most 500 characters long",
                "$.data.notes: must be at most 4,000 characters long",
                "$.data.lines[0].lineId: must be at most 100 characters long",
                "$.data.lines[0].productId: must be at most 100 characters long",
                "$.data.lines[0].taxCode: must be at most 50 characters long",
                "$.data.buyer.billingAddress.lines[0]: must be at most 500 characters long",
                "$.data.buyer.billingAddress.city: must be at most 255 characters long",
                "$.data.buyer.billingAddress.region: must be at most 255 characters long",
                "$.data.buyer.billingAddress.postalCode: must be at most 50 characters long",
                "$.data.buyer.billingAddress.country: must be at most 50 characters long",
                "$.data.properties.xero_Region: must be at most 100 characters long")
                .anySatisfy(message -> assertThat(message).startsWith("$.data.properties: property 'xero_KKK")
                        .endsWith("name is not valid: must be at most 100 characters long"));

        ObjectNode many = sample();
        ObjectNode lineProperties = (ObjectNode) many.at("/data/lines/0/properties");
        for (int i = 0; i < 20; i++) {
            lineProperties.put("xero_Category" + i, "v");
        }
        assertThat(errors(many)).contains("$.data.lines[0].properties: must have at most 20 properties");
    }

    @Test
    void aDateThatIsNoDateBreaksTheContract() throws Exception {
        ObjectNode event = sample();
        ((ObjectNode) event.get("data")).put("issueDate", "2026-13-45");
        assertThat(errors(event)).anySatisfy(message -> assertThat(message).startsWith("$.data.issueDate"));
    }
}
