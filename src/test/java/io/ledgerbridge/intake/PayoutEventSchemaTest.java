package io.ledgerbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** payout.settled (F24) in the published contract: its own data, none of an order's fields, and its rules. */
class PayoutEventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final OrderEventSchema SCHEMA = new OrderEventSchema();

    private static ObjectNode sample() throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("samples/payout-settled.json")));
    }

    private static List<String> errors(ObjectNode event) {
        return SCHEMA.problems(event);
    }

    @Test
    void theSampleIsValidWithoutAnyOrderField() throws Exception {
        assertThat(errors(sample())).isEmpty();
        assertThat(PayoutRules.problems(sample().get("data"))).isEmpty();
    }

    @Test
    void aPayoutWithoutPaymentsBreaksTheContract() throws Exception {
        ObjectNode event = sample();
        ((ObjectNode) event.get("data")).putArray("payments");
        assertThat(errors(event)).anySatisfy(message -> assertThat(message).startsWith("$.data.payments"));
        ((ObjectNode) event.get("data")).remove("payments");
        assertThat(errors(event)).anySatisfy(message -> assertThat(message).contains("payments"));
    }

    @Test
    void aNegativeOrZeroOrThreeDecimalAmountBreaksTheContract() throws Exception {
        for (String amount : new String[] {"-5.00", "0", "1.005"}) {
            ObjectNode event = sample();
            ((ObjectNode) event.at("/data/payments/0")).put("amount", new BigDecimal(amount));
            assertThat(errors(event)).as(amount)
                    .anySatisfy(message -> assertThat(message).startsWith("$.data.payments[0].amount"));
        }
    }

    @Test
    void aPayoutWithOrderFieldsOrWithoutItsOwnBreaksTheContract() throws Exception {
        ObjectNode event = sample();
        ((ObjectNode) event.get("data")).put("version", 1);
        ((ObjectNode) event.get("data")).remove("paidOn");
        assertThat(errors(event)).anySatisfy(message -> assertThat(message).contains("version"))
                .anySatisfy(message -> assertThat(message).contains("paidOn"));
    }

    @Test
    void anOrderEventStillNeedsItsOrderFields() throws Exception {
        ObjectNode event = sample();
        event.put("type", "invoice.generated");
        assertThat(errors(event)).anySatisfy(message -> assertThat(message).contains("lines"));
    }

    @Test
    void anOrderPaidTwiceInOnePayoutOrAnotherCurrencyIsRefused() throws Exception {
        ObjectNode event = sample();
        ArrayNode payments = (ArrayNode) event.at("/data/payments");
        ((ObjectNode) payments.get(1)).put("orderId", "ord-demo-1001");
        assertThat(errors(event)).isEmpty();
        assertThat(PayoutRules.problems(event.get("data"))).singleElement()
                .satisfies(message -> assertThat(message).contains("paid twice"));
        assertThat(PayoutRules.currencyProblems(sample().get("data"), Map.of("ord-demo-1002", "NZD"))).singleElement()
                .satisfies(message -> assertThat(message).contains("invoiced in NZD, the payout is in AUD"));
    }
}
