package io.ledgerbridge.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import io.ledgerbridge.support.RedeliveryCounter;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores a failed message with its reason, route and attempt count, and turns the exchange into the
 * dead letter published on xero.sync.dlq (keyed by workspace). Works on the whole exchange: the
 * failure, the redelivery count and the consumer's headers all live there.
 * <p>
 * A consumed record has one dead letter however often it is tried: its row is found again by the record's
 * topic, partition, offset and timestamp. A dead letter larger than {@code ledgerbridge.dead-letters.max-message-bytes}
 * (Kafka takes 1 MB per request) is published without the original message, which stays in its row.
 */
@Component("deadLetterRecorder")
public class DeadLetterRecorder {

    /** Set by a flow that knows which workspace a message belongs to. */
    public static final String WORKSPACE_HEADER = "LedgerBridgeWorkspaceId";
    static final String UNKNOWN_WORKSPACE = "unknown";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecorder.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final int maxMessageBytes;

    public DeadLetterRecorder(JdbcClient jdbc, ObjectMapper json, DeadLetterSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.maxMessageBytes = settings.maxMessageBytes();
    }

    public void record(Exchange exchange) throws JsonProcessingException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int attempts = RedeliveryCounter.attempts(exchange);
        String routeId = exchange.getProperty(Exchange.FAILURE_ROUTE_ID, exchange.getFromRouteId(), String.class);
        String original = exchange.getMessage().getBody(String.class);
        String workspaceId = workspaceOf(exchange, original);
        String reason = FailureReasons.describe(failure, attempts);

        Map<String, Object> source = new LinkedHashMap<>();
        source.put("topic", exchange.getMessage().getHeader(KafkaConstants.TOPIC));
        source.put("partition", exchange.getMessage().getHeader(KafkaConstants.PARTITION));
        source.put("offset", exchange.getMessage().getHeader(KafkaConstants.OFFSET));
        source.put("key", exchange.getMessage().getHeader(KafkaConstants.KEY));

        Map<String, Object> letter = store(workspaceId, routeId == null ? UNKNOWN_WORKSPACE : routeId, reason,
                failure == null ? null : failure.getClass().getName(), attempts, original, source, sourceRef(exchange));

        exchange.getMessage().removeHeaders("kafka.(TOPIC|PARTITION|OFFSET|TIMESTAMP|HEADERS|LAST_RECORD_BEFORE_COMMIT|LAST_POLL_RECORD)");
        exchange.getMessage().setHeader(KafkaConstants.KEY, workspaceId);
        exchange.getMessage().setBody(publishable(letter, original));
    }

    /**
     * The dead letter as published: whole when it fits in max-message-bytes, else without the original message,
     * saying how large it was and which row holds it. Anything larger is refused by Kafka, and the dead letter
     * would be tried again forever.
     */
    private String publishable(Map<String, Object> letter, String original) throws JsonProcessingException {
        String whole = json.writeValueAsString(letter);
        if (whole.getBytes(StandardCharsets.UTF_8).length <= maxMessageBytes) {
            return whole;
        }
        int originalBytes = original == null ? 0 : original.getBytes(StandardCharsets.UTF_8).length;
        letter.put("originalMessage", null);
        letter.put("originalMessageOmitted", true);
        letter.put("originalMessageBytes", originalBytes);
        letter.put("originalMessageReference", "dead_letters row " + letter.get("deadLetterId")
                + " (column original_message): the message was too large to publish with its dead letter");
        log.warn("Dead letter {} is published without its original message of {} bytes (over {} bytes in all)",
                letter.get("deadLetterId"), originalBytes, maxMessageBytes);
        return json.writeValueAsString(letter);
    }

    /**
     * Which consumed record this is: topic/partition/offset@timestamp, the same on every try of the record. The
     * timestamp tells a recreated topic's offsets from the old ones. Null for a message not consumed from Kafka.
     */
    static String sourceRef(Exchange exchange) {
        Object topic = exchange.getMessage().getHeader(KafkaConstants.TOPIC);
        Object partition = exchange.getMessage().getHeader(KafkaConstants.PARTITION);
        Object offset = exchange.getMessage().getHeader(KafkaConstants.OFFSET);
        if (topic == null || partition == null || offset == null) {
            return null;
        }
        Object timestamp = exchange.getMessage().getHeader(KafkaConstants.TIMESTAMP);
        return topic + "/" + partition + "/" + offset + (timestamp == null ? "" : "@" + timestamp);
    }

    /**
     * A document that failed for good (validation, ambiguous contact ...), stored within the caller's transaction (the
     * one that records the failure): {@code statusRecord} is its xero.sync.status record. Returns the dead letter to
     * publish on xero.sync.dlq, as {@link #record} does for messages.
     */
    public String documentFailure(String workspaceId, java.util.UUID documentId, String orderId, String reason,
                                  String statusRecord) throws JsonProcessingException {
        Map<String, Object> letter = store(workspaceId, "xero-lane", FailureReasons.bounded(reason), null, 1, statusRecord,
                Map.of());
        letter.put("documentId", documentId == null ? null : documentId.toString());
        letter.put("orderId", orderId);
        return json.writeValueAsString(letter);
    }

    /**
     * A platform payout that failed (F24), stored within the caller's transaction (the one that records the payout
     * FAILED): {@code originalMessage} is the payout as the platform sent it, {@code attempts} the batch payments
     * LedgerBridge sent for it. Returns the dead letter to publish on xero.sync.dlq, as {@link #record} does for messages.
     */
    public String payoutFailure(String workspaceId, String payoutId, String eventId, String reason, int attempts,
                                String originalMessage) throws JsonProcessingException {
        Map<String, Object> letter = store(workspaceId, "payouts", FailureReasons.bounded(reason), null, attempts,
                originalMessage, Map.of("eventId", eventId));
        letter.put("payoutId", payoutId);
        letter.put("eventId", eventId);
        return json.writeValueAsString(letter);
    }

    /** Stores the dead letter and returns the message published for it on xero.sync.dlq. */
    private Map<String, Object> store(String workspaceId, String routeId, String reason, String exceptionType,
                                      int attempts, String original, Map<String, Object> source)
            throws JsonProcessingException {
        return store(workspaceId, routeId, reason, exceptionType, attempts, original, source, null);
    }

    /** With a source reference: a record already dead-lettered keeps its row, with the latest reason. */
    private Map<String, Object> store(String workspaceId, String routeId, String reason, String exceptionType,
                                      int attempts, String original, Map<String, Object> source, String sourceRef)
            throws JsonProcessingException {
        long id = jdbc.sql("""
                INSERT INTO dead_letters (workspace_id, route_id, reason, exception_type, attempts,
                                          original_message, original_headers, source_ref)
                VALUES (:workspace, :route, :reason, :type, :attempts, :original, CAST(:headers AS jsonb), :sourceRef)
                ON CONFLICT (workspace_id, source_ref) DO UPDATE
                   SET reason = EXCLUDED.reason, exception_type = EXCLUDED.exception_type,
                       attempts = GREATEST(dead_letters.attempts, EXCLUDED.attempts)
                RETURNING dead_letter_id
                """)
                .param("workspace", workspaceId)
                .param("route", routeId)
                .param("reason", reason)
                .param("type", exceptionType)
                .param("attempts", attempts)
                .param("original", original)
                .param("headers", json.writeValueAsString(source))
                .param("sourceRef", sourceRef)
                .query(Long.class)
                .single();
        log.warn("Dead letter {} for workspace {} from {}: {}", id, workspaceId, routeId, reason);
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("deadLetterId", id);
        letter.put("workspaceId", workspaceId);
        letter.put("routeId", routeId);
        letter.put("reason", reason);
        letter.put("exceptionType", exceptionType);
        letter.put("attempts", attempts);
        letter.put("failedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        letter.put("source", source);
        letter.put("originalMessage", original);
        return letter;
    }

    /** The workspace a failed message belongs to: named by its flow, its Kafka key, or its supplier. */
    private String workspaceOf(Exchange exchange, String original) {
        String named = exchange.getMessage().getHeader(WORKSPACE_HEADER, String.class);
        if (named != null && !named.isBlank()) {
            return named;
        }
        String key = exchange.getMessage().getHeader(KafkaConstants.KEY, String.class);
        if (key != null && !key.isBlank()) {
            return key;
        }
        try {
            JsonNode supplier = json.readTree(original == null ? "" : original).path("data").path("supplier");
            String workspace = supplier.path("workspaceId").asText("");
            return workspace.isBlank() ? UNKNOWN_WORKSPACE : workspace;
        } catch (JsonProcessingException notJson) {
            return UNKNOWN_WORKSPACE;
        }
    }
}
