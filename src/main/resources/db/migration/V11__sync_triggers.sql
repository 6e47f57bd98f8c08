-- Sync triggers (issue 11): each scope's last run per workspace, and documents released by a started invoice push.

-- The last sync of each scope a workspace asked for: when it was asked (what its cooldown counts from), when it ran,
-- its result and counts. One row per workspace and scope, overwritten by the next run.
CREATE TABLE sync_runs (
    workspace_id text        NOT NULL REFERENCES workspaces ON DELETE CASCADE,
    scope        text        NOT NULL,                 -- CONTACTS, ITEMS, TAX_RATES, INVOICE_PUSH, INVOICE_PULL
    requested_at timestamptz NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz,
    result       text        NOT NULL,                 -- QUEUED, RUNNING, OK, FAILED
    detail       text,
    counts       jsonb,
    PRIMARY KEY (workspace_id, scope)
);

-- A document a started invoice push released while automatic sync is off: it goes, and keeps going through
-- retries, until it has an outcome; a newer version of it waits for the next push.
ALTER TABLE documents ADD COLUMN manual_sync boolean NOT NULL DEFAULT false;
