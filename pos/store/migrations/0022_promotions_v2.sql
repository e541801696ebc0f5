-- Promotions as the shared engine prices them (contract v2, sync/contract/promotions.py):
-- the columns the till filters on, and the engine's other fields as one JSON object
-- (``rule``: targets, priority, exclusivity, scope, coupon, n/m, threshold). The v1 table
-- allowed only 'percent' and 'amount_off'; it is rebuilt, and the feed pulled again whole
-- so every promotion arrives with its v2 fields.
CREATE TABLE promotions_v2 (
    id        INTEGER PRIMARY KEY,      -- central promotion id
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,            -- pos.domain.promotions.Kind
    value     INTEGER NOT NULL,         -- basis points for the percent kinds, else cents
    skus      TEXT NOT NULL,            -- JSON array of SKUs (also inside rule)
    starts_at TEXT,
    ends_at   TEXT,
    active    INTEGER NOT NULL CHECK (active IN (0, 1)),
    version   INTEGER NOT NULL,
    rule      TEXT NOT NULL DEFAULT '{}'  -- JSON: the v2 fields (pos/store/promotion_book.py)
);

INSERT INTO promotions_v2 (id, name, kind, value, skus, starts_at, ends_at, active, version)
SELECT id, name, kind, value, skus, starts_at, ends_at, active, version FROM promotions;

DROP TABLE promotions;
ALTER TABLE promotions_v2 RENAME TO promotions;

DELETE FROM feed_cursors WHERE feed = 'promotions';
