-- Schema 24: single-use coupons to give back at central (issue 15). A code central
-- reserved for a sale is released when the cashier takes the coupon off or the sale is
-- cancelled; the release is queued here before it is tried, and the sync engine sends it
-- on each round until central answers (a release is idempotent centrally: a code not
-- reserved for that sale, or already consumed by its push, counts as done). Not the
-- outbox, for the reasons schema 19 gives for claim releases; central's last refusal code
-- is kept as schema 20 keeps it for the other undo calls.
CREATE TABLE coupon_releases (
    sale_id     TEXT NOT NULL,      -- the sale the code was reserved for
    code        TEXT NOT NULL,      -- the code, normalised
    queued_at   TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_code   TEXT,               -- central's refusal code; 'unreachable': no answer
    last_error  TEXT,
    PRIMARY KEY (sale_id, code)
) WITHOUT ROWID;
