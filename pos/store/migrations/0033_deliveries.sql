-- Schema 33: deliveries expected at this store (issue 16), from the ``deliveries`` feed:
-- a supplier's, or goods another store transferred here. Each kept whole as central sent
-- it (``item``), its expected lines apart so the stock screen's "incoming" figure is one
-- indexed sum. ``received_op_id``: this till's receipt, recorded before central knows
-- (a delivery is never received twice here, and stops counting as incoming at once).
CREATE TABLE deliveries (
    id             TEXT PRIMARY KEY,
    store_id       TEXT NOT NULL,
    source_kind    TEXT NOT NULL,
    source         TEXT NOT NULL,
    state          TEXT NOT NULL,   -- central's: expected / received
    created_at     TEXT NOT NULL,
    version        INTEGER NOT NULL,
    item           TEXT NOT NULL,
    pulled_at      TEXT NOT NULL,
    received_op_id TEXT,
    received_at    TEXT
) WITHOUT ROWID;

CREATE TABLE delivery_lines (
    delivery_id TEXT NOT NULL,
    line_no     INTEGER NOT NULL,
    product_id  INTEGER NOT NULL,
    sku         TEXT NOT NULL,
    quantity    INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, line_no)
) WITHOUT ROWID;
CREATE INDEX delivery_lines_product ON delivery_lines(product_id);
