-- Delivery under failure (issue 9).

ALTER TABLE documents
    -- The pass that holds the document: every outcome is written only while the claim carrying this token holds it,
    -- so a pass whose claim ran out cannot overwrite what the next pass did.
    ADD COLUMN claim_token   uuid,
    -- When the first write whose answer never came was sent: a look-up asks Xero only for what changed since then.
    ADD COLUMN unknown_since timestamptz,
    -- Mark-as-paid (F19) as a state of its own: DUE (to apply), SENT (a payment went without an answer: look it up
    -- before sending it again), APPLIED (payment_id holds Xero's payment).
    ADD COLUMN payment_state text,
    -- Temporary failures since the last outcome Xero gave: what backoff grows with (not every write a document ever
    -- had, so a document updated ten times still retries in seconds after one 503).
    ADD COLUMN failures      integer NOT NULL DEFAULT 0;

UPDATE documents SET payment_state = 'APPLIED' WHERE payment_id IS NOT NULL;
UPDATE documents SET unknown_since = updated_at WHERE outcome_unknown;

-- State changes and document dead letters, written in the transaction that makes them and published from here
-- (the transactional outbox): an exception after the commit can no longer lose one, and the topics never disagree
-- with the database for long. The pass that writes rows holds them (claimed_until) and publishes them right after its
-- commit, then deletes them; rows a pass could not publish (it died, Kafka refused) are taken by the sweep once free.
CREATE TABLE outbox (
    outbox_id     bigserial PRIMARY KEY,
    workspace_id  text        NOT NULL,
    topic         text        NOT NULL,                 -- SYNC_STATUS or DEAD_LETTER (names in ledgerbridge.kafka.topics)
    message_key   text        NOT NULL,
    payload       text        NOT NULL,
    claimed_until timestamptz,                          -- a relay is publishing it; after a crash another takes it
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- A contact being created in Xero by a pass: two passes (or replicas) never create the same party's contact; a
-- reservation left by a crashed pass runs out, and the contact it may have created is then found in the directory.
CREATE TABLE contact_creations (
    workspace_id  text        NOT NULL REFERENCES workspaces ON DELETE CASCADE,
    party_key     text        NOT NULL,
    claimed_until timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, party_key)
);
