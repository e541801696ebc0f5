-- Coupons (issue 15): the single-use codes central issued, and each one's reservation.
-- One row per code: a code is held by at most one sale at a time, so the reservation is
-- the row's state ('free' -> 'reserved' for sale_id -> 'consumed' by that sale's push;
-- released: back to 'free'). A 'reserved' row older than the hold is taken as free by
-- the next reservation (an abandoned till must not burn a customer's code).
CREATE TABLE IF NOT EXISTS coupon_codes (
    code         TEXT PRIMARY KEY,  -- normalised: upper case, no spaces or dashes
    promotion_id INTEGER NOT NULL,
    issued_at    TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('free', 'reserved', 'consumed')),
    sale_id      TEXT,              -- the sale holding it (reserved or consumed)
    store_id     TEXT,              -- where that sale is made
    reserved_at  TEXT,
    consumed_at  TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS coupon_codes_sale ON coupon_codes (sale_id) WHERE sale_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS coupon_codes_promotion ON coupon_codes (promotion_id);
