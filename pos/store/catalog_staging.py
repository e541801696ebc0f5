"""The first pull of a catalog into an empty till: staged page by page, moved in bulk.

Upserting 1,000,000 products page by page through the ``catalog_*`` triggers costs about
a minute, most of it FTS5 merging one small segment per committed page; even without
the triggers, keeping ``products``' indexes up to date row by row costs ~4x what appending
to a bare table does. So while the catalog is empty, pages land in ``catalog_staging``
(keyed by central id: a later state of a product replaces the earlier one), each with
its cursor in the page's transaction, exactly like the normal path. When the feed is
caught up, ``merge`` moves everything in the last page's transaction, the way
``catalog_loader`` loads: the secondary indexes and the catalog triggers are dropped,
the rows go in with one ``INSERT … SELECT``, the indexes are rebuilt with one sort each,
the search index is filled in one ascending pass and the triggers come back. DDL is
transactional, so a crash or a failure leaves the staged pages and their cursor as they
were, and other connections never see the catalog without its indexes. Until the merge
the catalog looks empty (count 0): the start screen's "catalog loading".

If the staged rows contradict a unique index (two products with one SKU, which a
consistent central catalog never leaves at the end of a pull) the bulk move is rolled
back to its savepoint and the rows go through the normal upsert path instead.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence

from pos.store.sale_codec import utc_now

STAGING_KEY = "catalog_staging"  # in sync_state: 1 while a first pull is being staged
MERGE_CACHE_KIB = 128 * 1024  # page cache while merging (the loader's figure)
SLOW_BATCH = 5000
FTS_FILL_HASHSIZE = 256 * 1024 * 1024
FTS_DEFAULT_HASHSIZE = 1024 * 1024  # FTS5's own default

UpsertRows = Callable[[sqlite3.Connection, Sequence[tuple], Sequence[Sequence[str]]], None]

_FIELDS = (
    "id, sku, name, brand, department, price_cents, vat_bp, sold_by, plu, active, "
    "name_key, brand_key, popularity"
)
_WIDTH = 13  # columns of _FIELDS: a catalog_feed row without its updated_at stamp
_STAGE = (
    f"INSERT OR REPLACE INTO catalog_staging ({_FIELDS}, barcodes) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_FLAG = (
    "INSERT INTO sync_state (key, value) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET value = 1"
)
_IS_ACTIVE = "SELECT value FROM sync_state WHERE key = ?"
# Departments are created as pages are staged: the foreign key needs them at the move.
_DEPARTMENT = "INSERT OR IGNORE INTO departments (code, name, vat_bp) VALUES (?, ?, ?)"
_PRODUCTS = (
    f"INSERT INTO products ({_FIELDS}, updated_at) SELECT {_FIELDS}, ? FROM {{source}} ORDER BY id"
)
# A code given to two staged products goes to the later id (rowid order: no sort; sorting
# by code first costs more than it saves).
_BARCODES = (
    "INSERT INTO barcodes (code, product_id) "
    "SELECT j.value, s.id FROM {source} AS s, json_each(s.barcodes) AS j "
    "WHERE true ORDER BY s.id "
    "ON CONFLICT (code) DO UPDATE SET product_id = excluded.product_id"
)
_FTS_CONFIG = "INSERT INTO product_fts (product_fts, rank) VALUES (?, ?)"
# FTS5 must get ascending row ids (search_rank: most popular first). When every staged
# product has popularity 0 (a platform that serves none) that is id order: the rowid
# scan, with no 1M-row sort; otherwise one sort by search_rank.
_FILL_FTS = (
    "INSERT INTO product_fts (rowid, head, name, brand) "
    "SELECT search_rank, search_head, name_key, search_brand FROM products "
    "WHERE active = 1 ORDER BY {0}"
)
_ANY_POPULAR = "SELECT 1 FROM products WHERE popularity > 0 LIMIT 1"  # once filled
_SET_COUNT = (
    "INSERT INTO settings (key, value) SELECT 'catalog_count', count(*) FROM products "
    "WHERE active = 1 ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
_DERIVED = (
    "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('products', 'barcodes') "
    "AND sql IS NOT NULL AND (type = 'index' OR (type = 'trigger' AND name LIKE 'catalog\\_%' "
    "ESCAPE '\\')) ORDER BY name"
)


def is_active(conn: sqlite3.Connection) -> bool:
    row = conn.execute(_IS_ACTIVE, (STAGING_KEY,)).fetchone()
    return bool(row and row[0])


def stage(conn: sqlite3.Connection, rows: Sequence[tuple], codes: Sequence[Sequence[str]]) -> None:
    """Keep a page's rows (``catalog_feed``'s layout) until the feed is caught up.
    Call inside the page's transaction."""
    conn.execute(_FLAG, (STAGING_KEY,))
    conn.executemany(_DEPARTMENT, {(row[4], row[4], row[6]) for row in rows if row[4]})
    conn.executemany(
        _STAGE, [(*row[:_WIDTH], json_list(c)) for row, c in zip(rows, codes, strict=True)]
    )


def json_list(codes: Sequence[str]) -> str:
    """A JSON array of barcodes: plain concatenation when they are letters and digits
    (the contract's are digits), ``json.dumps`` otherwise (quotes, escapes)."""
    joined = '","'.join(codes)
    if joined.replace('","', "").isalnum():
        return f'["{joined}"]'
    return json.dumps(list(codes)) if codes else "[]"


def clear(conn: sqlite3.Connection) -> None:
    """Forget staged rows (a refused cursor: the pull starts over)."""
    conn.execute("DELETE FROM catalog_staging")
    conn.execute("DELETE FROM sync_state WHERE key = ?", (STAGING_KEY,))


def merge(
    conn: sqlite3.Connection, upsert_rows: UpsertRows, source: str = "catalog_staging"
) -> None:
    """Move the staged catalog into ``products``; call inside the last page's transaction."""

    def fill(conn: sqlite3.Connection) -> None:
        conn.execute(_PRODUCTS.format(source=source), (utc_now(),))
        conn.execute(_BARCODES.format(source=source))

    load_in_bulk(conn, fill, lambda conn: _move_row_by_row(conn, upsert_rows, source))
    clear(conn)


def load_in_bulk(
    conn: sqlite3.Connection,
    fill: Callable[[sqlite3.Connection], None],
    fallback: Callable[[sqlite3.Connection], None],
) -> None:
    """``fill`` an empty catalog with its derived indexes, search index and triggers
    dropped, then build them once; ``fallback`` (the normal upsert path) when the catalog
    is not empty or the rows contradict a unique index. Call inside a transaction (the
    snapshot's move, ``pos.store.snapshot_load``, uses it too)."""
    previous_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{MERGE_CACHE_KIB}")
    try:
        if conn.execute("SELECT 1 FROM products LIMIT 1").fetchone() is None:
            conn.execute("SAVEPOINT catalog_bulk")
            try:
                _bulk_move(conn, fill)
                conn.execute("RELEASE catalog_bulk")
            except sqlite3.IntegrityError:
                conn.execute("ROLLBACK TO catalog_bulk")
                conn.execute("RELEASE catalog_bulk")
                fallback(conn)
        else:
            fallback(conn)
    finally:
        conn.execute(f"PRAGMA cache_size = {previous_cache}")


def _bulk_move(conn: sqlite3.Connection, fill: Callable[[sqlite3.Connection], None]) -> None:
    derived = conn.execute(_DERIVED).fetchall()
    for kind, name, _sql in derived:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    fill(conn)
    for kind, _name, sql in derived:  # indexes first (a duplicate SKU raises here)
        if kind == "index":
            conn.execute(sql)
    order = "search_rank" if conn.execute(_ANY_POPULAR).fetchone() else "id"
    conn.execute("INSERT INTO product_fts (product_fts) VALUES ('delete-all')")
    _fill_search_index(conn, order)
    for kind, _name, sql in derived:
        if kind == "trigger":
            conn.execute(sql)
    conn.execute(_SET_COUNT)


def _fill_search_index(conn: sqlite3.Connection, order: str) -> None:
    """Fill product_fts in one pass with a large term buffer, then restore the setting.

    FTS5 writes a segment whenever its pending terms exceed ``hashsize`` (1 MiB by
    default); a bigger buffer for this one statement means fewer, larger segments
    (~30 % faster at 1M products). The setting is stored in the index, hence the restore.
    """
    conn.execute(_FTS_CONFIG, ("hashsize", FTS_FILL_HASHSIZE))
    conn.execute(_FILL_FTS.format(order))
    conn.execute(_FTS_CONFIG, ("hashsize", FTS_DEFAULT_HASHSIZE))


def _move_row_by_row(conn: sqlite3.Connection, upsert_rows: UpsertRows, source: str) -> None:
    """The staged rows through the normal upsert path, in id order, batch by batch."""
    last_id, stamp = 0, utc_now()
    while True:
        batch = conn.execute(
            f"SELECT {_FIELDS}, barcodes FROM {source} WHERE id > ? ORDER BY id LIMIT ?",
            (last_id, SLOW_BATCH),
        ).fetchall()
        if not batch:
            return
        rows = [(*row[:_WIDTH], stamp) for row in batch]
        upsert_rows(conn, rows, [json.loads(row[-1]) for row in batch])
        last_id = batch[-1][0]
