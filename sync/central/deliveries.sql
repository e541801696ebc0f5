-- Issue 16: deliveries expected at a store (a supplier's, or another store's transfer)
-- and the transfers stores sent. Tables only (IF NOT EXISTS): schema 5 needs no upgrade
-- step, a file of any earlier schema gets them as is.

-- Each delivery kept whole as the ``deliveries`` feed serves it (``item``, a
-- DeliveryItem), re-written with a new change_seq when it is received.
CREATE TABLE IF NOT EXISTS deliveries (
    id          TEXT PRIMARY KEY,
    store_id    TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('expected', 'received')),
    fingerprint TEXT NOT NULL,   -- sha256 of the announcement: a re-send, or another one
    item        TEXT NOT NULL,
    change_seq  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS deliveries_change ON deliveries(store_id, change_seq);

-- Goods a store sent to another: their delivery there is ``transfer:<id>``.
CREATE TABLE IF NOT EXISTS transfers (
    id            TEXT PRIMARY KEY,
    from_store_id TEXT NOT NULL,
    to_store_id   TEXT NOT NULL,
    op_id         TEXT NOT NULL,
    sent_by       TEXT NOT NULL,
    sent_at       TEXT NOT NULL
) WITHOUT ROWID;

-- The transfers a store sent, for its deliveries feed (it reads what arrived).
CREATE INDEX IF NOT EXISTS transfers_from ON transfers(from_store_id);
