-- Secondary indexes, created after a bulk seed (one sort each beats a million inserts).
CREATE UNIQUE INDEX IF NOT EXISTS products_sku ON products(sku);
CREATE UNIQUE INDEX IF NOT EXISTS products_plu ON products(plu) WHERE plu IS NOT NULL;
CREATE INDEX IF NOT EXISTS products_change ON products(change_seq);
CREATE INDEX IF NOT EXISTS promotions_change ON promotions(change_seq);
CREATE INDEX IF NOT EXISTS customers_change ON customers(change_seq);
CREATE INDEX IF NOT EXISTS stock_change ON stock(store_id, change_seq);
-- the network_stock feed: every location's changes in order (issue 16)
CREATE INDEX IF NOT EXISTS stock_change_all ON stock(change_seq);
CREATE INDEX IF NOT EXISTS pickups_change ON pickups(store_id, change_seq);
CREATE UNIQUE INDEX IF NOT EXISTS pickups_code ON pickups(store_id, code);
CREATE INDEX IF NOT EXISTS pickups_open ON pickups(expires_at)
    WHERE state IN ('received', 'preparing', 'ready');
