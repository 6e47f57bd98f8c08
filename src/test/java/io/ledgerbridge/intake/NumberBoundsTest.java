package io.ledgerbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NumberBoundsTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void numbersOfTheContractsSizesPass() throws Exception {
        assertThat(NumberBounds.problems(JSON.readTree("""
                {"version": 9223372036854775807, "q": 1000000000, "p": -9999999999.9999, "t": 4.50000, "z": 0, "e": 1e3}
                """))).isEmpty();
    }

    @Test
    void aNumberTooLargeOrTooFinelyDividedIsNamedByItsPathWithoutBeingWrittenOut() throws Exception {
        assertThat(NumberBounds.problems(JSON.readTree("""
                {"data": {"lines": [{"quantity": 1e100000}, {"unitPrice": 1e-5000}],
                          "properties": {"odd key": 123456789012345678901}}}
                """))).containsExactly(
                "$.data.lines[0].quantity: 1E+100000 has 100,001 digits before the decimal point; LedgerBridge takes at most 20",
                "$.data.lines[1].unitPrice: 1E-5000 has 5,000 decimal places; LedgerBridge takes at most 20",
                "$.data.properties['odd key']: 123456789012345678901 has 21 digits before the decimal point;"
                        + " LedgerBridge takes at most 20");
    }

    @Test
    void aLongNumberIsShownShortened() throws Exception {
        String digits = "1".repeat(500);
        assertThat(NumberBounds.problems(JSON.readTree("{\"n\": " + digits + "}")))
                .singleElement().asString().startsWith("$.n: " + "1".repeat(30) + "… (500 characters) has 500 digits");
    }
}
