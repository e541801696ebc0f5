-- Loyalty (issue 15): the one rule, and the ledger whose sum is each customer's balance
-- (kept in ``customers.loyalty_points`` by the same transaction as each entry).

-- The rule as served (``LoyaltyRuleModel`` without its version); one row, id 1.
CREATE TABLE IF NOT EXISTS loyalty_rule (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    rule    TEXT NOT NULL,
    version INTEGER NOT NULL
);
INSERT OR IGNORE INTO loyalty_rule (id, rule, version) VALUES (1,
    '{"points_per_euro":1,"departments":[],"redeem_points":100,"redeem_cents":100,"min_redeem_points":100}',
    1);

-- Every change of a balance. ``points`` is the signed change made; ``asked`` what the
-- entry asked for (a return's take-back stops at a zero balance). ``source_id``: the sale,
-- return, web order or redemption it comes from. ``detail``: an earn's lines and rule.
CREATE TABLE IF NOT EXISTS loyalty_entries (
    id          INTEGER PRIMARY KEY,
    op_id       TEXT NOT NULL UNIQUE,
    customer_id TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'reverse', 'adjust')),
    points      INTEGER NOT NULL,
    asked       INTEGER NOT NULL,
    source_id   TEXT,
    detail      TEXT,
    at          TEXT NOT NULL,
    reversed_at TEXT  -- a redemption given back
);
CREATE INDEX IF NOT EXISTS loyalty_entries_customer ON loyalty_entries (customer_id, id);

-- What each return took back of each earning line (cents), so a second return of the same
-- sale takes back only what the first left.
CREATE TABLE IF NOT EXISTS loyalty_returned (
    return_id      TEXT NOT NULL,
    origin_sale_id TEXT NOT NULL,
    origin_line_no INTEGER NOT NULL,
    cents          INTEGER NOT NULL,
    PRIMARY KEY (return_id, origin_sale_id, origin_line_no)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS loyalty_returned_origin ON loyalty_returned (origin_sale_id);

-- The customer a web order named (``PickupOrderRequest.customer_id``): it earns at handover.
CREATE TABLE IF NOT EXISTS loyalty_orders (
    order_id    TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL
) WITHOUT ROWID;
