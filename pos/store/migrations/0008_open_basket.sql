-- Schema 8: the open basket, saved as it changes, for crash recovery (issue 10).
-- One open basket per terminal: its header (sale id, start, ticket discount, tenders
-- taken) and one row per line, so a scan writes one small row, not the whole basket.
-- The sale's commit deletes both in its own transaction and records the completed sale
-- in sale_display until the till has shown it: after a kill, exactly one of {the open
-- basket, the completed sale} is there to be offered back.

CREATE TABLE open_basket (
    terminal_id     TEXT PRIMARY KEY,
    sale_id         TEXT NOT NULL,
    cashier         TEXT NOT NULL,
    started_at      TEXT NOT NULL,
    ticket_discount TEXT,                       -- JSON, NULL when none
    tenders         TEXT NOT NULL DEFAULT '[]', -- JSON list of tenders taken so far
    saved_at        TEXT NOT NULL
);

CREATE TABLE open_basket_lines (
    terminal_id TEXT NOT NULL,
    line_id     INTEGER NOT NULL,
    payload     TEXT NOT NULL,                  -- JSON: the line as priced, product snapshot
    PRIMARY KEY (terminal_id, line_id)
) WITHOUT ROWID;

-- The terminal's last completed sale until its screen showed it (shown_at set).
CREATE TABLE sale_display (
    terminal_id TEXT PRIMARY KEY,
    sale_id     TEXT NOT NULL REFERENCES sales(id),
    shown_at    TEXT
);
