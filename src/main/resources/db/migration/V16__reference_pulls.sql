-- Pulls of Xero's reference data (issue 11): the organisation's tax rates as last pulled, and how far each
-- incremental pull of a workspace has read.

-- Xero's tax rates per workspace, for the manual tax mapping: one that no platform tax code maps to shows unmapped,
-- and first_seen_at tells the ones that are new since the pull before.
CREATE TABLE xero_tax_rates (
    workspace_id   text        NOT NULL REFERENCES workspaces ON DELETE CASCADE,
    tax_type       text        NOT NULL,
    name           text        NOT NULL,
    effective_rate numeric(9, 4),
    status         text        NOT NULL,
    revenue        boolean     NOT NULL,
    expenses       boolean     NOT NULL,
    first_seen_at  timestamptz NOT NULL,
    pulled_at      timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, tax_type)
);

-- The watermark of each incremental pull (contacts): what changed in Xero since then is read next time.
CREATE TABLE pull_watermarks (
    workspace_id   text        NOT NULL REFERENCES workspaces ON DELETE CASCADE,
    scope          text        NOT NULL,
    modified_since timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, scope)
);
