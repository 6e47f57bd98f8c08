-- Credit notes allocated to the invoice or bill of their order (issue 11), once both are in Xero.

-- A workspace chooses it, as it chooses mark-as-paid: an allocation applies money in the customer's Xero, and a
-- credit note with an allocation can no longer be changed there, so a later version of it becomes LOCKED.
ALTER TABLE workspace_settings
    ADD COLUMN allocate_credit_notes boolean NOT NULL DEFAULT false;

-- The allocation of one credit note document, as a state of its own beside the document's: DUE (to send), SENT
-- (a PUT went without an answer, or with a 5xx: the credit note is read from Xero before anything is sent again),
-- APPLIED (Xero holds it), REFUSED (Xero refused it for good: error and fix_hint say what a person does). The
-- credit note stays SYNCED whatever becomes of it. Claimed like documents (claim_token, claimed_until): every
-- outcome is written only while the claim that sent it holds the row.
CREATE TABLE credit_note_allocations (
    workspace_id        text        NOT NULL,
    document_id         uuid        NOT NULL,            -- the credit note's document
    invoice_document_id uuid        NOT NULL,            -- the invoice or bill of the same order and workspace
    allocation_state    text        NOT NULL,            -- AllocationState
    invoice_xero_id     uuid,                            -- the invoice it was sent against
    amount              numeric(19, 2),                  -- what was (or is being) allocated
    allocation_id       uuid,                            -- Xero's AllocationID, when its answer gave one
    error               text,
    fix_hint            text,
    attempts            integer     NOT NULL DEFAULT 0,  -- recorded outcomes: part of the Idempotency-Key
    failures            integer     NOT NULL DEFAULT 0,  -- temporary failures in a row: what backoff grows with
    next_attempt_at     timestamptz NOT NULL DEFAULT now(),
    claimed_until       timestamptz,
    claim_token         uuid,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, document_id)
);
CREATE INDEX credit_note_allocations_due ON credit_note_allocations (workspace_id, next_attempt_at)
    WHERE allocation_state IN ('DUE', 'SENT');
