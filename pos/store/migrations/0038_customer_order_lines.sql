-- Issue 16 (the endless aisle): the customer order a sold line pays at this till, ordered
-- for pickup at another store or home delivery (sale record v5: the line's
-- customer_order_id). Such a line takes no stock of this store: its goods are elsewhere.
-- fulfilment, location_name and label (the pickup code, or a short order number) are what
-- the receipt says ("Commande n° K7M2-Q9XD à retirer à Paris Rivoli");
-- only order_id is in the signed record. Immutable like the rest of a sale.
CREATE TABLE sale_line_orders (
    sale_id       TEXT NOT NULL,
    line_no       INTEGER NOT NULL,
    order_id      TEXT NOT NULL,
    fulfilment    TEXT NOT NULL,
    location_name TEXT NOT NULL,
    label         TEXT NOT NULL,
    PRIMARY KEY (sale_id, line_no),
    FOREIGN KEY (sale_id, line_no) REFERENCES sale_lines (sale_id, line_no)
) WITHOUT ROWID;

CREATE TRIGGER sale_line_orders_no_update BEFORE UPDATE ON sale_line_orders
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
CREATE TRIGGER sale_line_orders_no_delete BEFORE DELETE ON sale_line_orders
BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END;
