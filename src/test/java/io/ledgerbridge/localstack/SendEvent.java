package io.ledgerbridge.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends order events from files to orders.events, keyed by the supplier's workspace id as the platform
 * does; a file that is not JSON is sent as it is (to see the dead letter). Used by bin/send-event.
 * Broker: -Dkafka.brokers or KAFKA_BROKERS, default localhost:9092.
 */
public final class SendEvent {

    private SendEvent() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bin/send-event FILE [FILE ...]   (e.g. samples/invoice-generated.json)");
            System.exit(2);
        }
        String brokers = System.getProperty("kafka.brokers",
                System.getenv().getOrDefault("KAFKA_BROKERS", "localhost:9092"));
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String file : args) {
                String event = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                String key = keyOf(json, event);
                RecordMetadata sent = producer.send(new ProducerRecord<>("orders.events", key, event)).get();
                System.out.printf("sent %s to %s-%d@%d (key %s)%n", file, sent.topic(), sent.partition(), sent.offset(), key);
            }
        }
    }

    private static String keyOf(ObjectMapper json, String event) {
        try {
            JsonNode workspace = json.readTree(event).path("data").path("supplier").path("workspaceId");
            return workspace.isTextual() ? workspace.asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
