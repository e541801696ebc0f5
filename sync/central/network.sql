-- Issue 16: stock across the network. Tables only (IF NOT EXISTS): a file of any
-- earlier schema gets them as is, no upgrade step needed.

-- Locations that are warehouses, not shops: a ``stores`` row that holds stock but has no
-- till (its enrolment code is unusable) and takes no pickup order.
CREATE TABLE IF NOT EXISTS warehouses (
    store_id TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Orders a till placed for a customer (the endless aisle), kept whole as answered:
-- ``request`` (sha256) tells a retry from an id reused for another order.
CREATE TABLE IF NOT EXISTS customer_orders (
    id         TEXT PRIMARY KEY,
    ordered_by TEXT NOT NULL,
    request    TEXT NOT NULL,
    item       TEXT NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;

-- A customer order paid at a till (sale record v5): the sale that paid it, once. A
-- second sale for the same order is refused (``customer_order_paid``).
CREATE TABLE IF NOT EXISTS customer_order_payments (
    order_id TEXT PRIMARY KEY,
    sale_id  TEXT NOT NULL,
    store_id TEXT NOT NULL,
    paid_at  TEXT NOT NULL
) WITHOUT ROWID;
