-- The reference central server's database (one file, WAL). Every feed table carries
-- change_seq: a value from the single global counter, bumped by each upsert, indexed so
-- a page is a range scan. The server has one writer, so change_seq values commit in order.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- change_seq, and the operation counters shown by /v1/admin/stats.
CREATE TABLE IF NOT EXISTS counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS stores (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    enrolment_code_hash TEXT NOT NULL  -- sha256 hex of the store's enrolment code
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS terminals (
    store_id    TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,  -- sha256 hex: a stolen database holds no token
    enrolled_at TEXT NOT NULL,
    PRIMARY KEY (store_id, terminal_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS products (
    id          INTEGER PRIMARY KEY,
    sku         TEXT NOT NULL,
    name        TEXT NOT NULL,
    brand       TEXT NOT NULL,
    department  TEXT,
    price_cents INTEGER NOT NULL,
    vat_bp      INTEGER NOT NULL,
    sold_by     TEXT NOT NULL,
    plu         TEXT,
    barcodes    TEXT NOT NULL,  -- JSON array of strings, as served
    active      INTEGER NOT NULL,
    change_seq  INTEGER NOT NULL,
    -- Units sold as last served to the tills (schema 8; product_sales has the running
    -- count, sync.central.popularity decides when to republish).
    popularity  INTEGER NOT NULL DEFAULT 0,
    -- The item exactly as the catalog feed serves it, kept in step by SQLite itself:
    -- a page of 5000 is then a range scan and a join (~5 ms), not 5000 json_object calls.
    item        TEXT GENERATED ALWAYS AS (json_object(
        'id', id, 'sku', sku, 'name', name, 'brand', brand, 'department', department,
        'price_cents', price_cents, 'vat_bp', vat_bp, 'sold_by', sold_by, 'plu', plu,
        'barcodes', json(barcodes), 'active', json(CASE active WHEN 1 THEN 'true' ELSE 'false' END),
        'version', change_seq, 'popularity', popularity)) STORED
);

-- Units sold to customers per product, all stores and channels (schema 8): bumped in the
-- transaction that records a till sale or a click-and-collect handover. A row starts from
-- the product's served popularity (a seeded figure), so it never publishes a drop.
CREATE TABLE IF NOT EXISTS product_sales (
    product_id INTEGER PRIMARY KEY,
    units      INTEGER NOT NULL
);

-- Who owns each barcode: the till refuses a catalog with a barcode on two products.
CREATE TABLE IF NOT EXISTS barcodes (
    code       TEXT PRIMARY KEY,
    product_id INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS promotions (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    value      INTEGER NOT NULL,
    skus       TEXT NOT NULL,  -- JSON array
    starts_at  TEXT NOT NULL,
    ends_at    TEXT NOT NULL,
    active     INTEGER NOT NULL,
    change_seq INTEGER NOT NULL,
    -- Contract v2's other fields (sync.contract.promotions.PromotionRule), as JSON: the
    -- feed merges it into the item, pricing builds the engine's promotion from it.
    rule       TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE IF NOT EXISTS customers (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    email          TEXT NOT NULL,
    phone          TEXT NOT NULL,
    loyalty_points INTEGER NOT NULL,
    active         INTEGER NOT NULL,
    change_seq     INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS stock (
    store_id   TEXT NOT NULL,
    product_id INTEGER NOT NULL,
    sku        TEXT NOT NULL,
    on_hand    INTEGER NOT NULL,
    reserved   INTEGER NOT NULL DEFAULT 0,
    change_seq INTEGER NOT NULL,
    PRIMARY KEY (store_id, product_id)
) WITHOUT ROWID;

-- Click-and-collect orders. Each is kept whole, as served (web, pickups feed, desk lookup):
-- a handful of transitions per order, so a document beats a join per page. The other
-- columns are what queries filter on, kept in step with the document by the one writer.
CREATE TABLE IF NOT EXISTS pickups (
    id          TEXT PRIMARY KEY,
    store_id    TEXT NOT NULL,
    code        TEXT NOT NULL,  -- the pickup code, canonical XXXX-XXXX
    state       TEXT NOT NULL,
    version     INTEGER NOT NULL,
    expires_at  TEXT NOT NULL,  -- house format: compares as text
    request     TEXT NOT NULL,  -- sha256 of the web request: tells a retry from id reuse
    item        TEXT NOT NULL,  -- the PickupOrder JSON
    change_seq  INTEGER NOT NULL
) WITHOUT ROWID;

-- Online carts: priced once, kept whole as served; converted into one sale at most.
CREATE TABLE IF NOT EXISTS carts (
    id         TEXT PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL,
    sale_id    TEXT,  -- the sale it became
    item       TEXT NOT NULL  -- the Cart JSON
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS stock_movements (
    id         INTEGER PRIMARY KEY,
    store_id   TEXT NOT NULL,
    product_id INTEGER NOT NULL,
    delta      INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    ref        TEXT,
    op_id      TEXT,  -- the operation that moved it; NULL for operator counts
    at         TEXT NOT NULL,
    staff_id   TEXT   -- who, for a till's adjustment (schema 4); NULL for sales and counts
);

-- Every accepted operation, committed with its effects: the durable idempotency record.
CREATE TABLE IF NOT EXISTS operations (
    op_id       TEXT PRIMARY KEY,
    store_id    TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    fingerprint TEXT NOT NULL,  -- sha256 of kind + canonical payload: tells a retry from reuse
    warnings    TEXT NOT NULL,  -- JSON array, repeated on a duplicate
    accepted_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS sales (
    id             INTEGER PRIMARY KEY,
    op_id          TEXT NOT NULL UNIQUE,
    store_id       TEXT NOT NULL,
    terminal_id    TEXT NOT NULL,
    journal_seq    INTEGER NOT NULL,
    ticket_no      INTEGER NOT NULL,
    total_cents    INTEGER NOT NULL,
    completed_at   TEXT NOT NULL,
    sale_json      TEXT NOT NULL  -- the canonical record, exactly the bytes that were hashed
);

-- The terminal journals as witnessed: one row per (terminal, seq), the first hash seen.
CREATE TABLE IF NOT EXISTS chain_entries (
    store_id    TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    hash        TEXT NOT NULL,
    op_id       TEXT NOT NULL,
    PRIMARY KEY (store_id, terminal_id, seq)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS chain_heads (
    store_id          TEXT NOT NULL,
    terminal_id       TEXT NOT NULL,
    head_seq          INTEGER NOT NULL,
    head_hash         TEXT NOT NULL,
    entries           INTEGER NOT NULL,
    grand_total_cents INTEGER NOT NULL,
    PRIMARY KEY (store_id, terminal_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS chain_flags (
    id          INTEGER PRIMARY KEY,
    store_id    TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    op_id       TEXT NOT NULL,
    detail      TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chain_flags_terminal ON chain_flags(store_id, terminal_id, id);

CREATE TABLE IF NOT EXISTS reservations (
    id          TEXT PRIMARY KEY,
    store_id    TEXT NOT NULL,
    lines       TEXT NOT NULL,  -- canonical JSON of the requested lines
    status      TEXT NOT NULL CHECK (status IN ('held', 'released')),
    created_at  TEXT NOT NULL,
    released_at TEXT
) WITHOUT ROWID;

-- Every enrolment attempt (auth.enrol): wrong codes are throttled per store from these
-- rows, so a restart does not reset the count; the operator reads them back.
CREATE TABLE IF NOT EXISTS enrolment_attempts (
    id          INTEGER PRIMARY KEY,
    store_id    TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    at          TEXT NOT NULL,
    at_s        REAL NOT NULL,  -- Unix seconds: the throttle's window
    outcome     TEXT NOT NULL CHECK (outcome IN ('accepted', 'wrong_code', 'throttled'))
);
CREATE INDEX IF NOT EXISTS enrolment_attempts_store ON enrolment_attempts(store_id, outcome, at_s);

-- Staff of each store, served by the per-store ``staff`` feed (PINs as argon2id hashes).
CREATE TABLE IF NOT EXISTS staff (
    store_id     TEXT NOT NULL,
    id           TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL,
    pin_hash     TEXT NOT NULL,
    badge        TEXT,
    language     TEXT NOT NULL,
    active       INTEGER NOT NULL,
    change_seq   INTEGER NOT NULL,
    PRIMARY KEY (store_id, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS staff_change ON staff (store_id, change_seq);

-- Managers' approvals pushed by the tills (kind ``approval``), once each by op_id.
CREATE TABLE IF NOT EXISTS approvals (
    op_id        TEXT PRIMARY KEY,
    store_id     TEXT NOT NULL,
    terminal_id  TEXT NOT NULL,
    right_name   TEXT NOT NULL,
    asked_by     TEXT NOT NULL,
    approved_by  TEXT NOT NULL,
    amount_cents INTEGER,
    at           TEXT NOT NULL,
    payload      TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
) WITHOUT ROWID;
