package io.ledgerbridge.delivery;

import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table: messages for Kafka written in the transaction that makes them (a document's state change, its dead
 * letter), held by their writer, published by it right after the commit and deleted. Rows their writer could not
 * publish (it died, Kafka refused) are taken by the sweep once their hold runs out, and published then (at least
 * once: consumers read a state change by its document, version, state and time).
 */
@Repository
class Outbox {

    /** Which topic a row goes to (the names live in ledgerbridge.kafka.topics). */
    public enum Topic { SYNC_STATUS, DEAD_LETTER }

    /** One message to publish. */
    public record Row(long id, String workspaceId, Topic topic, String key, String payload) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    public Outbox(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Within the caller's transaction, in one statement: the rows, held for {@code leaseSeconds} by the writer, who
     * publishes them once it has committed (the sweep takes them only if it does not).
     *
     * @return the rows with their ids
     */
    List<Row> add(List<Row> rows, int leaseSeconds) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                INSERT INTO outbox (workspace_id, topic, message_key, payload, claimed_until)
                SELECT ws, topic, key, payload, now() + :lease * interval '1 second'
                  FROM unnest(CAST(:ws AS text[]), CAST(:topic AS text[]), CAST(:key AS text[]), CAST(:payload AS text[]))
                       WITH ORDINALITY AS row(ws, topic, key, payload, n)
                 ORDER BY n
                RETURNING outbox_id, workspace_id, topic, message_key, payload
                """)
                .param("ws", rows.stream().map(Row::workspaceId).toArray(String[]::new))
                .param("topic", rows.stream().map(row -> row.topic().name()).toArray(String[]::new))
                .param("key", rows.stream().map(Row::key).toArray(String[]::new))
                .param("payload", rows.stream().map(Row::payload).toArray(String[]::new))
                .param("lease", leaseSeconds)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), Topic.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5)))
                .list()
                .stream().sorted(java.util.Comparator.comparingLong(Row::id)).toList();
    }

    /** Up to {@code limit} rows no relay holds, oldest first, now held for {@code leaseSeconds}. */
    public List<Row> take(int limit, int leaseSeconds) {
        return jdbc.sql("""
                UPDATE outbox SET claimed_until = now() + :lease * interval '1 second'
                 WHERE outbox_id IN (
                       SELECT outbox_id FROM outbox WHERE claimed_until IS NULL OR claimed_until < now()
                        ORDER BY outbox_id LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING outbox_id, workspace_id, topic, message_key, payload
                """)
                .param("lease", leaseSeconds).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), Topic.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5)))
                .list()
                .stream().sorted(java.util.Comparator.comparingLong(Row::id)).toList();
    }

    /** Publishing the rows failed: they are taken again after {@code seconds} (not at the end of the claim). */
    public void retryIn(List<Long> ids, int seconds) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE outbox SET claimed_until = now() + :seconds * interval '1 second' WHERE outbox_id IN (:ids)")
                .param("seconds", seconds).param("ids", ids).update();
    }

    /** The rows are published. */
    public void published(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM outbox WHERE outbox_id IN (:ids)").param("ids", ids).update();
    }

    /** How many messages wait to be published (for metrics and tests). */
    public long pending() {
        return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
    }
}
