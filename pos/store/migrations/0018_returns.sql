-- Schema 18: returns (issue 14). A returned line is a sale_lines row with a negative
-- quantity and amounts; this table says what it takes back. Written in the sale's own
-- transaction and never changed, like the other sale tables. origin_line_no 0: a return
-- without receipt, made under a manager's approval (approval_id).

CREATE TABLE sale_line_returns (
    sale_id         TEXT NOT NULL,
    line_no         INTEGER NOT NULL,
    origin_sale_id  TEXT NOT NULL,      -- a till sale's id, or a web order's id
    origin_line_no  INTEGER NOT NULL,
    origin_label    TEXT NOT NULL,      -- what staff read: "T01 n°123", a web order number
    channel         TEXT NOT NULL,
    reason          TEXT NOT NULL,
    restock         INTEGER NOT NULL,   -- 1: back to stock (a stock movement), 0: not
    approval_id     TEXT,
    CHECK (channel IN ('store', 'web')),
    CHECK (restock IN (0, 1)),
    CHECK (origin_line_no >= 0),
    PRIMARY KEY (sale_id, line_no),
    FOREIGN KEY (sale_id, line_no) REFERENCES sale_lines(sale_id, line_no)
) WITHOUT ROWID;

-- What is already returned of a line: every return ticket naming it.
CREATE INDEX sale_line_returns_origin ON sale_line_returns(origin_sale_id, origin_line_no);

-- Find a ticket by the amount paid and the day (the customer without the receipt's code).
CREATE INDEX sales_by_amount_and_time ON sales(total_cents, completed_at);

CREATE TRIGGER sale_line_returns_no_update BEFORE UPDATE ON sale_line_returns
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
CREATE TRIGGER sale_line_returns_no_delete BEFORE DELETE ON sale_line_returns
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
