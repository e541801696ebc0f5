-- Sync with the central commerce API: where each pull stands, the central stock levels,
-- promotions, and what the outbox needs to tell "in flight" from "known centrally".
-- Each pulled page and its cursor commit in one transaction (pos.store.feed_cursors).

CREATE TABLE feed_cursors (
    feed       TEXT PRIMARY KEY,        -- catalog, stock, customers, promotions, pickups
    cursor     TEXT NOT NULL,           -- opaque: passed back to the API unchanged
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- Small counters and flags of the sync engine (e.g. ack_no, below).
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO sync_state (key, value) VALUES ('ack_no', 0);

-- This store's stock as the central API last reported it. No foreign key: a level may
-- arrive before its product (the stock feed can run ahead of the catalog feed).
-- reflects_ack_no: every push batch acknowledged with ack_no <= this is included in
-- on_hand, so the till adds only the local movements of later or unacknowledged pushes
-- (pos.store.stock_levels).
CREATE TABLE central_stock (
    product_id      INTEGER PRIMARY KEY,
    sku             TEXT NOT NULL,
    on_hand         INTEGER NOT NULL,   -- units, or grams for goods sold by weight
    reserved        INTEGER NOT NULL,   -- held for click-and-collect and web reservations
    version         INTEGER NOT NULL,
    reflects_ack_no INTEGER NOT NULL
);

-- A first full pull into an empty catalog lands here, page by page (each with its
-- cursor), and moves into products in one bulk transaction when the feed is caught up:
-- at 1,000,000 products several times faster than upserting page by page through the
-- search-index triggers and the indexes (pos.store.catalog_staging).
CREATE TABLE catalog_staging (
    id          INTEGER PRIMARY KEY,     -- central product id; a later state replaces it
    sku         TEXT NOT NULL,
    name        TEXT NOT NULL,
    brand       TEXT NOT NULL,
    department  TEXT,
    price_cents INTEGER NOT NULL,
    vat_bp      INTEGER NOT NULL,
    sold_by     TEXT NOT NULL,
    plu         TEXT,
    active      INTEGER NOT NULL,
    name_key    TEXT NOT NULL,
    brand_key   TEXT NOT NULL,
    barcodes    TEXT NOT NULL            -- JSON array of codes
);

CREATE TABLE promotions (
    id         INTEGER PRIMARY KEY,     -- central promotion id
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('percent', 'amount_off')),
    value      INTEGER NOT NULL,        -- basis points for percent, cents for amount_off
    skus       TEXT NOT NULL,           -- JSON array of SKUs
    starts_at  TEXT,
    ends_at    TEXT,
    active     INTEGER NOT NULL CHECK (active IN (0, 1)),
    version    INTEGER NOT NULL
);

ALTER TABLE customers ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE customers ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- The outbox learns two outcomes besides "pending": acknowledged by push batch ack_no
-- (a counter in sync_state), and rejected for good (kept for support, never re-sent).
ALTER TABLE outbox ADD COLUMN ack_no INTEGER;
ALTER TABLE outbox ADD COLUMN rejected_at TEXT;
ALTER TABLE outbox ADD COLUMN rejected_code TEXT;
CREATE INDEX outbox_to_push ON outbox(seq) WHERE acked_at IS NULL AND rejected_at IS NULL;
CREATE INDEX outbox_ack_no ON outbox(ack_no) WHERE ack_no IS NOT NULL;
CREATE INDEX outbox_rejected ON outbox(seq) WHERE rejected_at IS NOT NULL;

-- A local movement belongs to the outbox operation whose op_id is its ref (a sale's
-- lines carry the sale id): found from the few operations not yet known centrally.
CREATE INDEX stock_movements_ref ON stock_movements(ref, product_id);
