package io.ledgerbridge.connection;

import io.ledgerbridge.connection.XeroConnection.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Xero connections in PostgreSQL; tokens pass through {@link TokenCipher} on the way in and out. */
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

    /** The same, with the row locked until the transaction ends: one refresher per workspace across replicas. */
    public Optional<XeroConnection> lock(String workspaceId) {
        return jdbc.sql("SELECT * FROM xero_connections WHERE workspace_id = :ws FOR UPDATE")
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
                       status_reason = EXCLUDED.status_reason, updated_at = now()
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

    public void markStatus(String workspaceId, Status status, String reason) {
        jdbc.sql("UPDATE xero_connections SET status = :status, status_reason = :reason, updated_at = now() WHERE workspace_id = :ws")
                .param("ws", workspaceId).param("status", status.name()).param("reason", reason)
                .update();
    }

    private XeroConnection connection(ResultSet rs, int row) throws SQLException {
        return new XeroConnection(
                rs.getString("workspace_id"),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("tenant_name"),
                cipher.decrypt(rs.getString("access_token")),
                cipher.decrypt(rs.getString("refresh_token")),
                rs.getObject("access_expires_at", OffsetDateTime.class).toInstant(),
                Status.valueOf(rs.getString("status")),
                rs.getString("status_reason"));
    }
}
