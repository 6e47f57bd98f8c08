package io.ledgerbridge.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;

/**
 * A payout as GET …/payouts shows it: its state, Xero's batch payment once applied, why it waits or failed and what
 * to do, and what the platform sent (date, reference, currency, payments).
 */
public record PayoutView(String payoutId, String eventId, String state, UUID batchPaymentId, String error,
                         String fixHint, int attempts, String currency, String paidOn, String reference,
                         JsonNode payments, Instant createdAt, Instant updatedAt) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static PayoutView of(String payoutId, String eventId, String payload, String state, UUID batchPaymentId,
                         String error, String fixHint, int attempts, Instant createdAt, Instant updatedAt) {
        JsonNode data;
        try {
            data = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payout " + payoutId + " has a payload that is not JSON", e);
        }
        return new PayoutView(payoutId, eventId, state, batchPaymentId, error, fixHint, attempts,
                data.path("currency").asText(null), data.path("paidOn").asText(null), data.path("reference").asText(null),
                data.path("payments"), createdAt, updatedAt);
    }
}
