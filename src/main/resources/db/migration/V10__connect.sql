-- Connecting Xero through its consent page (issue 11).

-- A disconnected workspace keeps its row without tokens: the organisation it was linked to is what a reconnect
-- is checked against. The refresh lease makes one refresher per workspace across replicas without holding a row
-- lock (or a transaction) while Xero's token endpoint answers.
ALTER TABLE xero_connections
    ALTER COLUMN access_token DROP NOT NULL,
    ALTER COLUMN refresh_token DROP NOT NULL,
    ALTER COLUMN access_expires_at DROP NOT NULL,
    -- Xero's id of the connection (GET /connections), what a disconnect deletes at Xero
    ADD COLUMN xero_connection_id  uuid,
    ADD COLUMN refresh_lease       uuid,
    ADD COLUMN refresh_lease_until timestamptz;

-- One connect attempt: the state sent to Xero's authorize page (bound to the workspace, used once, short-lived) and
-- its PKCE verifier; after the callback, when the login holds several organisations, the tokens wait here (encrypted)
-- for the person to choose one with the choice token, which never appears in a URL.
CREATE TABLE xero_connect_requests (
    workspace_id      text        NOT NULL REFERENCES workspaces ON DELETE CASCADE,
    state             text        NOT NULL,
    code_verifier     text        NOT NULL,            -- encrypted
    redirect_uri      text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL,
    used_at           timestamptz,
    choice_token      text,
    access_token      text,                            -- encrypted
    refresh_token     text,                            -- encrypted
    access_expires_at timestamptz,
    organisations     jsonb,                           -- [{"connectionId", "tenantId", "tenantName"}]
    choice_expires_at timestamptz,
    chosen_at         timestamptz,
    PRIMARY KEY (workspace_id, state)
);
CREATE UNIQUE INDEX xero_connect_requests_by_choice ON xero_connect_requests (workspace_id, choice_token)
    WHERE choice_token IS NOT NULL;
