-- The invoice status pull (issue 11): what Xero says was paid on a document, and how far each workspace has read.

ALTER TABLE documents ADD COLUMN amount_paid numeric(19, 2);

-- Each workspace's watermark: invoices changed in Xero since then are read on the next pull (If-Modified-Since).
CREATE TABLE invoice_status_pulls (
    workspace_id   text        PRIMARY KEY REFERENCES workspaces ON DELETE CASCADE,
    modified_since timestamptz NOT NULL,
    pulled_at      timestamptz NOT NULL
);
