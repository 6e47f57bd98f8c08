-- Each workspace's connection to its Xero organisation (F1-F4). Tokens are stored encrypted (AES-GCM).
CREATE TABLE xero_connections (
    workspace_id      text PRIMARY KEY REFERENCES workspaces ON DELETE CASCADE,
    tenant_id         uuid        NOT NULL,
    tenant_name       text,
    access_token      text        NOT NULL,            -- encrypted
    refresh_token     text        NOT NULL,            -- encrypted
    access_expires_at timestamptz NOT NULL,
    status            text        NOT NULL,            -- CONNECTED, NEEDS_RECONNECT, DISCONNECTED
    status_reason     text,
    connected_at      timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX xero_connections_by_tenant ON xero_connections (tenant_id);
