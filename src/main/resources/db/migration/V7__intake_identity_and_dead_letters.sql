-- Intake: one dead letter per consumed record, and an event's identity as CloudEvents defines it.

-- A consumed record's dead letter is stored once, however often the record is tried: a batch that fails after
-- its dead letters were stored (one that Kafka refused to publish, say) is consumed again and finds each row it
-- stored. topic/partition/offset@timestamp; the timestamp tells a recreated topic's offsets from the old ones.
-- Rows from before have none (NULLs never conflict), and dead letters of other flows carry none either.
ALTER TABLE dead_letters ADD COLUMN source_ref text;
CREATE UNIQUE INDEX dead_letters_by_source ON dead_letters (workspace_id, source_ref);
