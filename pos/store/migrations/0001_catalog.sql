-- The catalog: products with several barcodes each, departments, prices, VAT, stock.
-- Prices are VAT-inclusive integer cents (per kilogram for goods sold by weight).
-- Search keys (name_key, brand_key) come from pos.store.text_keys.name_key; the FTS index
-- and the cached product count are kept in step by the catalog_* triggers below (the bulk
-- loader drops them for a load and refills both in one go: pos.store.catalog_loader).

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Number of active products, for the start window (count(*) over 1M rows is a full scan).
INSERT INTO settings (key, value) VALUES ('catalog_count', '0');

CREATE TABLE departments (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    vat_bp INTEGER NOT NULL CHECK (vat_bp >= 0 AND vat_bp < 10000)
) WITHOUT ROWID;

CREATE TABLE products (
    id            INTEGER PRIMARY KEY CHECK (id > 0 AND id < 4294967296),  -- see search_rank
    sku           TEXT NOT NULL,               -- unique: products_sku
    name          TEXT NOT NULL,
    brand         TEXT NOT NULL DEFAULT '',
    department    TEXT REFERENCES departments(code),
    price_cents   INTEGER NOT NULL CHECK (price_cents >= 0),
    vat_bp        INTEGER NOT NULL CHECK (vat_bp >= 0 AND vat_bp < 10000),
    sold_by       TEXT NOT NULL DEFAULT 'unit' CHECK (sold_by IN ('unit', 'weight')),
    plu           TEXT,                        -- item code inside GS1 variable-measure barcodes
    name_key      TEXT NOT NULL,               -- text_keys.name_key(name): prefix search
    brand_key     TEXT NOT NULL DEFAULT '',    -- text_keys.name_key(brand)
    popularity    INTEGER NOT NULL DEFAULT 0,  -- higher first among equally relevant hits
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),  -- 0: deleted centrally
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- The product's row id in product_fts: most popular first, then by id. FTS5 returns
    -- matches in row id order, so "the first N matches" are "the N most popular matches"
    -- without ranking every hit. The id is recovered as search_rank & 0xFFFFFFFF.
    search_rank   INTEGER GENERATED ALWAYS AS (
        ((16777215 - min(max(popularity, 0), 16777215)) << 32) + id
    ) VIRTUAL,
    -- The first word of the name behind a private-use mark (U+E000): one token that says
    -- "the name starts with this word". Typed queries never contain the mark
    -- (text_keys keeps letters and digits only), so only a head search can match it.
    search_head   TEXT GENERATED ALWAYS AS (
        char(57344) || substr(name_key, 1, instr(name_key || ' ', ' ') - 1)
    ) VIRTUAL,
    -- Every word of the brand behind another mark (U+E001): brand words are terms of
    -- their own, so a name search is not crowded out by a big brand sharing a prefix.
    search_brand  TEXT GENERATED ALWAYS AS (
        char(57345) || replace(brand_key, ' ', ' ' || char(57345))
    ) VIRTUAL
);

CREATE TABLE barcodes (
    code       TEXT PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id)
) WITHOUT ROWID;

CREATE UNIQUE INDEX products_sku ON products(sku);
CREATE UNIQUE INDEX products_plu ON products(plu) WHERE plu IS NOT NULL;
-- "Name starts with the query": a range scan over active products, popularity on the side
-- so the most popular of the first 2,000 neighbours are chosen from the index alone.
CREATE INDEX products_name_key ON products(name_key, popularity) WHERE active = 1;
CREATE INDEX barcodes_product ON barcodes(product_id);

-- Stock on hand in units, or grams for goods sold by weight.
CREATE TABLE stock (
    product_id INTEGER PRIMARY KEY REFERENCES products(id),
    on_hand    INTEGER NOT NULL DEFAULT 0
);

-- Word-prefix search over active products. Contentless: the texts live in products, the
-- index only maps words (and their 1-6 character prefixes) to search_rank row ids. No
-- positions (detail=none) and no column sizes: search never ranks with bm25 nor asks for
-- phrases, only "which products have every typed prefix" (half the size, faster load).
CREATE VIRTUAL TABLE product_fts USING fts5(
    head, name, brand,
    content = '',
    detail = none,
    columnsize = 0,
    prefix = '1 2 3 4 5 6',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER catalog_products_insert AFTER INSERT ON products WHEN new.active = 1
BEGIN
    INSERT INTO product_fts (rowid, head, name, brand)
        VALUES (new.search_rank, new.search_head, new.name_key, new.search_brand);
    UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE key = 'catalog_count';
END;

CREATE TRIGGER catalog_products_delete AFTER DELETE ON products WHEN old.active = 1
BEGIN
    INSERT INTO product_fts (product_fts, rowid, head, name, brand)
        VALUES ('delete', old.search_rank, old.search_head, old.name_key, old.search_brand);
    UPDATE settings SET value = CAST(value AS INTEGER) - 1 WHERE key = 'catalog_count';
END;

-- A contentless FTS5 table forgets a row only when told its old words: delete with the
-- old keys, index the new ones. Price or stock updates do not touch the index.
CREATE TRIGGER catalog_products_update
AFTER UPDATE OF id, name_key, brand_key, popularity, active ON products
BEGIN
    INSERT INTO product_fts (product_fts, rowid, head, name, brand)
        SELECT 'delete', old.search_rank, old.search_head, old.name_key, old.search_brand
        WHERE old.active = 1;
    INSERT INTO product_fts (rowid, head, name, brand)
        SELECT new.search_rank, new.search_head, new.name_key, new.search_brand
        WHERE new.active = 1;
    UPDATE settings SET value = CAST(value AS INTEGER) + new.active - old.active
        WHERE key = 'catalog_count' AND new.active <> old.active;
END;
