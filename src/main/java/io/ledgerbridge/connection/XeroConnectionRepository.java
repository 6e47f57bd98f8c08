package io.ledgerbridge.connection;

import io.ledgerbridge.connection.XeroConnection.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Xero connections in PostgreSQL; tokens pass through {@link TokenCipher} on the way in and out. A disconnected
 * workspace keeps its row, without tokens, as the record of the organisation its documents are linked to.
 */
@Repository
public class XeroConnectionRepository {

    private final JdbcClient jdbc;
    private final TokenCipher cipher;

    public XeroConnectionRepository(JdbcClient jdbc, TokenCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Optional<XeroConnection> find(String workspaceId) {
        return jdbc.sql("SELECT * FROM xero_connections WHERE workspace_id = :ws")
                .param("ws", workspaceId)
                .query(this::connection)
                .optional();
    }

    public void save(XeroConnection connection) {
        jdbc.sql("""
                INSERT INTO xero_connections (workspace_id, tenant_id, tenant_name, access_token, refresh_token,
                                              access_expires_at, status, status_reason)
                VALUES (:ws, :tenant, :name, :access, :refresh, :expires, :status, :reason)
                ON CONFLICT (workspace_id) DO UPDATE
                   SET tenant_id = EXCLUDED.tenant_id, tenant_name = EXCLUDED.tenant_name,
                       access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token,
                       access_expires_at = EXCLUDED.access_expires_at, status = EXCLUDED.status,
                       status_reason = EXCLUDED.status_reason, refresh_lease = NULL, refresh_lease_until = NULL,
                       xero_connection_id = NULL, connected_at = now(), updated_at = now()
                """)
                .param("ws", connection.workspaceId())
                .param("tenant", connection.tenantId())
                .param("name", connection.tenantName())
                .param("access", cipher.encrypt(connection.accessToken()))
                .param("refresh", cipher.encrypt(connection.refreshToken()))
                .param("expires", Timestamp.from(connection.accessExpiresAt()))
                .param("status", connection.status().name())
                .param("reason", connection.statusReason())
                .update();
    }

    /** Xero's id of the connection ({@code GET /connections}), what a disconnect deletes at Xero. */
    void saveConnectionId(String workspaceId, UUID xeroConnectionId) {
        jdbc.sql("UPDATE xero_connections SET xero_connection_id = :id WHERE workspace_id = :ws")
                .param("ws", workspaceId).param("id", xeroConnectionId).update();
    }

    /** Connected workspaces whose tokens were last refreshed (or made) before {@code before}: idle ones. */
    public List<String> idleSince(Instant before) {
        return jdbc.sql("SELECT workspace_id FROM xero_connections WHERE status = 'CONNECTED' AND updated_at < :before")
                .param("before", Timestamp.from(before)).query(String.class).list();
    }

    /** Every workspace connected now: what the scheduled pulls go through. */
    public List<String> connectedWorkspaces() {
        return jdbc.sql("SELECT workspace_id FROM xero_connections WHERE status = 'CONNECTED' ORDER BY workspace_id")
                .query(String.class).list();
    }

    /** The workspaces connected to the organisation now: whom a webhook of that tenant is for. */
    public List<String> workspacesOfTenant(UUID tenantId) {
        return jdbc.sql("SELECT workspace_id FROM xero_connections WHERE tenant_id = :tenant AND status = 'CONNECTED'")
                .param("tenant", tenantId).query(String.class).list();
    }

    Optional<Instant> connectedAt(String workspaceId) {
        return jdbc.sql("SELECT connected_at FROM xero_connections WHERE workspace_id = :ws")
                .param("ws", workspaceId).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    Optional<UUID> connectionId(String workspaceId) {
        return jdbc.sql("SELECT xero_connection_id FROM xero_connections WHERE workspace_id = :ws AND xero_connection_id IS NOT NULL")
                .param("ws", workspaceId).query(UUID.class).optional();
    }

    /**
     * Takes the workspace's refresh lease unless another refresher (a thread or a replica) holds one that has not run
     * out: true when this caller is now the one refresher, until {@code until}.
     */
    boolean takeRefreshLease(String workspaceId, UUID lease, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE xero_connections SET refresh_lease = :lease, refresh_lease_until = :until
                 WHERE workspace_id = :ws AND status = 'CONNECTED'
                   AND (refresh_lease IS NULL OR refresh_lease_until < :now)
                """)
                .param("ws", workspaceId).param("lease", lease)
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(until))
                .update() == 1;
    }

    /**
     * Stores the tokens a refresh returned, and gives the lease back, only while {@code lease} is still the
     * workspace's: in one statement, so a rotated refresh token is never half saved. False when the lease ran out and
     * another refresher took over.
     */
    boolean saveRefreshed(String workspaceId, UUID lease, String accessToken, String refreshToken, Instant expires) {
        return jdbc.sql("""
                UPDATE xero_connections
                   SET access_token = :access, refresh_token = :refresh, access_expires_at = :expires,
                       refresh_lease = NULL, refresh_lease_until = NULL, updated_at = now()
                 WHERE workspace_id = :ws AND refresh_lease = :lease
                """)
                .param("ws", workspaceId).param("lease", lease)
                .param("access", cipher.encrypt(accessToken)).param("refresh", cipher.encrypt(refreshToken))
                .param("expires", Timestamp.from(expires))
                .update() == 1;
    }

    /** Gives the lease back without new tokens (the refresh failed), with a status when Xero refused the grant. */
    void releaseRefreshLease(String workspaceId, UUID lease, Status status, String reason) {
        jdbc.sql("""
                UPDATE xero_connections
                   SET refresh_lease = NULL, refresh_lease_until = NULL,
                       status = COALESCE(:status, status), status_reason = CASE WHEN :status IS NULL THEN status_reason ELSE :reason END,
                       updated_at = now()
                 WHERE workspace_id = :ws AND refresh_lease = :lease
                """)
                .param("ws", workspaceId).param("lease", lease)
                .param("status", status == null ? null : status.name()).param("reason", reason)
                .update();
    }

    /**
     * Disconnected: the tokens are deleted and sync stops, but the row stays with the organisation it was linked to,
     * which a later connect is checked against.
     */
    void disconnected(String workspaceId, String reason) {
        jdbc.sql("""
                UPDATE xero_connections
                   SET access_token = NULL, refresh_token = NULL, access_expires_at = NULL, xero_connection_id = NULL,
                       refresh_lease = NULL, refresh_lease_until = NULL,
                       status = 'DISCONNECTED', status_reason = :reason, updated_at = now()
                 WHERE workspace_id = :ws
                """)
                .param("ws", workspaceId).param("reason", reason).update();
    }

    /** Forgets a disconnected workspace's organisation, once its links to that organisation's records are cleared. */
    boolean forgetDisconnected(String workspaceId) {
        return jdbc.sql("DELETE FROM xero_connections WHERE workspace_id = :ws AND status = 'DISCONNECTED'")
                .param("ws", workspaceId).update() == 1;
    }

    public void markStatus(String workspaceId, Status status, String reason) {
        jdbc.sql("UPDATE xero_connections SET status = :status, status_reason = :reason, updated_at = now() WHERE workspace_id = :ws")
                .param("ws", workspaceId).param("status", status.name()).param("reason", reason)
                .update();
    }

    private XeroConnection connection(ResultSet rs, int row) throws SQLException {
        OffsetDateTime expires = rs.getObject("access_expires_at", OffsetDateTime.class);
        return new XeroConnection(
                rs.getString("workspace_id"),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("tenant_name"),
                decrypt(rs.getString("access_token")),
                decrypt(rs.getString("refresh_token")),
                expires == null ? null : expires.toInstant(),
                Status.valueOf(rs.getString("status")),
                rs.getString("status_reason"));
    }

    private String decrypt(String stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }
}
