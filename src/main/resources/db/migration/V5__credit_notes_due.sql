-- Credit notes are delivered now (F20). Until this version the lanes settled them as WAITING with the
-- reason CREDIT_NOTES in the status event, but stored no waiting_reason (the state change cleared it), so
-- they are found by their type: every credit note that waits for no other reason becomes due again.
-- This runs once per database and touches every workspace's credit notes, which is its purpose.
UPDATE documents
   SET state = 'PENDING', waiting_reason = NULL, error = NULL, fix_hint = NULL, next_attempt_at = now(),
       updated_at = now()
 WHERE state = 'WAITING'
   AND xero_type IN ('ACCRECCREDIT', 'ACCPAYCREDIT')
   AND (waiting_reason IS NULL OR waiting_reason = 'CREDIT_NOTES');
