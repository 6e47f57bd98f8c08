-- Intake: one dead letter per consumed record, and an event's identity as CloudEvents defines it.

-- A consumed record's dead letter is stored once, however often the record is tried: a batch that fails after
-- its dead letters were stored (one that Kafka refused to publish, say) is consumed again and finds each row it
-- stored. topic/partition/offset@timestamp; the timestamp tells a recreated topic's offsets from the old ones.
-- Rows from before have none (NULLs never conflict), and dead letters of other flows carry none either.
ALTER TABLE dead_letters ADD COLUMN source_ref text;
CREATE UNIQUE INDEX dead_letters_by_source ON dead_letters (workspace_id, source_ref);

-- CloudEvents identifies an event by its source and id together: the same id from another source is another
-- event, and was taken for a replay. Rows recorded before this have the source '': a replay of such an old event
-- no longer matches its row, so it counts as new here and is then stopped by the version check (its version is
-- not newer than the document it made), and changes nothing.
ALTER TABLE processed_events ADD COLUMN source text NOT NULL DEFAULT '';
ALTER TABLE processed_events DROP CONSTRAINT processed_events_pkey;
ALTER TABLE processed_events ADD PRIMARY KEY (workspace_id, source, event_id);
ALTER TABLE processed_events ALTER COLUMN source DROP DEFAULT;
