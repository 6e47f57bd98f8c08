package io.ledgerbridge.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each workspace's last run per scope ({@code sync_runs}). */
@Repository
class SyncRunRepository {

    /** A run as stored. */
    record SyncRun(SyncScope scope, Instant requestedAt, Instant startedAt, Instant finishedAt, String result,
                   String detail, Map<String, Long> counts) {
    }

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SyncRunRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Queues a run unless the scope's last request is younger than its cooldown: in one statement, so two triggers at
     * the same moment start one run. True when this caller queued it.
     */
    boolean queue(String workspaceId, SyncScope scope, Instant now) {
        return jdbc.sql("""
                INSERT INTO sync_runs (workspace_id, scope, requested_at, result) VALUES (:ws, :scope, :now, 'QUEUED')
                ON CONFLICT (workspace_id, scope) DO UPDATE
                   SET requested_at = EXCLUDED.requested_at, result = 'QUEUED', started_at = NULL, finished_at = NULL,
                       detail = NULL, counts = NULL
                 WHERE sync_runs.workspace_id = EXCLUDED.workspace_id AND sync_runs.requested_at <= :cooledSince
                """)
                .param("ws", workspaceId).param("scope", scope.name()).param("now", Timestamp.from(now))
                .param("cooledSince", Timestamp.from(now.minus(scope.cooldown())))
                .update() == 1;
    }

    void started(String workspaceId, SyncScope scope, Instant requestedAt, Instant now) {
        jdbc.sql("""
                UPDATE sync_runs SET started_at = :now, result = 'RUNNING'
                 WHERE workspace_id = :ws AND scope = :scope AND requested_at = :requested
                """)
                .param("ws", workspaceId).param("scope", scope.name()).param("requested", Timestamp.from(requestedAt))
                .param("now", Timestamp.from(now)).update();
    }

    /** The run's result, unless a newer request has taken the row meanwhile. */
    void finished(String workspaceId, SyncScope scope, Instant requestedAt, Instant now, String result, String detail,
                  Map<String, Long> counts) {
        jdbc.sql("""
                UPDATE sync_runs SET finished_at = :now, result = :result, detail = :detail, counts = CAST(:counts AS jsonb)
                 WHERE workspace_id = :ws AND scope = :scope AND requested_at = :requested
                """)
                .param("ws", workspaceId).param("scope", scope.name()).param("requested", Timestamp.from(requestedAt))
                .param("now", Timestamp.from(now)).param("result", result).param("detail", detail)
                .param("counts", counts == null ? null : write(counts)).update();
    }

    Optional<SyncRun> find(String workspaceId, SyncScope scope) {
        return jdbc.sql("SELECT * FROM sync_runs WHERE workspace_id = :ws AND scope = :scope")
                .param("ws", workspaceId).param("scope", scope.name()).query(this::run).optional();
    }

    List<SyncRun> all(String workspaceId) {
        return jdbc.sql("SELECT * FROM sync_runs WHERE workspace_id = :ws")
                .param("ws", workspaceId).query(this::run).list();
    }

    private SyncRun run(ResultSet rs, int row) throws SQLException {
        String counts = rs.getString("counts");
        return new SyncRun(SyncScope.valueOf(rs.getString("scope")), instant(rs, "requested_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getString("result"), rs.getString("detail"),
                counts == null ? null : read(counts));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private String write(Map<String, Long> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> read(String counts) {
        try {
            return json.readValue(counts, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored sync run's counts could not be read", e);
        }
    }
}
