package io.ledgerbridge.support;

import org.apache.camel.component.kafka.consumer.DefaultKafkaManualAsyncCommitFactory;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Offsets are committed asynchronously, on the consumer's next poll: intake is idempotent per event
 * id, so a record redelivered after a crash changes nothing, and no record waits on a broker round trip.
 */
@Configuration
class KafkaCommitConfiguration {

    @Bean
    KafkaManualCommitFactory kafkaAsyncCommits() {
        return new DefaultKafkaManualAsyncCommitFactory();
    }
}
