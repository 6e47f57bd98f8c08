-- Credit notes are allocated to the invoice or bill of their order by default (F19/F24 reconciliation: a user
-- expects a credit note to reduce what its invoice still has due). A later version of an allocated credit note no
-- longer becomes LOCKED: LedgerBridge removes its own allocation first, updates the credit note, and allocates it
-- again. The setting stays, so a workspace can still turn allocation off.
ALTER TABLE workspace_settings
    ALTER COLUMN allocate_credit_notes SET DEFAULT true;
UPDATE workspace_settings SET allocate_credit_notes = true, updated_at = now() WHERE NOT allocate_credit_notes;

-- credit_note_allocations.allocation_state gains REMOVING (AllocationState): our allocation's DELETE went without an
-- answer (or with a 5xx or 404), so the credit note is read from Xero before anything goes again. Once Xero no longer
-- holds it, the row is DUE again (allocation_id and amount cleared) and the credit note is released to the lane.
