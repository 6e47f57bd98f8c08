package io.ledgerbridge.support;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.springframework.stereotype.Component;

/**
 * Commits a consumed record's offset once its outcome is stored (recorded, or dead-lettered), so a
 * crash before that point makes Kafka deliver the record again instead of losing it.
 */
@Component("kafkaOffsets")
public class KafkaOffsets {

    /** Commits when the exchange came from a Kafka consumer with manual commits; otherwise does nothing. */
    public void commit(Exchange exchange) {
        KafkaManualCommit manual = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (manual != null) {
            manual.commit();
        }
    }
}
