package io.ledgerbridge.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.springframework.stereotype.Component;

/**
 * Commits a consumed record's offset once its outcome is stored (recorded, or dead-lettered), so a
 * crash before that point makes Kafka deliver the record again instead of losing it.
 */
@Component("kafkaOffsets")
class KafkaOffsets {

    /**
     * Commits a whole batch (a poll's records, the list in {@code property}): per partition, the offset of
     * its last record. Records of a partition come in offset order.
     */
    @SuppressWarnings("unchecked")
    public void commitBatch(Exchange batch, String property) {
        List<Exchange> records = batch.getProperty(property, List.class);
        if (records == null) {
            return;
        }
        Map<Integer, KafkaManualCommit> lastPerPartition = new LinkedHashMap<>();
        for (Exchange record : records) {
            KafkaManualCommit manual = record.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
            if (manual != null) {
                lastPerPartition.put(record.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class), manual);
            }
        }
        lastPerPartition.values().forEach(KafkaManualCommit::commit);
    }

    /** Commits when the exchange came from a Kafka consumer with manual commits; otherwise does nothing. */
    public void commit(Exchange exchange) {
        KafkaManualCommit manual = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (manual != null) {
            manual.commit();
        }
    }
}
