package io.ledgerbridge.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Connect attempts in PostgreSQL ({@code xero_connect_requests}): the state and PKCE verifier of each authorize URL
 * handed out, and, when a login reaches several organisations, the tokens waiting for the person's choice. The
 * verifier and the tokens pass through {@link TokenCipher}. Every step that uses a request up does so in one
 * conditional statement, so a state or a choice is used once even when two browsers race.
 */
@Repository
class ConnectRequests {

    /** One connect attempt as stored. {@code organisations} is empty until a callback found several. */
    record ConnectRequest(String workspaceId, String state, String codeVerifier, String redirectUri, Instant expiresAt,
                          Instant usedAt, String choiceToken, XeroTokens tokens, List<XeroOrganisation> organisations,
                          Instant choiceExpiresAt, Instant chosenAt) {
    }

    private static final TypeReference<List<XeroOrganisation>> ORGANISATIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TokenCipher cipher;
    private final ObjectMapper json;

    ConnectRequests(JdbcClient jdbc, TokenCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    void create(String workspaceId, String state, String codeVerifier, String redirectUri, Instant now, Instant expiresAt) {
        // what ran out a day ago is of no use to anyone: the table stays small without a job of its own
        jdbc.sql("DELETE FROM xero_connect_requests WHERE workspace_id = :ws AND expires_at < :old AND (choice_expires_at IS NULL OR choice_expires_at < :old)")
                .param("ws", workspaceId).param("old", Timestamp.from(now.minusSeconds(86_400))).update();
        jdbc.sql("""
                INSERT INTO xero_connect_requests (workspace_id, state, code_verifier, redirect_uri, created_at, expires_at)
                VALUES (:ws, :state, :verifier, :redirect, :now, :expires)
                """)
                .param("ws", workspaceId).param("state", state).param("verifier", cipher.encrypt(codeVerifier))
                .param("redirect", redirectUri).param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt))
                .update();
    }

    Optional<ConnectRequest> find(String workspaceId, String state) {
        return jdbc.sql("SELECT * FROM xero_connect_requests WHERE workspace_id = :ws AND state = :state")
                .param("ws", workspaceId).param("state", state).query(this::request).optional();
    }

    /** Uses the state up: true for the one caller that did. */
    boolean use(String workspaceId, String state, Instant now) {
        return jdbc.sql("UPDATE xero_connect_requests SET used_at = :now WHERE workspace_id = :ws AND state = :state AND used_at IS NULL")
                .param("ws", workspaceId).param("state", state).param("now", Timestamp.from(now)).update() == 1;
    }

    /** The login reaches several organisations: its tokens wait here for the person's choice until {@code expiresAt}. */
    void awaitChoice(String workspaceId, String state, String choiceToken, XeroTokens tokens,
                     List<XeroOrganisation> organisations, Instant expiresAt) {
        jdbc.sql("""
                UPDATE xero_connect_requests
                   SET choice_token = :choice, access_token = :access, refresh_token = :refresh, access_expires_at = :accessExpires,
                       organisations = CAST(:organisations AS jsonb), choice_expires_at = :expires
                 WHERE workspace_id = :ws AND state = :state
                """)
                .param("ws", workspaceId).param("state", state).param("choice", choiceToken)
                .param("access", cipher.encrypt(tokens.accessToken())).param("refresh", cipher.encrypt(tokens.refreshToken()))
                .param("accessExpires", Timestamp.from(tokens.accessExpiresAt()))
                .param("organisations", write(organisations)).param("expires", Timestamp.from(expiresAt))
                .update();
    }

    Optional<ConnectRequest> findChoice(String workspaceId, String choiceToken) {
        return jdbc.sql("SELECT * FROM xero_connect_requests WHERE workspace_id = :ws AND choice_token = :choice")
                .param("ws", workspaceId).param("choice", choiceToken).query(this::request).optional();
    }

    /** The newest choice still open for the workspace: what the API's choose step answers. */
    Optional<ConnectRequest> openChoice(String workspaceId, Instant now) {
        return jdbc.sql("""
                SELECT * FROM xero_connect_requests
                 WHERE workspace_id = :ws AND choice_token IS NOT NULL AND chosen_at IS NULL AND choice_expires_at > :now
                 ORDER BY created_at DESC LIMIT 1
                """)
                .param("ws", workspaceId).param("now", Timestamp.from(now)).query(this::request).optional();
    }

    /** Uses the choice up, and deletes its tokens: true for the one caller that did. */
    boolean choose(String workspaceId, String choiceToken, Instant now) {
        return jdbc.sql("""
                UPDATE xero_connect_requests
                   SET chosen_at = :now, access_token = NULL, refresh_token = NULL
                 WHERE workspace_id = :ws AND choice_token = :choice AND chosen_at IS NULL
                """)
                .param("ws", workspaceId).param("choice", choiceToken).param("now", Timestamp.from(now)).update() == 1;
    }

    private ConnectRequest request(ResultSet rs, int row) throws SQLException {
        String access = rs.getString("access_token");
        XeroTokens tokens = access == null ? null : new XeroTokens(cipher.decrypt(access),
                cipher.decrypt(rs.getString("refresh_token")), instant(rs, "access_expires_at"));
        String organisations = rs.getString("organisations");
        return new ConnectRequest(rs.getString("workspace_id"), rs.getString("state"),
                cipher.decrypt(rs.getString("code_verifier")), rs.getString("redirect_uri"), instant(rs, "expires_at"),
                instant(rs, "used_at"), rs.getString("choice_token"), tokens,
                organisations == null ? List.of() : read(organisations), instant(rs, "choice_expires_at"),
                instant(rs, "chosen_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private String write(List<XeroOrganisation> organisations) {
        try {
            return json.writeValueAsString(organisations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<XeroOrganisation> read(String organisations) {
        try {
            return json.readValue(organisations, ORGANISATIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored connect request's organisations could not be read", e);
        }
    }
}
