package io.ledgerbridge.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.api.ConflictException;
import io.ledgerbridge.connection.NeedsReconnectException;
import io.ledgerbridge.connection.TokenService;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.support.KafkaRecords;
import io.ledgerbridge.workspace.WorkspaceRepository;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.xero.PacedXero;
import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.XeroAnswerException;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroRequest;
import io.ledgerbridge.xero.XeroResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How this module talks to Xero and hands on what it read: whether a workspace may pull (its module on, connected),
 * Xero's pages (or records by id) read at pull priority (so the tenant's pushes go first and the day's last calls stay
 * theirs), a master record written at push priority and read back from Xero's answer, the records handed to the route
 * that publishes them, and the watermark of an incremental pull.
 */
@Component
class PullSupport {

    private final TokenService tokens;
    private final PacedXero xero;
    private final XeroJson xeroJson;
    private final WorkspaceRepository workspaces;
    private final ProducerTemplate producer;
    private final JdbcClient jdbc;

    PullSupport(TokenService tokens, PacedXero xero, XeroJson xeroJson, WorkspaceRepository workspaces,
                ProducerTemplate producer, JdbcClient jdbc) {
        this.tokens = tokens;
        this.xero = xero;
        this.xeroJson = xeroJson;
        this.workspaces = workspaces;
        this.producer = producer;
        this.jdbc = jdbc;
    }

    WorkspaceSettings settings(String workspaceId) {
        return workspaces.settings(workspaceId).orElseThrow();
    }

    /** Why the workspace cannot run this pull now, with what to do first. */
    Optional<String> notReady(String workspaceId, String module, Predicate<WorkspaceSettings.Modules> on) {
        WorkspaceSettings settings = workspaces.settings(workspaceId).orElse(null);
        if (settings == null || !on.test(settings.modules())) {
            return Optional.of("The " + module + " sync is off, so nothing would be pulled. Turn it on in the workspace"
                    + " settings (modules." + module + ").");
        }
        return tokens.whyUnreachable(workspaceId);
    }

    /** Every element of {@code collection} over Xero's pages of {@code path}, changed since {@code since} (or all). */
    List<JsonNode> pages(String workspaceId, String path, String collection, String query, int pageSize, Instant since) {
        XeroConnection connection = tokens.connection(workspaceId);
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            XeroRequest request = XeroRequest.get(workspaceId, path,
                    (query == null ? "" : query + "&") + "page=" + page + "&pageSize=" + pageSize);
            // Xero compares If-Modified-Since to the second: a second back, so nothing changed meanwhile is missed.
            XeroResponse response = xero.call(connection, since == null ? request : request.ifModifiedSince(since.minusSeconds(1)),
                    Priority.PULL);
            List<JsonNode> read = new ArrayList<>();
            answer(response, collection).forEach(read::add);
            all.addAll(read);
            if (read.size() < pageSize) {
                return all;
            }
        }
    }

    /** One call, not paged ({@code GET /TaxRates} has no pages). */
    List<JsonNode> all(String workspaceId, String path, String collection) {
        XeroResponse response = xero.call(tokens.connection(workspaceId), XeroRequest.get(workspaceId, path, null), Priority.PULL);
        List<JsonNode> read = new ArrayList<>();
        answer(response, collection).forEach(read::add);
        return read;
    }

    /**
     * The records of these ids, read with one call ({@code GET path?IDs=…}, not paged: the ids fit one answer). Xero's
     * credit notes take no {@code IDs} filter (getCreditNotes of xero_accounting.yaml; Xero ignores what it does not
     * know and would answer the first page of all of them): they are read by a {@code where} of their ids.
     */
    <T> List<T> byIds(String workspaceId, String path, String collection, Collection<UUID> ids, Class<T> type) {
        String query = idsQuery(path, ids);
        XeroResponse response = xero.call(tokens.connection(workspaceId), XeroRequest.get(workspaceId, path, query),
                Priority.PULL);
        if (!response.ok()) {
            throw new XeroAnswerException(response);
        }
        return xeroJson.list(response.body(), collection, type);
    }

    static String idsQuery(String path, Collection<UUID> ids) {
        if (path.equals("/CreditNotes")) {
            String where = ids.stream().map(id -> "CreditNoteID==guid(\"" + id + "\")").collect(Collectors.joining(" OR "));
            return "where=" + URLEncoder.encode(where, StandardCharsets.UTF_8).replace("+", "%20");
        }
        return "IDs=" + ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    /**
     * One record written to Xero ({@code PUT path?summarizeErrors=false}, at push priority: a person waits) and read
     * back from its answer. Not connected is a 409 with what to do; Xero's refusal (a 400, or the record's validation
     * errors) is {@link MasterRecords.Refused} with Xero's words.
     */
    JsonNode write(String workspaceId, String path, String collection, ObjectNode record, String idempotencyKey) {
        XeroConnection connection;
        try {
            connection = tokens.connection(workspaceId);
        } catch (NeedsReconnectException e) {
            throw new ConflictException("Not connected to Xero", "Workspace '" + workspaceId + "' cannot reach Xero: "
                    + e.getMessage() + ". " + FixHints.CONNECT_XERO);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray(collection).add(record);
        XeroResponse response = xero.call(connection, XeroRequest.write(workspaceId, "PUT", path, "summarizeErrors=false",
                xeroJson.write(body), idempotencyKey), Priority.PUSH);
        if (!response.ok() && response.status() == 400) {
            throw new MasterRecords.Refused(response.failure().detail());
        }
        JsonNode answer = answer(response, collection).path(0);
        if (answer.path("HasValidationErrors").asBoolean(false) || answer.path("ValidationErrors").size() > 0) {
            StringBuilder messages = new StringBuilder();
            answer.path("ValidationErrors").forEach(error -> messages.append(messages.length() == 0 ? "" : "; ")
                    .append(error.path("Message").asText()));
            throw new MasterRecords.Refused("Xero refused it: " + messages);
        }
        return answer;
    }

    /** The {@code collection} array of Xero's answer; an answer that is not a 2xx is thrown. */
    private JsonNode answer(XeroResponse response, String collection) {
        if (!response.ok()) {
            throw new XeroAnswerException(response);
        }
        return xeroJson.tree(response.body()).path(collection);
    }

    /** Hands the records to the route that publishes them on the topic behind {@code endpoint}, keyed by workspace. */
    void publish(String endpoint, String workspaceId, List<String> records) {
        if (records.isEmpty()) {
            return;
        }
        producer.sendBody(endpoint, records.stream()
                .map(record -> KafkaRecords.keyed(producer.getCamelContext(), workspaceId, record)).toList());
    }

    Instant watermark(String workspaceId, String scope) {
        return jdbc.sql("SELECT modified_since FROM pull_watermarks WHERE workspace_id = :ws AND scope = :scope")
                .param("ws", workspaceId).param("scope", scope).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
    }

    void saveWatermark(String workspaceId, String scope, Instant at) {
        jdbc.sql("""
                INSERT INTO pull_watermarks (workspace_id, scope, modified_since) VALUES (:ws, :scope, :at)
                ON CONFLICT (workspace_id, scope) DO UPDATE SET modified_since = EXCLUDED.modified_since
                """).param("ws", workspaceId).param("scope", scope).param("at", Timestamp.from(at)).update();
    }
}
