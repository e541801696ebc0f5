-- Quick keys: the manager's grid of favourite articles, in pages ("Fruits et légumes",
-- "Boulangerie", "Sacs"), for articles without a barcode and for a new cashier with no
-- barcode in hand. Keyed by SKU, so a catalog resync keeps them; an article no longer in
-- the catalog shows as such rather than vanishing. Each row names who set it, and when.
CREATE TABLE quick_keys (
    page_no   INTEGER NOT NULL CHECK (page_no >= 0 AND page_no < 12),
    page      TEXT NOT NULL CHECK (length(page) BETWEEN 1 AND 40),
    position  INTEGER NOT NULL CHECK (position >= 0 AND position < 24),
    sku       TEXT NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
    label     TEXT NOT NULL DEFAULT '' CHECK (length(label) <= 40),
    set_by    TEXT NOT NULL,
    set_at    TEXT NOT NULL,
    PRIMARY KEY (page_no, position)
) WITHOUT ROWID;
