package io.ledgerbridge.pull;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What Xero's webhooks said changed, per workspace: one mark per record (an invoice, a contact), with the newest event's
 * time. A repeated event (same record, no newer time) changes nothing; the feature that owns the records reads the
 * marks due and sets them refreshed once it has read the records from Xero.
 */
@Repository
public class RefreshMarks {

    /** The kinds of record a webhook names (Xero's eventCategory). */
    public enum Category { INVOICE, CONTACT, CREDITNOTE }

    /** A record to refresh. */
    public record Mark(String workspaceId, Category category, UUID resourceId, Instant eventAt) {
    }

    private final JdbcClient jdbc;

    RefreshMarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the mark is new or newer than what was marked before: a repeated event is false. */
    boolean mark(String workspaceId, Category category, UUID resourceId, Instant eventAt) {
        return jdbc.sql("""
                INSERT INTO xero_refresh_marks (workspace_id, category, resource_id, event_at, refreshed)
                VALUES (:ws, :category, :id, :at, false)
                ON CONFLICT (workspace_id, category, resource_id) DO UPDATE
                   SET event_at = EXCLUDED.event_at, refreshed = false
                 WHERE xero_refresh_marks.workspace_id = EXCLUDED.workspace_id
                   AND xero_refresh_marks.event_at < EXCLUDED.event_at
                """)
                .param("ws", workspaceId).param("category", category.name()).param("id", resourceId)
                .param("at", Timestamp.from(eventAt)).update() == 1;
    }

    /** The workspaces with marks of this category to refresh. */
    public List<String> workspacesWithDue(Category category) {
        return jdbc.sql("SELECT DISTINCT workspace_id FROM xero_refresh_marks WHERE category = :category AND NOT refreshed")
                .param("category", category.name()).query(String.class).list();
    }

    /** Up to {@code limit} of the workspace's marks to refresh, oldest event first. */
    public List<Mark> due(String workspaceId, Category category, int limit) {
        return jdbc.sql("""
                SELECT workspace_id, category, resource_id, event_at FROM xero_refresh_marks
                 WHERE workspace_id = :ws AND category = :category AND NOT refreshed
                 ORDER BY event_at LIMIT :limit
                """)
                .param("ws", workspaceId).param("category", category.name()).param("limit", limit)
                .query((rs, n) -> new Mark(rs.getString("workspace_id"), Category.valueOf(rs.getString("category")),
                        rs.getObject("resource_id", UUID.class), rs.getTimestamp("event_at").toInstant()))
                .list();
    }

    /** The marks read: refreshed, unless a newer event came meanwhile. */
    public void refreshed(Collection<Mark> marks) {
        for (Mark mark : marks) {
            jdbc.sql("""
                    UPDATE xero_refresh_marks SET refreshed = true
                     WHERE workspace_id = :ws AND category = :category AND resource_id = :id AND event_at <= :at
                    """)
                    .param("ws", mark.workspaceId()).param("category", mark.category().name())
                    .param("id", mark.resourceId()).param("at", Timestamp.from(mark.eventAt())).update();
        }
    }
}
