-- A payout's claim carries a token (as documents' claims do): each tick that takes a payout writes a new one, and every
-- outcome the tick records is conditional on it, so a tick stalled past its hold cannot overwrite the next tick's work.
ALTER TABLE payouts ADD COLUMN claim_token uuid;
