package io.ledgerbridge.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 */
@Component("deadLetterRecorder")
public class DeadLetterRecorder {

    /** Set by a flow that knows which workspace a message belongs to. */
    public static final String WORKSPACE_HEADER = "LedgerBridgeWorkspaceId";
    static final String UNKNOWN_WORKSPACE = "unknown";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecorder.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public DeadLetterRecorder(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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
                failure == null ? null : failure.getClass().getName(), attempts, original, source);

        exchange.getMessage().removeHeaders("kafka.(TOPIC|PARTITION|OFFSET|TIMESTAMP|HEADERS|LAST_RECORD_BEFORE_COMMIT|LAST_POLL_RECORD)");
        exchange.getMessage().setHeader(KafkaConstants.KEY, workspaceId);
        exchange.getMessage().setBody(json.writeValueAsString(letter));
    }

    /**
     * A document that failed for good (validation, ambiguous contact ...), stored within the caller's transaction (the
     * one that records the failure): {@code statusRecord} is its xero.sync.status record. Returns the dead letter to
     * publish on xero.sync.dlq, as {@link #record} does for messages.
     */
    public String documentFailure(String workspaceId, java.util.UUID documentId, String orderId, String reason,
                                  String statusRecord) throws JsonProcessingException {
        Map<String, Object> letter = store(workspaceId, "xero-lane", reason, null, 1, statusRecord, Map.of());
        letter.put("documentId", documentId == null ? null : documentId.toString());
        letter.put("orderId", orderId);
        return json.writeValueAsString(letter);
    }

    /** Stores the dead letter and returns the message published for it on xero.sync.dlq. */
    private Map<String, Object> store(String workspaceId, String routeId, String reason, String exceptionType,
                                      int attempts, String original, Map<String, Object> source)
            throws JsonProcessingException {
        long id = jdbc.sql("""
                INSERT INTO dead_letters (workspace_id, route_id, reason, exception_type, attempts,
                                          original_message, original_headers)
                VALUES (:workspace, :route, :reason, :type, :attempts, :original, CAST(:headers AS jsonb))
                RETURNING dead_letter_id
                """)
                .param("workspace", workspaceId)
                .param("route", routeId)
                .param("reason", reason)
                .param("type", exceptionType)
                .param("attempts", attempts)
                .param("original", original)
                .param("headers", json.writeValueAsString(source))
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
