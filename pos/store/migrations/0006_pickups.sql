-- Click-and-collect at the desk: the store's pickup orders as the pickups feed brings them,
-- and the desk's own moves, so the desk works offline (pos.store.pickup_orders).
--
-- pickup_orders/pickup_lines hold central's state only (latest version wins); a move made
-- at this desk lives in pickup_moves beside its outbox row (same transaction) and is laid
-- over central's state when read, until central's version shows it or the outbox row is
-- rejected. Nothing here is ever rewritten by the desk itself, so a pull can never undo
-- a pending move and a rejected one falls back to central's state by construction.

CREATE TABLE pickup_orders (
    id                    TEXT PRIMARY KEY,     -- central order id (the web shop's)
    store_id              TEXT NOT NULL,
    pickup_code           TEXT NOT NULL,        -- canonical XXXX-XXXX
    qr_text               TEXT NOT NULL,        -- CMPT-PU:<id>:<code>
    state                 TEXT NOT NULL,        -- central's, as last pulled
    version               INTEGER NOT NULL,     -- central's: +1 per change
    customer_name         TEXT NOT NULL,
    customer_email        TEXT NOT NULL DEFAULT '',
    customer_phone        TEXT NOT NULL DEFAULT '',
    paid                  INTEGER NOT NULL CHECK (paid IN (0, 1)),  -- 0: paid at the desk
    partial               INTEGER NOT NULL CHECK (partial IN (0, 1)),
    total_cents           INTEGER NOT NULL,
    picked_total_cents    INTEGER,
    collected_total_cents INTEGER,
    sale_id               TEXT,
    created_at            TEXT NOT NULL,
    due_at                TEXT,                 -- UTC, like every stamp: compared as text
    expires_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    history               TEXT NOT NULL,        -- JSON: [{version, from_state, state, at, ...}]
    search_key            TEXT NOT NULL,        -- text_keys words: id, code, name, email, phone
    pulled_at             TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX pickup_orders_code ON pickup_orders(pickup_code);
CREATE INDEX pickup_orders_open ON pickup_orders(state, due_at)
    WHERE state IN ('received', 'preparing', 'ready');

CREATE TABLE pickup_lines (
    order_id           TEXT NOT NULL REFERENCES pickup_orders(id),
    line_no            INTEGER NOT NULL,
    product_id         INTEGER NOT NULL,        -- central id: the same in the local catalog
    sku                TEXT NOT NULL,
    name               TEXT NOT NULL,
    sold_by            TEXT NOT NULL CHECK (sold_by IN ('unit', 'weight')),
    quantity           INTEGER NOT NULL,        -- ordered: units, or grams
    list_price_cents   INTEGER NOT NULL,
    unit_price_cents   INTEGER NOT NULL,        -- the order's price: what the desk charges
    vat_bp             INTEGER NOT NULL,
    promotion          TEXT,                    -- the promotion's name, if one priced it
    discount_cents     INTEGER NOT NULL,
    total_cents        INTEGER NOT NULL,
    picked_quantity    INTEGER,
    collected_quantity INTEGER,
    PRIMARY KEY (order_id, line_no)
) WITHOUT ROWID;

-- A desk's move, committed with its pickup_transition outbox row (same op_id). Its fate
-- is the outbox row's: pending, acknowledged, or rejected (then shown as a conflict
-- until dismissed).
CREATE TABLE pickup_moves (
    op_id            TEXT PRIMARY KEY REFERENCES outbox(op_id),
    order_id         TEXT NOT NULL REFERENCES pickup_orders(id),
    from_state       TEXT NOT NULL,
    to_state         TEXT NOT NULL,
    expected_version INTEGER NOT NULL,          -- the version the desk saw (or predicted)
    counts           TEXT,                      -- JSON {sku: quantity} picked / handed over
    staff            TEXT NOT NULL,
    at               TEXT NOT NULL,
    sale_id          TEXT,
    reason           TEXT,
    dismissed_at     TEXT                       -- a conflict the staff has dealt with
) WITHOUT ROWID;
CREATE INDEX pickup_moves_order ON pickup_moves(order_id);
