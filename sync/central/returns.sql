-- Returns, refunds and credit notes (issue 14). A till sale is kept whole in ``sales``
-- (its canonical record); these tables hold what returns did to it.

-- A till ticket found by its number, in its store (the typed ticket number of a return).
CREATE INDEX IF NOT EXISTS sales_ticket ON sales (store_id, terminal_id, ticket_no);

-- A return claimed online before its ticket was committed: held until the ticket's push
-- consumes it, or released when the return is abandoned. ``result`` is the first answer,
-- given again to a retry.
CREATE TABLE IF NOT EXISTS return_claims (
    return_id   TEXT PRIMARY KEY,
    store_id    TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,  -- sha256 of the canonical claim: tells a retry from reuse
    status      TEXT NOT NULL CHECK (status IN ('held', 'consumed', 'released')),
    result      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    settled_at  TEXT
) WITHOUT ROWID;
-- The held claims, oldest first: those held too long are released by the next claim.
CREATE INDEX IF NOT EXISTS return_claims_held ON return_claims (status, created_at);

-- What each return (claim or ticket, one ``return_id``) takes back of each original line:
-- a held claim's rows, replaced by its ticket's when it is pushed. The sum per original
-- line is its returned quantity, across every terminal and channel.
CREATE TABLE IF NOT EXISTS returned_quantities (
    return_id      TEXT NOT NULL,
    origin_sale_id TEXT NOT NULL,
    origin_line_no INTEGER NOT NULL,
    quantity       INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (return_id, origin_sale_id, origin_line_no)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS returned_origin ON returned_quantities (origin_sale_id, origin_line_no);

-- Return tickets accepted although their quantities were no longer returnable (made
-- offline): the manager's attention list.
CREATE TABLE IF NOT EXISTS return_conflicts (
    id               INTEGER PRIMARY KEY,
    store_id         TEXT NOT NULL,
    return_id        TEXT NOT NULL,
    origin_sale_id   TEXT NOT NULL,
    origin_line_no   INTEGER NOT NULL,
    quantity         INTEGER NOT NULL,
    remaining_before INTEGER NOT NULL,
    reason           TEXT NOT NULL,
    at               TEXT NOT NULL
);

-- Money given back to an original payment: a return's card refund, a short pickup's
-- refund. ``origin_id`` is the till sale or the web order paid; ``ref`` what refunded it.
CREATE TABLE IF NOT EXISTS refunds (
    id           INTEGER PRIMARY KEY,
    origin_id    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    reference    TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    reason       TEXT NOT NULL,  -- return, short_pickup
    ref          TEXT NOT NULL,
    at           TEXT NOT NULL,
    UNIQUE (ref, origin_id, reference)
);
CREATE INDEX IF NOT EXISTS refunds_origin ON refunds (origin_id);

-- Credit notes (avoirs): issued by a return ticket, spent by idempotent debits.
CREATE TABLE IF NOT EXISTS credit_notes (
    code          TEXT PRIMARY KEY,
    issued_cents  INTEGER NOT NULL CHECK (issued_cents > 0),
    balance_cents INTEGER NOT NULL CHECK (balance_cents >= 0),
    issued_at     TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    issued_by     TEXT NOT NULL UNIQUE,  -- the return ticket: one credit note per return
    store_id      TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS credit_note_debits (
    op_id          TEXT PRIMARY KEY,
    code           TEXT NOT NULL,
    amount_cents   INTEGER NOT NULL,  -- asked for
    applied_cents  INTEGER NOT NULL,  -- taken off the balance (less when overspent offline)
    channel        TEXT NOT NULL,
    at             TEXT NOT NULL,
    reversed_at    TEXT
) WITHOUT ROWID;
