package io.ledgerbridge.intake;

import io.ledgerbridge.intake.OrderIntake.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The order-intake route's side of {@link OrderIntake}: the Kafka consumer hands over a poll's records as
 * one exchange whose body is the list of the records' exchanges. Records them in one go, and gives back the
 * records that need a dead letter, each with its reason: those rejected, and those recorded for one side only.
 */
@Component("intakeBatch")
public class IntakeBatch {

    /** The exchange property holding the batch's record exchanges, for the offset commit at the end. */
    public static final String RECORDS = "LedgerBridgeIntakeRecords";

    private static final Logger log = LoggerFactory.getLogger(IntakeBatch.class);

    private final OrderIntake intake;

    public IntakeBatch(OrderIntake intake) {
        this.intake = intake;
    }

    /** @return the rejected records' exchanges, each carrying its failure as {@link Exchange#EXCEPTION_CAUGHT} */
    public List<Exchange> record(Exchange batch) {
        List<Exchange> records = records(batch);
        batch.setProperty(RECORDS, records);
        long started = System.nanoTime();
        List<Outcome> outcomes = intake.recordAll(records.stream()
                .map(record -> record.getMessage().getBody(String.class)).toList());
        List<Exchange> rejected = new ArrayList<>();
        int recorded = 0;
        int unchanged = 0;
        int outside = 0;
        int oneSide = 0;
        for (int i = 0; i < records.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (!outcome.isRejected()) {
                recorded += outcome.result().recorded();
                unchanged += outcome.result().replayed() + outcome.result().stale();
                outside += outcome.result().outside();
            }
            if (outcome.deadLetter() != null) {
                // the whole event, or (recorded for the other) the side it named a workspace that cannot take
                oneSide += outcome.isRejected() ? 0 : 1;
                records.get(i).setProperty(Exchange.EXCEPTION_CAUGHT, outcome.deadLetter());
                rejected.add(records.get(i));
            }
        }
        log.info("{} order event(s) in {} ms: {} document(s) recorded, {} replayed or not newer, {} {} outside LedgerBridge"
                        + " (no workspaceId), {} event(s) to the dead letter ({} for one side only)",
                records.size(), (System.nanoTime() - started) / 1_000_000, recorded, unchanged, outside,
                outside == 1 ? "party" : "parties", rejected.size(), oneSide);
        return rejected;
    }

    /** Inside the split over {@link #record}'s answer: the exchange becomes the rejected record, failure included. */
    public void asDeadLetter(Exchange exchange) {
        Exchange record = exchange.getMessage().getBody(Exchange.class);
        // a copy: the dead letter removes Kafka headers, and the batch's offset commit still reads the record's own
        exchange.getMessage().getHeaders().putAll(record.getMessage().getHeaders());
        exchange.getMessage().setBody(record.getMessage().getBody(String.class));
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, record.getProperty(Exchange.EXCEPTION_CAUGHT));
    }

    @SuppressWarnings("unchecked")
    static List<Exchange> records(Exchange batch) {
        Object body = batch.getMessage().getBody();
        if (body instanceof List<?> list) {
            return (List<Exchange>) list;
        }
        throw new IllegalArgumentException("order-intake expects a batch (a list of record exchanges), got "
                + (body == null ? "nothing" : body.getClass().getName()));
    }
}
