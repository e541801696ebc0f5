-- Receipts are offered, not printed systematically (French rule since 1 Aug 2023): the
-- cashier's choice for each sale is recorded, and so is every duplicate and every time
-- the cash drawer opens.

CREATE TABLE receipt_events (
    id      INTEGER PRIMARY KEY,
    sale_id TEXT NOT NULL REFERENCES sales(id),
    kind    TEXT NOT NULL CHECK (kind IN ('printed', 'declined', 'duplicate', 'print_failed')),
    at      TEXT NOT NULL,
    detail  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX receipt_events_sale ON receipt_events(sale_id, kind);

CREATE TABLE drawer_events (
    id       INTEGER PRIMARY KEY,
    reason   TEXT NOT NULL CHECK (reason IN ('cash_sale', 'manual')),
    cashier  TEXT NOT NULL,
    sale_id  TEXT,
    at       TEXT NOT NULL
);

CREATE TRIGGER receipt_events_no_update BEFORE UPDATE ON receipt_events
BEGIN SELECT RAISE(ABORT, 'receipt events are append-only'); END;
CREATE TRIGGER receipt_events_no_delete BEFORE DELETE ON receipt_events
BEGIN SELECT RAISE(ABORT, 'receipt events are append-only'); END;
CREATE TRIGGER drawer_events_no_update BEFORE UPDATE ON drawer_events
BEGIN SELECT RAISE(ABORT, 'drawer events are append-only'); END;
CREATE TRIGGER drawer_events_no_delete BEFORE DELETE ON drawer_events
BEGIN SELECT RAISE(ABORT, 'drawer events are append-only'); END;
