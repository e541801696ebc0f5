-- Schema 27: loyalty at the till (issue 15). The rule central serves, cached so the till
-- computes the points a sale earns offline with the same rule (one row, replaced at each
-- sync round); and the redemptions the till owes central: a points tender taken offline
-- (sent at the next round) or one taken off a sale (its reversal). Not the outbox, for the
-- reasons schema 19 gives for claim releases: these calls are idempotent by op id and sent
-- again until central answers. A queued redemption central refuses (the balance was spent
-- elsewhere meanwhile) is kept with ``refused_at``: on the attention list, never dropped.
CREATE TABLE loyalty_rule (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    rule        TEXT NOT NULL,      -- the rule as central served it (JSON, contract v1)
    version     INTEGER NOT NULL,
    fetched_at  TEXT NOT NULL
);

CREATE TABLE loyalty_owed (
    op_id       TEXT PRIMARY KEY,   -- <sale_id>:loyalty:<n>, the tender's reference
    action      TEXT NOT NULL CHECK (action IN ('redeem', 'reverse')),
    customer_id TEXT NOT NULL,
    sale_id     TEXT NOT NULL,
    points      INTEGER NOT NULL CHECK (points > 0),
    queued_at   TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_code   TEXT,               -- central's refusal code; 'unreachable': no answer
    last_error  TEXT,
    refused_at  TEXT                -- a redemption central refused: for a manager to settle
) WITHOUT ROWID;

CREATE INDEX loyalty_owed_by_sale ON loyalty_owed (sale_id, customer_id);
