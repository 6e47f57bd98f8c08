-- Xero's webhooks (issue 11): what an event said changed, per workspace, until it is read from Xero.
CREATE TABLE xero_refresh_marks (
    workspace_id text        NOT NULL REFERENCES workspaces ON DELETE CASCADE,
    category     text        NOT NULL,                 -- INVOICE, CONTACT, CREDITNOTE (Xero's eventCategory)
    resource_id  uuid        NOT NULL,
    event_at     timestamptz NOT NULL,                 -- the newest event's eventDateUtc
    refreshed    boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (workspace_id, category, resource_id)
);
CREATE INDEX xero_refresh_marks_due ON xero_refresh_marks (category, workspace_id) WHERE NOT refreshed;
