package io.ledgerbridge.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.connection.XeroConnectionRepository;
import io.ledgerbridge.pull.RefreshMarks.Category;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Xero's webhooks ({@code POST /webhooks/xero}, FACTS §14). A delivery whose signature does not match the raw body is
 * answered 401, one that does 200, both with no body: that is also the whole intent-to-receive check. An event only
 * marks what to refresh (that invoice, that contact) for each workspace connected to its tenant; the refresh runs later
 * in the tenant's Xero budget, and a repeated event marks nothing new. Nothing here calls Xero, so the answer is quick.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookSettings settings;
    private final RefreshMarks marks;
    private final XeroConnectionRepository connections;
    private final ObjectMapper json;

    WebhookController(WebhookSettings settings, RefreshMarks marks, XeroConnectionRepository connections, ObjectMapper json) {
        this.settings = settings;
        this.marks = marks;
        this.connections = connections;
        this.json = json;
    }

    @PostMapping("/webhooks/xero")
    ResponseEntity<Void> receive(@RequestBody(required = false) byte[] body,
                                 @RequestHeader(name = "x-xero-signature", required = false) String signature) {
        if (!WebhookSignature.valid(body, signature, settings.key())) {
            return ResponseEntity.status(401).build();
        }
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (IOException e) {
            log.warn("A signed Xero webhook delivery was not JSON; nothing marked: {}", e.getMessage());
            return ResponseEntity.ok().build();
        }
        int marked = 0;
        int events = 0;
        for (JsonNode event : payload.path("events")) {
            events++;
            marked += mark(event);
        }
        if (events > 0) {
            log.info("Xero webhook: {} event(s), {} new mark(s) to refresh", events, marked);
        }
        return ResponseEntity.ok().build();
    }

    private int mark(JsonNode event) {
        Category category = Arrays.stream(Category.values())
                .filter(c -> c.name().equals(event.path("eventCategory").asText())).findFirst().orElse(null);
        UUID tenant = uuid(event.path("tenantId").asText(null));
        UUID resource = uuid(event.path("resourceId").asText(null));
        Instant at = instant(event.path("eventDateUtc").asText(null));
        if (category == null || tenant == null || resource == null || at == null) {
            log.info("Xero webhook event not marked (not an invoice, contact or credit note of an organisation): {}", event);
            return 0;
        }
        int marked = 0;
        for (String workspaceId : connections.workspacesOfTenant(tenant)) {
            if (marks.mark(workspaceId, category, resource, at)) {
                marked++;
            }
        }
        return marked;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code 2024-06-21T01:15:39.902}: UTC without a zone designator, as Xero sends it; with one, as given. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
