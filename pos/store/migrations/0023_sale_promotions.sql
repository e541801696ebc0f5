-- Issue 15: what each promotion took off each sold line, and the customer attached to a
-- sale (sale record v4). The promotions' amounts are already inside the line's
-- line_discount_cents: these rows detail them (the order applied is the insertion order,
-- read back by rowid). Immutable like the rest of a sale.
CREATE TABLE sale_line_promotions (
    sale_id        TEXT NOT NULL,
    line_no        INTEGER NOT NULL,
    promotion_id   INTEGER NOT NULL,
    name           TEXT NOT NULL,
    discount_cents INTEGER NOT NULL CHECK (discount_cents > 0),
    PRIMARY KEY (sale_id, line_no, promotion_id),
    FOREIGN KEY (sale_id, line_no) REFERENCES sale_lines (sale_id, line_no)
);

CREATE TRIGGER sale_line_promotions_no_update BEFORE UPDATE ON sale_line_promotions
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
CREATE TRIGGER sale_line_promotions_no_delete BEFORE DELETE ON sale_line_promotions
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;

-- The customer attached at the till (NULL: none); set by the sale's INSERT, never after
-- (sales_no_update refuses any update of the row).
ALTER TABLE sales ADD COLUMN customer_id TEXT;

-- The open basket keeps who and which coupons it is priced for: JSON
-- {"customer_id": ..., "coupons": [...]}, NULL when neither.
ALTER TABLE open_basket ADD COLUMN pricing TEXT;
