-- Issue 16: stock counts (schema 6). Tables and index only (IF NOT EXISTS): a file of any
-- earlier schema gets them as is, no upgrade step needed.

-- Each counted line as applied: the till's expected figure (what it showed when the
-- article was counted), central's own level at that instant, and the delta applied.
CREATE TABLE IF NOT EXISTS stock_count_lines (
    op_id            TEXT NOT NULL,
    store_id         TEXT NOT NULL,
    count_id         TEXT NOT NULL,
    product_id       INTEGER NOT NULL,
    counted          INTEGER NOT NULL,
    counted_at       TEXT NOT NULL,
    till_expected    INTEGER NOT NULL,
    central_expected INTEGER NOT NULL,
    delta            INTEGER NOT NULL,
    staff_id         TEXT NOT NULL,
    approved_by      TEXT NOT NULL,
    PRIMARY KEY (op_id, product_id)
) WITHOUT ROWID;

-- A product's movements after an instant (its level at that instant), without reading
-- the store's whole history.
CREATE INDEX IF NOT EXISTS stock_movements_at ON stock_movements(store_id, product_id, at);

-- Late movements: the counts at or after an instant, per store.
CREATE INDEX IF NOT EXISTS stock_count_lines_at ON stock_count_lines(store_id, counted_at);
