-- A lane claims a workspace's due documents oldest first (next_attempt_at, then created_at). With created_at in
-- the index, a claim reads only the rows it takes; without it, each claim read and sorted the workspace's whole
-- backlog (6 ms a claim with 3,000 due documents, in the overhead benchmark).
DROP INDEX documents_due;
CREATE INDEX documents_due ON documents (workspace_id, next_attempt_at, created_at) WHERE state = 'PENDING';

-- Room on each page for a row's next version: claiming a document and marking it before a call change no
-- indexed column, so with space on the page they are HOT updates, which write no index entries. Applies to
-- pages written from now on.
ALTER TABLE documents SET (fillfactor = 70);
