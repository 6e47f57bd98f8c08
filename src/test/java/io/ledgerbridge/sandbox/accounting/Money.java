package io.ledgerbridge.sandbox.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal arithmetic as Xero rounds it (FACTS §12): amounts and tax at 2 dp, tax rounded per line,
 * quantities at 4 dp, unit amounts at 2 dp (4 with unitdp=4). Halves round away from zero.
 */
final class Money {

    static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    static final BigDecimal ZERO = new BigDecimal("0.00");
    static final BigDecimal HUNDRED = new BigDecimal("100");

    private Money() {
    }

    static BigDecimal amount(BigDecimal value) {
        return value.setScale(2, ROUNDING);
    }

    static BigDecimal quantity(BigDecimal value) {
        return value.setScale(4, ROUNDING);
    }

    static BigDecimal unit(BigDecimal value, int unitdp) {
        return value.setScale(unitdp == 4 ? 4 : 2, ROUNDING);
    }

    static BigDecimal rate(BigDecimal value) {
        return value.setScale(4, ROUNDING);
    }

    static boolean isZero(BigDecimal value) {
        return value == null || value.signum() == 0;
    }
}
