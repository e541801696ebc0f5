"""The first-sync page set, format 1: a new till's catalog and its store's stock levels
as a ready SQLite file (``GET /v1/stores/{store}/page-set``), copied table to table into
the till instead of being loaded row by row.

Why a file of pages: at 1,000,000 products the rows alone cost ~30 s to insert and
index in the till, 9 s of it filling the search index. In the page set the central has
already computed every derived value (``name_key``, ``brand_key``, the FTS5 index with
the till's exact definition), so the till copies pages (``INSERT … SELECT``, and the
FTS5 index as its two shadow tables) in a few seconds.

The file is untrusted input for the till: it must hold exactly the objects below, with
exactly this SQL text (``expected_objects``: what SQLite itself records for them), and
its values pass the checks of ``pos.store.page_set_load`` before anything reaches the
store. The tables' columns and the FTS definition must agree with the till's migrated
schema (``tests/sync/test_page_set_contract.py`` holds them together).

``manifest`` has one row: the change sequence the content reflects and the two feeds'
cursors to continue from (every change after ``seq``, including those made while the
file was built or served), the store whose stock it carries, the format and when it
was built.
"""

from __future__ import annotations

import sqlite3
from functools import cache

FORMAT = 1
PAGE_SIZE = 4096
MEDIA_TYPE = "application/vnd.sqlite3"
FTS_TABLE = "product_fts"
#: The FTS5 shadow tables that hold the index itself (the till copies these as rows).
FTS_SHADOWS = ("product_fts_data", "product_fts_idx")

#: The ``products`` columns whose values come from central (``updated_at`` is when the
#: page set was built, ``local_sales`` is 0: this till has sold nothing yet).
PRODUCT_COLUMNS = (
    "id", "sku", "name", "brand", "department", "price_cents", "vat_bp", "sold_by", "plu",
    "active", "name_key", "brand_key", "popularity",
)  # fmt: skip
STOCK_COLUMNS = ("product_id", "sku", "on_hand", "reserved", "version")
DEPARTMENT_COLUMNS = ("code", "name", "vat_bp")

#: The FTS5 table exactly as the till declares it (pos/store/migrations/0001_catalog.sql).
FTS_DDL = """CREATE VIRTUAL TABLE product_fts USING fts5(
    head, name, brand,
    content = '',
    detail = none,
    columnsize = 0,
    prefix = '1 2 3 4 5 6',
    tokenize = 'unicode61 remove_diacritics 2'
)"""

# ``products`` is the till's own table, column for column, with its defaults, checks and
# generated columns (0001_catalog.sql, 0036): the central fills the search index from
# the generated columns with the till's statement, so row ids and marks agree, and the
# till copies the table with ``INSERT … SELECT *``, which SQLite does by copying records
# as they are (~4x faster than re-encoding them) when the two tables agree this closely.
DDL = (
    """CREATE TABLE manifest (
    seq            INTEGER NOT NULL,
    catalog_cursor TEXT NOT NULL,
    stock_cursor   TEXT NOT NULL,
    store_id       TEXT NOT NULL,
    format         INTEGER NOT NULL,
    created_at     TEXT NOT NULL
)""",
    """CREATE TABLE departments (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    vat_bp INTEGER NOT NULL
) WITHOUT ROWID""",
    """CREATE TABLE products (
    id            INTEGER PRIMARY KEY CHECK (id > 0 AND id < 4294967296),
    sku           TEXT NOT NULL,
    name          TEXT NOT NULL,
    brand         TEXT NOT NULL DEFAULT '',
    department    TEXT REFERENCES departments(code),
    price_cents   INTEGER NOT NULL CHECK (price_cents >= 0),
    vat_bp        INTEGER NOT NULL CHECK (vat_bp >= 0 AND vat_bp < 10000),
    sold_by       TEXT NOT NULL DEFAULT 'unit' CHECK (sold_by IN ('unit', 'weight')),
    plu           TEXT,
    name_key      TEXT NOT NULL,
    brand_key     TEXT NOT NULL DEFAULT '',
    popularity    INTEGER NOT NULL DEFAULT 0,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    search_rank   INTEGER GENERATED ALWAYS AS (
        ((16777215 - min(max(popularity, 0), 16777215)) << 32) + id
    ) VIRTUAL,
    search_head   TEXT GENERATED ALWAYS AS (
        char(57344) || substr(name_key, 1, instr(name_key || ' ', ' ') - 1)
    ) VIRTUAL,
    search_brand  TEXT GENERATED ALWAYS AS (
        char(57345) || replace(brand_key, ' ', ' ' || char(57345))
    ) VIRTUAL,
    local_sales   INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE barcodes (
    code       TEXT PRIMARY KEY,
    product_id INTEGER NOT NULL
) WITHOUT ROWID""",
    """CREATE TABLE stock (
    product_id INTEGER PRIMARY KEY,
    sku        TEXT NOT NULL,
    on_hand    INTEGER NOT NULL,
    reserved   INTEGER NOT NULL,
    version    INTEGER NOT NULL
)""",
    FTS_DDL,
)

#: Filling the search index from ``products`` (the till's ``catalog_staging`` statement):
#: ascending row ids, most popular first.
FILL_FTS = (
    "INSERT INTO product_fts (rowid, head, name, brand) "
    "SELECT search_rank, search_head, name_key, search_brand FROM products "
    "WHERE active = 1 ORDER BY search_rank"
)


def create(conn: sqlite3.Connection) -> None:
    """Create the page set's objects in an empty database."""
    for statement in DDL:
        conn.execute(statement)


@cache
def expected_objects() -> frozenset[tuple[str, str, str, str | None]]:
    """(type, name, tbl_name, sql) of every ``sqlite_master`` row of a page set, as this
    SQLite records them (FTS5's shadow tables and autoindexes included)."""
    conn = sqlite3.connect(":memory:")
    try:
        create(conn)
        return frozenset(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        conn.close()
