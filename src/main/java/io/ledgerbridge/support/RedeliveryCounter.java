package io.ledgerbridge.support;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Remembers how many times an exchange has been tried, on the exchange itself: the dead letter channel
 * restores the original message (and so drops the redelivery headers) before the dead letter sees it.
 */
@Component("redeliveryCounter")
public class RedeliveryCounter implements Processor {

    /** Exchange property holding the number of attempts made so far. */
    public static final String ATTEMPTS = "LedgerBridgeAttempts";

    @Override
    public void process(Exchange exchange) {
        int redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        exchange.setProperty(ATTEMPTS, redeliveries + 1);
    }

    /** Attempts made for this exchange: 1 when it was never redelivered. */
    public static int attempts(Exchange exchange) {
        return exchange.getProperty(ATTEMPTS, 1, Integer.class);
    }
}
