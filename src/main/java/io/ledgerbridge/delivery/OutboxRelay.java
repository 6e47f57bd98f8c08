package io.ledgerbridge.delivery;

import io.ledgerbridge.support.KafkaRecords;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The sync-status route's side of the {@link Outbox}: takes what waits to be published, hands the route one Kafka
 * record per row (state changes as the body, dead letters in a property), and deletes the rows once Kafka took them.
 * A failed publish makes the rows due again after {@link #RETRY_SECONDS}; a relay that died with rows taken leaves them
 * for {@link #LEASE_SECONDS}; either way the next relay publishes them again.
 */
@Component("outboxRelay")
class OutboxRelay {

    /** Exchange property: the dead letters among the rows taken, as Kafka records. */
    public static final String DEAD_LETTERS = "LedgerBridgeDeadLetters";
    /** Exchange property: the ids of the rows taken. */
    public static final String TAKEN = "LedgerBridgeOutboxRows";
    static final int LEASE_SECONDS = 30;
    static final int RETRY_SECONDS = 2;
    private static final int BATCH = 500;

    private final Outbox outbox;

    public OutboxRelay(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * What to publish: the rows a pass wrote and hands over (the body, a list of {@link Outbox.Row}), or else what
     * waits in the outbox unheld (the sweep). The body becomes the state changes (possibly none),
     * {@link #DEAD_LETTERS} the dead letters, {@link #TAKEN} the rows' ids (empty: nothing to publish).
     */
    public void take(Exchange exchange) {
        List<Outbox.Row> rows = handedOver(exchange.getMessage().getBody());
        if (rows == null) {
            rows = outbox.take(BATCH, LEASE_SECONDS);
        }
        List<Message> status = new ArrayList<>();
        List<Message> dead = new ArrayList<>();
        for (Outbox.Row row : rows) {
            Message message = KafkaRecords.keyed(exchange.getContext(), row.key(), row.payload());
            (row.topic() == Outbox.Topic.SYNC_STATUS ? status : dead).add(message);
        }
        exchange.getMessage().setBody(status);
        exchange.setProperty(DEAD_LETTERS, dead);
        exchange.setProperty(TAKEN, rows.stream().map(Outbox.Row::id).toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Outbox.Row> handedOver(Object body) {
        if (body instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Outbox.Row) {
            return (List<Outbox.Row>) list;
        }
        return null;
    }

    /** Kafka refused the records: the rows go again in a few seconds (a crash instead leaves them for the lease). */
    @SuppressWarnings("unchecked")
    public void failed(Exchange exchange) {
        outbox.retryIn(exchange.getProperty(TAKEN, List.class), RETRY_SECONDS);
    }

    /** Kafka took every record of the exchange: the rows are done. */
    @SuppressWarnings("unchecked")
    public void published(Exchange exchange) {
        outbox.published(exchange.getProperty(TAKEN, List.class));
    }
}
