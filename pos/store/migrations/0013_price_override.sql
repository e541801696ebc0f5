-- Schema 13: a line sold at another price than the catalogue's, and the managers'
-- approvals a sale's acts were made under (issue 12, the missing till acts).
-- The columns are NULL on every line sold at its catalogue price (all sales before this
-- schema), and such a line's sealed record is exactly what it was: old journal entries
-- keep verifying. unit_price_cents is the price sold at; catalog_price_cents the one the
-- catalogue had.

ALTER TABLE sale_lines ADD COLUMN catalog_price_cents INTEGER;
ALTER TABLE sale_lines ADD COLUMN price_reason TEXT;
ALTER TABLE sale_lines ADD COLUMN price_note TEXT;
ALTER TABLE sale_lines ADD COLUMN price_approval_id TEXT;

-- line_no 0: an act on the whole ticket (its discount); else the line it changed.
CREATE TABLE sale_approvals (
    sale_id        TEXT NOT NULL REFERENCES sales(id),
    approval_id    TEXT NOT NULL,
    granted_right  TEXT NOT NULL,
    line_no        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (sale_id, line_no, approval_id)
) WITHOUT ROWID;

CREATE TRIGGER sale_approvals_no_update BEFORE UPDATE ON sale_approvals
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
CREATE TRIGGER sale_approvals_no_delete BEFORE DELETE ON sale_approvals
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
