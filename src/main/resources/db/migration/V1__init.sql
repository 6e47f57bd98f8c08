-- LedgerBridge schema. Every table carries workspace_id and every query filters by it.

CREATE TABLE workspaces (
    workspace_id    text PRIMARY KEY,
    name            text        NOT NULL,
    roles           text[]      NOT NULL,            -- SUPPLIER (sales invoices) and/or VENUE (bills)
    plan            text        NOT NULL DEFAULT 'FREE',
    finance_email   text,
    inbound_address text        NOT NULL UNIQUE,     -- the address suppliers email invoices to
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workspace_settings (
    workspace_id            text PRIMARY KEY REFERENCES workspaces ON DELETE CASCADE,
    sales_account           text,
    default_expense_account text,
    freight_account         text,
    surcharge_account       text,
    clearing_account        text,
    invoice_default_status  text    NOT NULL DEFAULT 'DRAFT',
    auto_approve_bills      boolean NOT NULL DEFAULT false,
    automatic_sync          boolean NOT NULL DEFAULT true,
    mark_as_paid            boolean NOT NULL DEFAULT false,
    sync_tax_rates          boolean NOT NULL DEFAULT false,
    sync_items              boolean NOT NULL DEFAULT false,
    sync_contacts           boolean NOT NULL DEFAULT false,
    invoice_push            boolean NOT NULL DEFAULT false,
    invoice_pull            boolean NOT NULL DEFAULT false,
    contact_phone_field     text    NOT NULL DEFAULT 'DEFAULT',
    contact_address_field   text    NOT NULL DEFAULT 'BILLING',
    updated_at              timestamptz NOT NULL DEFAULT now()
);

-- The desired state of each Xero document, per workspace: the newest snapshot the platform sent.
CREATE TABLE documents (
    document_id     uuid PRIMARY KEY,
    workspace_id    text        NOT NULL REFERENCES workspaces,
    source_key      text        NOT NULL,            -- orderId, or orderId/creditNoteNumber for a credit note
    order_id        text        NOT NULL,
    xero_type       text        NOT NULL,            -- ACCREC, ACCPAY, ACCRECCREDIT, ACCPAYCREDIT
    version         bigint      NOT NULL,
    last_event_id   text        NOT NULL,
    last_event_type text        NOT NULL,
    number          text,
    currency        text        NOT NULL,
    total           numeric(19, 2) NOT NULL,
    payload         jsonb       NOT NULL,
    state           text        NOT NULL,
    xero_id         uuid,
    error           text,
    fix_hint        text,
    attempts        integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, source_key, xero_type)
);
CREATE INDEX documents_by_state ON documents (workspace_id, state, updated_at);

-- Event ids already applied, per workspace: a replayed event changes nothing.
CREATE TABLE processed_events (
    workspace_id text        NOT NULL,
    event_id     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, event_id)
);

-- Every message that could not go through, with the reason a person can act on.
CREATE TABLE dead_letters (
    dead_letter_id   bigserial PRIMARY KEY,
    workspace_id     text        NOT NULL,           -- 'unknown' when the message names none we could read
    route_id         text        NOT NULL,
    reason           text        NOT NULL,
    exception_type   text,
    attempts         integer     NOT NULL,
    original_message text,
    original_headers jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dead_letters_by_workspace ON dead_letters (workspace_id, created_at);
