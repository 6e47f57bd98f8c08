-- Platform payouts (F24): each becomes one Xero batch payment on the supplier's clearing account, applied once.
-- The key is the platform's payout id per supplier workspace: the same payout again (a replayed event, or a new
-- event id with the same payoutId) inserts nothing and changes nothing.
CREATE TABLE payouts (
    workspace_id     text        NOT NULL REFERENCES workspaces ON DELETE CASCADE,
    payout_id        text        NOT NULL,
    event_id         text        NOT NULL,                 -- the event that brought it (the first one)
    payload          jsonb       NOT NULL,                 -- the event's data as the platform sent it
    state            text        NOT NULL,                 -- PayoutState: PENDING, WAITING, SENT, APPLIED, FAILED
    batch_payment_id uuid,                                 -- Xero's BatchPaymentID once APPLIED
    error            text,                                 -- why it waits or failed, in plain words
    fix_hint         text,
    attempts         integer     NOT NULL DEFAULT 0,       -- PUT /BatchPayments sent (each with its own key)
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    claimed_until    timestamptz,                          -- the job working on it; after a crash another takes it
    sent_at          timestamptz,                          -- the last PUT: a look-up reads Xero's batches since then
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, payout_id)
);

-- What the payout job looks at every tick: only payouts still to apply, so a tick with nothing waiting is one index read.
CREATE INDEX payouts_due ON payouts (next_attempt_at) WHERE state IN ('PENDING', 'WAITING', 'SENT');
