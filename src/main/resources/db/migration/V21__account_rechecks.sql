-- The last check of a workspace's saved account codes against its organisation's chart, made each time the chart is
-- read from Xero (issue 11: "and again after each accounts pull"): what no longer fits, so a person sees it before a
-- document fails coding on it. One row per workspace, replaced by each check; gone when a change makes it stale.
CREATE TABLE account_rechecks (
    workspace_id text PRIMARY KEY REFERENCES workspaces ON DELETE CASCADE,
    organisation text        NOT NULL,
    checked_at   timestamptz NOT NULL,
    problems     jsonb       NOT NULL
);
