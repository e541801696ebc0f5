"""Building a store's first-sync page set (``sync.contract.page_set``) into a file.

One read transaction of the central database gives the sequence and every row at or
below it (the single writer commits rows with their sequence, so a read transaction
sees a consistent cut). The products go in id order with their search keys computed by
``pos.domain.text_keys`` (the till's own rule), barcodes as the snapshot assigns them
(a code on two products goes to the later id), then the search index is filled in one
ascending pass, as the till itself fills it. The file is written with no journal (it is
a scratch file until renamed into place) and renamed only once whole.
"""

from __future__ import annotations

import os
import sqlite3
from functools import lru_cache
from pathlib import Path
from urllib.request import pathname2url

from pos.domain.text_keys import brand_key, name_key
from sync.central import cursors
from sync.central.db import CHANGE_SEQ, Database, utc_now
from sync.contract import page_set

FTS_FILL_HASHSIZE = 256 * 1024 * 1024  # fewer, larger segments (the till's figure)

_SEQ = "SELECT value FROM c.counters WHERE name = ?"
_PRODUCTS = (
    "INSERT INTO products (id, sku, name, brand, department, price_cents, vat_bp, sold_by, "
    "plu, active, name_key, brand_key, popularity, updated_at, local_sales) "
    "SELECT id, sku, name, brand, nullif(department, ''), price_cents, vat_bp, sold_by, "
    "nullif(plu, ''), active, name_key(name), brand_key(brand), popularity, ?2, 0 "
    "FROM c.products WHERE change_seq <= ?1 ORDER BY id"
)
_BARCODES = (
    "INSERT INTO barcodes (code, product_id) "
    "SELECT j.value, p.id FROM c.products AS p, json_each(p.barcodes) AS j "
    "WHERE p.change_seq <= ?1 ORDER BY p.id "
    "ON CONFLICT (code) DO UPDATE SET product_id = excluded.product_id"
)
# The snapshot's rule: a department is created with its code as its name and the VAT
# rate of a product of it (here the first by id); its names come with its own feed.
_DEPARTMENTS = (
    "INSERT INTO departments (code, name, vat_bp) "
    "SELECT department, department, vat_bp FROM products WHERE id IN "
    "(SELECT min(id) FROM products WHERE department IS NOT NULL GROUP BY department)"
)
_STOCK = (
    "INSERT INTO stock (product_id, sku, on_hand, reserved, version) "
    "SELECT product_id, sku, on_hand, reserved, change_seq FROM c.stock "
    "WHERE store_id = ?1 AND change_seq <= ?2 ORDER BY product_id"
)
_MANIFEST = (
    "INSERT INTO manifest (seq, catalog_cursor, stock_cursor, store_id, format, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def build(db: Database, store_id: str, target: Path) -> int:
    """Write the page set of ``store_id`` to ``target`` (replaced atomically); return
    the change sequence it reflects."""
    scratch = target.with_name(target.name + ".building")
    scratch.unlink(missing_ok=True)
    conn = sqlite3.connect(f"file:{pathname2url(str(scratch))}", uri=True, isolation_level=None)
    try:
        conn.execute(f"PRAGMA page_size = {page_set.PAGE_SIZE}")
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")
        conn.create_function("name_key", 1, lru_cache(1 << 16)(name_key), deterministic=True)
        conn.create_function("brand_key", 1, brand_key, deterministic=True)
        page_set.create(conn)
        conn.execute("ATTACH ? AS c", (f"file:{pathname2url(db.path)}?mode=ro",))
        seq = _fill(conn, db.cursor_secret, store_id)
        conn.execute("DETACH c")
        conn.execute("PRAGMA optimize")
    finally:
        conn.close()
    with open(scratch, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(scratch, target)
    return seq


def _fill(conn: sqlite3.Connection, secret: bytes, store_id: str) -> int:
    conn.execute("BEGIN")
    try:
        row = conn.execute(_SEQ, (CHANGE_SEQ,)).fetchone()  # opens the read snapshot
        seq = max(int(row[0]) if row else 0, 1)
        conn.execute(_PRODUCTS, (seq, utc_now()))
        conn.execute(_BARCODES, (seq,))
        conn.execute(_DEPARTMENTS)
        conn.execute(_STOCK, (store_id, seq))
        conn.execute(
            "INSERT INTO product_fts (product_fts, rank) VALUES ('hashsize', ?)",
            (FTS_FILL_HASHSIZE,),
        )
        conn.execute(page_set.FILL_FTS)
        conn.execute(
            _MANIFEST,
            (
                seq,
                cursors.encode(secret, "catalog", store_id, seq),
                cursors.encode(secret, "stock", store_id, seq),
                store_id,
                page_set.FORMAT,
                utc_now(),
            ),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return seq
