package io.ledgerbridge.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.xero.XeroFailure.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classifies Xero's answers once (shared/xero/FACTS.md §2, §13): status, headers and body to a
 * {@link XeroFailure}. Pure: no I/O, no Camel.
 */
final class XeroErrorClassifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private XeroErrorClassifier() {
    }

    /** An HTTP answer that was not a 2xx. */
    public static XeroFailure classify(int status, String retryAfterHeader, String rateLimitProblem, String body) {
        String text = body == null ? "" : body;
        if (status == 429) {
            String problem = rateLimitProblem == null ? "unknown" : rateLimitProblem.toLowerCase(Locale.ROOT);
            return new XeroFailure(Kind.THROTTLED, status, "Xero's " + problem + " limit was reached",
                    retryAfter(retryAfterHeader), false, List.of());
        }
        if (status == 401 && text.contains("TokenExpired")) {
            return new XeroFailure(Kind.TOKEN_EXPIRED, status, "The access token has expired", Duration.ZERO, false, List.of());
        }
        if (status == 401 || status == 403) {
            return new XeroFailure(Kind.NEEDS_RECONNECT, status, detailOf(text, "Xero refused the connection"),
                    Duration.ZERO, false, List.of());
        }
        if (status == 400 && text.contains("invalid_grant")) {
            return new XeroFailure(Kind.NEEDS_RECONNECT, status, "Xero no longer accepts the refresh token (invalid_grant)",
                    Duration.ZERO, false, List.of());
        }
        if (status == 400) {
            return new XeroFailure(Kind.REJECTED, status, detailOf(text, "Xero rejected the request"), Duration.ZERO,
                    false, validationMessages(text));
        }
        // 5xx (and anything unexpected): Xero may or may not have done it.
        return new XeroFailure(Kind.TEMPORARY, status, "Xero answered " + status + ": " + firstLine(text),
                Duration.ZERO, true, List.of());
    }

    /** No answer at all: a timeout or a broken connection after the request may have been sent. */
    public static XeroFailure noAnswer(Throwable cause, boolean requestSent) {
        return new XeroFailure(Kind.TEMPORARY, 0, "No answer from Xero: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), Duration.ZERO, requestSent, List.of());
    }

    /** Xero's Retry-After in seconds, or null when it sent none (or an HTTP date): the caller waits a window. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    private static String detailOf(String body, String fallback) {
        try {
            JsonNode json = JSON.readTree(body);
            for (String field : new String[] {"Detail", "Message", "detail", "error"}) {
                if (json.hasNonNull(field) && !json.get(field).asText().isBlank()) {
                    return json.get(field).asText();
                }
            }
        } catch (Exception notJson) {
            // plain text bodies (404, maintenance pages) fall through
        }
        String line = firstLine(body);
        return line.isBlank() ? fallback : line;
    }

    /** Every ValidationErrors[].Message of a ValidationException body, in order. */
    static List<String> validationMessages(String body) {
        List<String> messages = new ArrayList<>();
        try {
            JsonNode json = JSON.readTree(body);
            for (JsonNode element : json.path("Elements")) {
                for (JsonNode error : element.path("ValidationErrors")) {
                    messages.add(error.path("Message").asText());
                }
            }
            if (messages.isEmpty() && json.hasNonNull("Message")) {
                messages.add(json.get("Message").asText());
            }
        } catch (Exception notJson) {
            messages.add(firstLine(body));
        }
        return messages;
    }

    private static String firstLine(String text) {
        String trimmed = text == null ? "" : text.strip();
        int newline = trimmed.indexOf('\n');
        String line = newline < 0 ? trimmed : trimmed.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
