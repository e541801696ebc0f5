-- Stock movements learn who made them and why in the staff's words (issue 16): a
-- manager's adjustment (damaged, stolen, found...) names its author and a free note. A
-- sale's movements keep staff_id NULL: the sale they belong to (ref) names its cashier.
ALTER TABLE stock_movements ADD COLUMN staff_id TEXT;
ALTER TABLE stock_movements ADD COLUMN note TEXT NOT NULL DEFAULT '';
-- The manager who approved a cashier's adjustment on the spot (pos.services.approvals).
ALTER TABLE stock_movements ADD COLUMN approved_by TEXT;

-- An article's last movements, newest first, without reading a year of sales.
CREATE INDEX stock_movements_product ON stock_movements(product_id, id);

-- The stock screen's low- and negative-stock lists: a range of the shown level
-- (stock.on_hand is kept equal to it, pos.store.stock_levels) read from an index.
CREATE INDEX stock_on_hand ON stock(on_hand, product_id);
