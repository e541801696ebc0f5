-- Sales, the sealed journal, the outbox and parked baskets.
-- A completed sale is never updated or deleted: the triggers refuse it, and the journal's
-- hash chain detects an edit made by anything that drops them (the sqlite3 shell).
-- The CHECKs are structural only (no sign rules), so a later return document can share
-- these tables; the store validates the business rules before writing.

CREATE TABLE ticket_counters (
    terminal_id    TEXT PRIMARY KEY,
    last_ticket_no INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sales (
    id            TEXT PRIMARY KEY,      -- the sale's stable operation id (UUID)
    terminal_id   TEXT NOT NULL,
    ticket_no     INTEGER NOT NULL,
    cashier       TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    completed_at  TEXT NOT NULL,
    total_cents   INTEGER NOT NULL,
    change_cents  INTEGER NOT NULL,
    CHECK (ticket_no > 0),
    UNIQUE (terminal_id, ticket_no)
) WITHOUT ROWID;

CREATE TABLE sale_lines (
    sale_id               TEXT NOT NULL REFERENCES sales(id),
    line_no               INTEGER NOT NULL,
    product_id            INTEGER NOT NULL,
    sku                   TEXT NOT NULL,
    name                  TEXT NOT NULL,
    barcode               TEXT,
    sold_by               TEXT NOT NULL,
    quantity              INTEGER NOT NULL,
    unit_price_cents      INTEGER NOT NULL,
    vat_bp                INTEGER NOT NULL,
    gross_cents           INTEGER NOT NULL,
    line_discount_cents   INTEGER NOT NULL,
    ticket_discount_cents INTEGER NOT NULL,
    total_cents           INTEGER NOT NULL,
    CHECK (sold_by IN ('unit', 'weight')),
    CHECK (total_cents = gross_cents - line_discount_cents - ticket_discount_cents),
    PRIMARY KEY (sale_id, line_no)
) WITHOUT ROWID;

CREATE TABLE sale_tenders (
    sale_id      TEXT NOT NULL REFERENCES sales(id),
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    reference    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sale_id, seq)
) WITHOUT ROWID;

CREATE TABLE sale_vat (
    sale_id     TEXT NOT NULL REFERENCES sales(id),
    vat_bp      INTEGER NOT NULL,
    base_cents  INTEGER NOT NULL,
    vat_cents   INTEGER NOT NULL,
    total_cents INTEGER NOT NULL,
    CHECK (base_cents + vat_cents = total_cents),
    PRIMARY KEY (sale_id, vat_bp)
) WITHOUT ROWID;

-- One entry per completed sale, chained: hash = SHA-256(prev_hash, "\n", canonical sale
-- rebuilt from the rows above), so re-reading the rows tells whether they changed.
CREATE TABLE journal (
    seq               INTEGER PRIMARY KEY,
    sale_id           TEXT NOT NULL UNIQUE,
    terminal_id       TEXT NOT NULL,
    ticket_no         INTEGER NOT NULL,
    total_cents       INTEGER NOT NULL,
    grand_total_cents INTEGER NOT NULL,   -- perpetual: every sale ever, never reset
    prev_hash         TEXT NOT NULL,   -- the previous entry's hash; 64 zeros for entry 1
    hash              TEXT NOT NULL,
    created_at        TEXT NOT NULL
);

-- Stock changes as deltas; pushed to the central API, never overwritten by a terminal.
CREATE TABLE stock_movements (
    id         INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL,
    delta      INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    ref        TEXT,
    created_at TEXT NOT NULL
);

-- Operations waiting for the central API, committed with the change they describe.
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,  -- the terminal's sequence number
    op_id      TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    acked_at   TEXT
);
CREATE INDEX outbox_pending ON outbox(seq) WHERE acked_at IS NULL;

CREATE TABLE parked_sales (
    id          TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    cashier     TEXT NOT NULL,
    label       TEXT NOT NULL DEFAULT '',
    payload     TEXT NOT NULL,
    parked_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX parked_sales_terminal ON parked_sales(terminal_id, parked_at);

CREATE TRIGGER sales_no_update BEFORE UPDATE ON sales
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
CREATE TRIGGER sale_lines_no_update BEFORE UPDATE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
CREATE TRIGGER sale_lines_no_delete BEFORE DELETE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
CREATE TRIGGER sale_tenders_no_update BEFORE UPDATE ON sale_tenders
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
CREATE TRIGGER sale_tenders_no_delete BEFORE DELETE ON sale_tenders
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
CREATE TRIGGER sale_vat_no_update BEFORE UPDATE ON sale_vat
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
CREATE TRIGGER sale_vat_no_delete BEFORE DELETE ON sale_vat
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
