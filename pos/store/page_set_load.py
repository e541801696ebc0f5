"""A new till's catalog and stock levels copied from a checked page set, in one go.

The page set (``sync.contract.page_set``) is downloaded to ``<store>.pageset`` and
checked (``page_set_checks``): its header and schema before it is ATTACHed; its pages
(``quick_check``) and its values on helper threads while it is copied, and the copy
commits only once both passed: a refused file leaves the store as it was (the
transaction is rolled back), and on two cores the checks cost little time of their
own. The tables whose values SQLite decodes on the way (barcodes, levels) are copied
and indexed first, while ``quick_check`` runs (a damaged page there is an error, and
the checks then say why); the tables copied as raw records (products, the search
index) only once ``quick_check`` found the pages sound.

It is copied in one transaction of the store, table to table: the derived indexes of
products, barcodes and levels and the catalog triggers are dropped and rebuilt after,
as ``catalog_staging`` does for a bulk move (a duplicate SKU fails the rebuild and
rolls the whole copy back), and the search index is copied as FTS5's own rows
(``product_fts_data``/``_idx``, built by the central with the till's definition)
instead of being rebuilt: ~0.3 s instead of ~9 s at 1,000,000 products. The central
levels, the shown levels (with this till's movements not yet acknowledged, as
``snapshot_load.finish`` adds them) and the feeds' cursors from the manifest commit
with the catalog; then the WAL is checkpointed and the file deleted.

``foreign_keys`` cannot change inside a transaction, so it is off around the copy (the
checks proved every reference: products' departments, barcodes' and levels' products)
and restored after, whatever happens.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from pos.store import feed_cursors, snapshot_load
from pos.store.db import write_transaction
from pos.store.page_set_checks import Checks, Manifest, Objects, PageSetRefused
from pos.store.sale_codec import utc_now

SUFFIX = ".pageset"
SCHEMA = "pageset"
FTS_SHADOWS = ("product_fts_data", "product_fts_idx")
# The page cache during the copy, which also sizes the CREATE INDEX sorter's runs: 2 MiB
# runs sorted and merged cost ~35% less CPU than one 128 MiB in-memory sort (the
# loader's figure, tried first: 3.3 s instead of 2.2 s for the five indexes at 1M rows).
COPY_CACHE_KIB = 2 * 1024

_COLUMNS = (
    "id, sku, name, brand, department, price_cents, vat_bp, sold_by, plu, active, "
    "name_key, brand_key, popularity"
)
# The derived objects dropped for the copy and rebuilt after with one sort each: the
# indexes of products, barcodes and stock, the catalog triggers (catalog_staging's
# list): at 1M rows a sort after costs ~1/3 of keeping an index in step row by row.
_DERIVED = (
    "SELECT type, name, tbl_name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND "
    "((type = 'index' AND tbl_name IN ('products', 'barcodes', 'stock')) OR (type = 'trigger' AND "
    "tbl_name = 'products' AND name LIKE 'catalog\\_%' ESCAPE '\\')) ORDER BY name"
)
_DEPARTMENTS = (
    "INSERT OR IGNORE INTO main.departments (code, name, vat_bp) "
    f"SELECT code, name, vat_bp FROM {SCHEMA}.departments"
)
# When the till's table and the page set's agree column for column (the contract's aim),
# ``SELECT *`` lets SQLite copy the records as they are; else the columns by name.
_PRODUCTS_AS_IS = f"INSERT INTO main.products SELECT * FROM {SCHEMA}.products"
_PRODUCTS = (
    f"INSERT INTO main.products ({_COLUMNS}, updated_at) "
    f"SELECT {_COLUMNS}, ? FROM {SCHEMA}.products"
)
_BARCODES = (
    f"INSERT INTO main.barcodes (code, product_id) SELECT code, product_id FROM {SCHEMA}.barcodes"
)
_CENTRAL_STOCK = (
    "INSERT INTO main.central_stock (product_id, sku, on_hand, reserved, version, "
    f"reflects_ack_no) SELECT product_id, sku, on_hand, reserved, version, ? FROM {SCHEMA}.stock "
    "WHERE true ON CONFLICT (product_id) DO UPDATE SET sku = excluded.sku, "
    "on_hand = excluded.on_hand, reserved = excluded.reserved, version = excluded.version, "
    "reflects_ack_no = excluded.reflects_ack_no"
)
_SHOWN_STOCK = (
    f"INSERT INTO main.stock (product_id, on_hand) SELECT product_id, on_hand FROM {SCHEMA}.stock "
    "WHERE true ON CONFLICT (product_id) DO UPDATE SET on_hand = excluded.on_hand"
)
_SET_COUNT = (
    "INSERT INTO main.settings (key, value) SELECT 'catalog_count', count(*) FROM "
    "main.products WHERE active = 1 ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)


def path_of(conn: sqlite3.Connection) -> Path | None:
    """Where the page set of the store ``conn`` is open on goes (None: in-memory store)."""
    return snapshot_load.side_path(conn, SUFFIX)


def load(conn: sqlite3.Connection, path: Path, store_id: str, expected: Objects) -> Manifest:
    """Check the page set at ``path``, copy it into the empty catalog, delete it.
    ``PageSetRefused`` (the file deleted, the store untouched) if it fails a check."""
    try:
        with Checks(path, store_id, expected) as checks:
            manifest = _copy(conn, path, checks.pages_ok, checks.result)
    except PageSetRefused:
        delete(path)
        raise
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # ~1 GB of WAL: give the file back
    delete(path)
    return manifest


def forget_finished(conn: sqlite3.Connection) -> bool:
    """Delete a page set left by a copy that committed (the catalog cursor is there) but
    was stopped before its ``delete``: ~350 MB at 1,000,000 products that nothing would
    read again. True if there was one."""
    path = path_of(conn)
    if path is None or feed_cursors.cursor(conn, "catalog") is None:
        return False
    if not (path.exists() or Path(f"{path}.etag").exists()):
        return False
    delete(path)
    return True


def delete(path: Path) -> None:
    """The page set and what SQLite or the download kept beside it."""
    for extra in ("", "-journal", "-wal", "-shm", ".etag"):
        with suppress(FileNotFoundError):
            Path(f"{path}{extra}").unlink()


def _copy(
    conn: sqlite3.Connection,
    path: Path,
    pages_ok: Callable[[], None],
    checked: Callable[[], Manifest],
) -> Manifest:
    """Copy the page set in one transaction of the store, its raw record copies only
    once ``pages_ok`` (``quick_check``) returned, committed only once ``checked`` (the
    value checks, running beside the copy) returned its manifest."""
    ack_no = _ack_no(conn)
    conn.execute("ATTACH ? AS " + SCHEMA, (str(path),))
    conn.execute("PRAGMA foreign_keys = OFF")
    previous_cache = conn.execute("PRAGMA main.cache_size").fetchone()[0]
    conn.execute(f"PRAGMA main.cache_size = -{COPY_CACHE_KIB}")
    try:
        with write_transaction(conn):
            if conn.execute("SELECT 1 FROM main.products LIMIT 1").fetchone() is not None:
                raise PageSetRefused("The page set is only for a till without a catalog.")
            try:
                _copy_tables(conn, ack_no, pages_ok)
            except sqlite3.IntegrityError as exc:  # a value check says why, or a duplicate SKU
                checked()
                raise PageSetRefused(
                    f"The central's page set was refused: its rows break a constraint of the "
                    f"till ({exc}). The catalog is loaded by the chunked snapshot instead."
                ) from None
            except sqlite3.OperationalError:  # interrupted, locked, disk full: not the file's
                raise
            except sqlite3.DatabaseError:  # a damaged page read before quick_check's verdict
                checked()  # says it is damaged; else the error is the store's own
                raise
            snapshot_load.add_in_flight(conn)
            manifest = checked()  # a refusal rolls the whole copy back
            feed_cursors.save(conn, "catalog", manifest.catalog_cursor)
            feed_cursors.save(conn, "stock", manifest.stock_cursor)
    finally:
        conn.execute(f"PRAGMA main.cache_size = {previous_cache}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DETACH " + SCHEMA)
    return manifest


def _copy_tables(conn: sqlite3.Connection, ack_no: int, pages_ok: Callable[[], None]) -> None:
    """The decoded copies and their indexes first, while ``quick_check`` reads the file
    (each value passes through SQLite's record decoding, which answers a damaged page
    with an error); then, the pages found sound, the records copied as they are."""
    derived = conn.execute(_DERIVED).fetchall()
    for kind, name, _table, _sql in derived:
        conn.execute(f'DROP {kind.upper()} main."{name}"')
    conn.execute(_DEPARTMENTS)
    conn.execute(_BARCODES)
    conn.execute(_CENTRAL_STOCK, (ack_no,))
    conn.execute(_SHOWN_STOCK)
    indexes = [(table, sql) for kind, _name, table, sql in derived if kind == "index"]
    for table, sql in indexes:  # those of barcodes and stock (nothing raw in them)
        if table != "products":
            conn.execute(sql)
    pages_ok()
    if _columns(conn, "main") == _columns(conn, SCHEMA):
        conn.execute(_PRODUCTS_AS_IS)
    else:  # a till of another schema than the page set's: by name
        conn.execute(_PRODUCTS, (utc_now(),))
    for table, sql in indexes:  # a duplicate SKU raises here
        if table == "products":
            conn.execute(sql)
    for table in FTS_SHADOWS:  # the index as built by the central, row for row
        conn.execute(f"DELETE FROM main.{table}")
        conn.execute(f"INSERT INTO main.{table} SELECT * FROM {SCHEMA}.{table}")
    for kind, _name, _table, sql in derived:
        if kind == "trigger":
            conn.execute(sql)
    conn.execute(_SET_COUNT)


def _columns(conn: sqlite3.Connection, schema: str) -> list[tuple]:
    """``products``' columns in ``schema``: name, type, not null, default, key, hidden."""
    return conn.execute(f"PRAGMA {schema}.table_xinfo(products)").fetchall()


def _ack_no(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM sync_state WHERE key = 'ack_no'").fetchone()
    return int(row[0]) if row else 0
