-- Delivery to Xero: what Xero holds for each document, when it is due, who is working on it.

ALTER TABLE documents
    ADD COLUMN delivered_version bigint,                       -- the version Xero holds
    ADD COLUMN xero_status       text,                         -- DRAFT, AUTHORISED, PAID, VOIDED, DELETED as last seen
    ADD COLUMN waiting_reason    text,                         -- why a WAITING document waits
    ADD COLUMN outcome_unknown   boolean     NOT NULL DEFAULT false, -- a write got no answer: look it up before resending
    ADD COLUMN next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN claimed_until     timestamptz,
    ADD COLUMN payment_id        uuid,                         -- the Xero payment applied for order.paid
    ADD COLUMN synced_at         timestamptz;

-- Due documents per workspace, for the dispatcher and the lanes' claims.
CREATE INDEX documents_due ON documents (workspace_id, next_attempt_at) WHERE state = 'PENDING';

-- The stored link between a platform party and a Xero contact (F14): never look it up twice.
CREATE TABLE contact_links (
    workspace_id text        NOT NULL REFERENCES workspaces ON DELETE CASCADE,
    party_key    text        NOT NULL,                     -- workspace id, ABN or normalised name of the party
    contact_id   uuid        NOT NULL,
    contact_name text        NOT NULL,
    linked_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, party_key)
);

-- Every attempt to deliver a document (F44): when, what was asked, what Xero said.
CREATE TABLE document_attempts (
    attempt_id    bigserial PRIMARY KEY,
    workspace_id  text        NOT NULL,
    document_id   uuid        NOT NULL,
    version       bigint      NOT NULL,
    operation     text        NOT NULL,                    -- CREATE, UPDATE, VOID, DELETE, PAY, LOOKUP
    idempotency_key text,
    http_status   integer,
    outcome       text        NOT NULL,                    -- SYNCED, FAILED, LOCKED, UNKNOWN, THROTTLED, ...
    message       text,
    attempted_by  text        NOT NULL DEFAULT 'delivery',
    attempted_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_attempts_by_document ON document_attempts (workspace_id, document_id, attempted_at);
