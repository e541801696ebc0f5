-- Schema 20: credit note debits to give back at central (issue 14). A credit note tender
-- debited centrally and then removed, or its sale cancelled, gives the debit back; the
-- reversal is queued here before it is tried, and the sync engine sends it on each round
-- until central answers (a reversal is idempotent centrally: a debit central never
-- recorded, or one already given back, counts as done). Not the outbox, for the reasons
-- schema 19 gives for claim releases. Both queues keep central's last refusal code so
-- that one refused for good, or waiting too long, is shown to a manager
-- ("Operations to check"): nothing the till owes central is dropped unseen.
CREATE TABLE credit_note_reversals (
    op_id       TEXT PRIMARY KEY,   -- the debit's op id: '<sale_id>:t<seq>'
    code        TEXT NOT NULL,      -- the credit note's code
    queued_at   TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_code   TEXT,               -- central's refusal code; 'unreachable': no answer
    last_error  TEXT
) WITHOUT ROWID;

ALTER TABLE claim_releases ADD COLUMN last_code TEXT;
