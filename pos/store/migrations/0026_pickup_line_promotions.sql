-- Central's promotions on a pickup order's line (contract v2, issue 15): with them the
-- line's unit price is its list price and they take off the rest, so the till rings up
-- a paid-in-store order at the order's total with each promotion on its line
-- (pos/store/pickup_feed.py writes them as [[id, name, cents], ...]). Orders pulled before
-- keep '[]': their discount is in their unit price, as it was.
ALTER TABLE pickup_lines ADD COLUMN promotions TEXT NOT NULL DEFAULT '[]';
