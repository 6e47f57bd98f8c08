package io.ledgerbridge.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.delivery.AccountRecheck.NoLongerFits;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The last check of each workspace's saved account codes against its organisation's chart ({@code account_rechecks}). */
@Repository
class AccountRechecks {

    private static final TypeReference<List<NoLongerFits>> PROBLEMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AccountRechecks(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Recheck(String organisation, Instant checkedAt, List<NoLongerFits> problems) {
    }

    void record(String workspaceId, String organisation, List<NoLongerFits> problems, Instant at) {
        jdbc.sql("""
                INSERT INTO account_rechecks (workspace_id, organisation, checked_at, problems)
                VALUES (:ws, :organisation, :at, CAST(:problems AS jsonb))
                ON CONFLICT (workspace_id) DO UPDATE
                   SET organisation = excluded.organisation, checked_at = excluded.checked_at,
                       problems = excluded.problems
                 WHERE account_rechecks.checked_at <= excluded.checked_at
                """)
                .param("ws", workspaceId).param("organisation", organisation)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("problems", write(problems))
                .update();
    }

    Optional<Recheck> find(String workspaceId) {
        return jdbc.sql("SELECT organisation, checked_at, problems::text AS problems FROM account_rechecks"
                        + " WHERE workspace_id = :ws")
                .param("ws", workspaceId)
                .query((rs, row) -> new Recheck(rs.getString("organisation"),
                        rs.getObject("checked_at", OffsetDateTime.class).toInstant(), read(rs.getString("problems"))))
                .optional();
    }

    void forget(String workspaceId) {
        jdbc.sql("DELETE FROM account_rechecks WHERE workspace_id = :ws").param("ws", workspaceId).update();
    }

    private String write(List<NoLongerFits> problems) {
        try {
            return json.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Account problems could not be written as JSON", e);
        }
    }

    private List<NoLongerFits> read(String problems) {
        try {
            return json.readValue(problems, PROBLEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored account problems are not readable", e);
        }
    }
}
