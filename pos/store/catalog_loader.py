"""Bulk catalog loading (demo store, benchmark catalog) and the few single-row writers.

``load_catalog`` takes plain objects (``DepartmentLike``/``ProductLike``: the demo
generator's dataclasses fit, and so will the sync engine's) and writes them in ONE
``BEGIN IMMEDIATE`` transaction: a duplicate barcode, SKU or PLU, an unknown department
or a value the schema refuses raises ``CatalogLoadError`` (an ``sqlite3.IntegrityError``)
naming the culprit, and the database is left exactly as it was.

How 1,000,000 products load in ~25 s (2 cores; ~1.05M barcodes, stock, search index):
* rows go in with bare ``executemany`` in batches of ``BATCH``, ids assigned in order;
* the ``catalog_*`` triggers are dropped for the load and recreated from the very SQL
  they were read from; the FTS index and the cached count they maintain are then filled
  in bulk: one ``INSERT … SELECT`` into ``product_fts`` ORDERED BY ``search_rank`` -
  FTS5 flushes its pending terms whenever a row id is not above the previous one, so
  row-by-row trigger inserts in id order take ~30 s where this takes ~6 s;
* into an EMPTY catalog the secondary indexes are dropped too and rebuilt after the
  rows, one sort each (a UNIQUE index rebuilt over duplicates raises: nothing commits);
  into a catalog that has products they are kept (cheaper than rebuilding them all);
* a 128 MiB page cache for the duration, restored afterwards.
SQLite DDL is transactional, so every drop and re-create is undone by a rollback, and
other connections never see the catalog without its indexes or triggers (WAL readers
keep their snapshot). ``synchronous`` stays FULL: the load is one transaction, so FULL
costs one WAL sync at commit; OFF would save well under a second and is not worth a
mode that can corrupt the database on a power cut.

The single-row writers (``set_active``, ``update_price``, ``rename``) go through the
triggers, which keep the search index and the cached count in step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from itertools import islice
from typing import Protocol

from pos.domain.text_keys import brand_key, name_key
from pos.store.db import write_transaction

BATCH = 20_000  # products per executemany round: bounded memory, negligible overhead
LOAD_CACHE_KIB = 128 * 1024  # page cache while loading (2 MiB default: ~2 s slower at 1M)
COUNT_KEY = "catalog_count"

_TRIGGER_PREFIX = "catalog_"
_LOADED_TABLES = ("products", "barcodes", "stock")


class DepartmentLike(Protocol):
    """What the loader reads from a department (e.g. services' DemoDepartment)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def vat_bp(self) -> int: ...


class ProductLike(Protocol):
    """What the loader reads from a product (e.g. services' DemoProduct)."""

    @property
    def sku(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def brand(self) -> str: ...
    @property
    def department(self) -> str | None: ...
    @property
    def price_cents(self) -> int: ...
    @property
    def vat_bp(self) -> int: ...
    @property
    def sold_by(self) -> str: ...
    @property
    def barcodes(self) -> Sequence[str]: ...
    @property
    def plu(self) -> str | None: ...
    @property
    def stock(self) -> int: ...
    @property
    def popularity(self) -> int: ...


class CatalogLoadError(sqlite3.IntegrityError):
    """The catalog given to the loader contradicts itself; nothing was loaded."""


_INSERT_PRODUCT = """
INSERT INTO products (id, sku, name, brand, department, price_cents, vat_bp, sold_by, plu,
                      name_key, brand_key, popularity, active, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
"""
_INSERT_BARCODE = "INSERT INTO barcodes (code, product_id) VALUES (?, ?)"
_INSERT_STOCK = "INSERT INTO stock (product_id, on_hand) VALUES (?, ?)"
_UPSERT_DEPARTMENT = """
INSERT INTO departments (code, name, name_en, vat_bp) VALUES (?, ?, ?, ?)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en,
    vat_bp = excluded.vat_bp
"""
_FILL_FTS = """
INSERT INTO product_fts (rowid, head, name, brand)
SELECT search_rank, search_head, name_key, search_brand FROM products
WHERE id >= ? AND active = 1
ORDER BY search_rank
"""
_SET_COUNT = """
INSERT INTO settings (key, value) SELECT ?, count(*) FROM products WHERE active = 1
ON CONFLICT (key) DO UPDATE SET value = excluded.value
"""


def load_catalog(
    conn: sqlite3.Connection,
    departments: Iterable[DepartmentLike],
    products: Iterable[ProductLike],
) -> int:
    """Add departments and products in one transaction; return the number of products added.

    Raises CatalogLoadError (an sqlite3.IntegrityError) naming the offending barcode, SKU,
    PLU or department; the database is then unchanged.
    """
    previous_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
    try:
        with write_transaction(conn):
            return _load(conn, departments, products)
    finally:
        conn.execute(f"PRAGMA cache_size = {previous_cache}")


def _load(
    conn: sqlite3.Connection,
    departments: Iterable[DepartmentLike],
    products: Iterable[ProductLike],
) -> int:
    """The body of the load transaction: every DDL here is undone by a rollback."""
    known = _load_departments(conn, departments)
    first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM products").fetchone()[0]
    indexes, triggers = _derived_schema(conn)
    if first_id > 1:  # indexes over existing rows: cheaper to keep than to rebuild
        indexes = []
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    added = _insert_products(conn, products, first_id, known)
    for name, sql in indexes:
        _create_index_checked(conn, name, sql)
    conn.execute(_FILL_FTS, (first_id,))  # in search_rank order: see the module doc
    for _name, sql in triggers:
        conn.execute(sql)
    conn.execute(_SET_COUNT, (COUNT_KEY,))
    return added


def _load_departments(conn: sqlite3.Connection, departments: Iterable[DepartmentLike]) -> set[str]:
    conn.executemany(  # an English name is optional (``name_en``, as the demo's have)
        _UPSERT_DEPARTMENT,
        ((d.code, d.name, getattr(d, "name_en", ""), d.vat_bp) for d in departments),
    )
    return {row[0] for row in conn.execute("SELECT code FROM departments")}


_Ddl = list[tuple[str, str]]  # (name, CREATE statement)


def _derived_schema(conn: sqlite3.Connection) -> tuple[_Ddl, _Ddl]:
    """The droppable indexes of the loaded tables and the catalog's own triggers, as SQL.

    Other engineers' triggers on these tables (if any ever appear) are left in place and
    fire as usual; only the ``catalog_*`` ones, whose effect is rebuilt here, are dropped.
    """
    marks = ",".join("?" * len(_LOADED_TABLES))
    rows = conn.execute(
        f"SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ({marks})"
        " AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name",
        _LOADED_TABLES,
    ).fetchall()
    indexes = [(name, sql) for kind, name, sql in rows if kind == "index"]
    triggers = [
        (name, sql)
        for kind, name, sql in rows
        if kind == "trigger" and name.startswith(_TRIGGER_PREFIX)
    ]
    return indexes, triggers


def _create_index_checked(conn: sqlite3.Connection, name: str, sql: str) -> None:
    try:
        conn.execute(sql)
    except sqlite3.IntegrityError as exc:
        raise CatalogLoadError(_explain_duplicate(conn, name) or str(exc)) from exc


def _explain_duplicate(conn: sqlite3.Connection, index_name: str) -> str | None:
    column = {"products_sku": "sku", "products_plu": "plu"}.get(index_name)
    if column is None:
        return None
    row = conn.execute(
        f"SELECT {column}, group_concat(sku, ', ') FROM products WHERE {column} IS NOT NULL"
        f" GROUP BY {column} HAVING count(*) > 1 LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return (
        f"{column.upper()} {row[0]!r} is given to several products ({row[1]}); nothing was loaded."
    )


def _insert_products(
    conn: sqlite3.Connection, products: Iterable[ProductLike], next_id: int, known: set[str]
) -> int:
    """Insert in batches, ids from ``next_id`` on; return how many were added."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    added = 0
    for batch in _batches(products, BATCH):
        rows, codes, stock = _rows(batch, next_id, stamp, known)
        _insert_checked(conn, rows, codes, stock)
        next_id += len(batch)
        added += len(batch)
    return added


def _batches(items: Iterable[ProductLike], size: int) -> Iterator[list[ProductLike]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _rows(
    batch: list[ProductLike], first_id: int, stamp: str, known: set[str]
) -> tuple[list[tuple], list[tuple[str, int]], list[tuple[int, int]]]:
    """The products, barcodes and stock rows of one batch, ids assigned in order."""
    rows, codes, stock = [], [], []
    for product_id, p in enumerate(batch, first_id):
        department = p.department or None
        if department is not None and department not in known:
            raise CatalogLoadError(
                f"Product {p.sku!r} names department {department!r}, which is not in the"
                " catalog; nothing was loaded."
            )
        rows.append(
            (product_id, p.sku, p.name, p.brand or "", department, p.price_cents, p.vat_bp,
             str(p.sold_by), p.plu or None, name_key(p.name), brand_key(p.brand or ""),
             p.popularity, stamp)
        )  # fmt: skip
        codes.extend((code, product_id) for code in p.barcodes)
        stock.append((product_id, p.stock))
    return rows, codes, stock


def _insert_checked(
    conn: sqlite3.Connection,
    rows: list[tuple],
    codes: list[tuple[str, int]],
    stock: list[tuple[int, int]],
) -> None:
    try:
        conn.executemany(_INSERT_PRODUCT, rows)
    except sqlite3.IntegrityError as exc:
        raise CatalogLoadError(_explain_product(conn, rows, exc)) from exc
    try:
        conn.executemany(_INSERT_BARCODE, codes)
    except sqlite3.IntegrityError as exc:
        raise CatalogLoadError(_explain_barcode(conn, codes) or str(exc)) from exc
    conn.executemany(_INSERT_STOCK, stock)


def _explain_product(conn: sqlite3.Connection, rows: list[tuple], exc: Exception) -> str:
    """Name the product that broke the batch: the first one not inserted (ids ascend)."""
    reached = conn.execute("SELECT coalesce(max(id), 0) FROM products").fetchone()[0]
    failed = next((row for row in rows if row[0] > reached), rows[0])
    return f"Product {failed[1]!r} ({failed[2]!r}) was refused ({exc}); nothing was loaded."


def _explain_barcode(conn: sqlite3.Connection, codes: list[tuple[str, int]]) -> str | None:
    """Name the barcode that broke the batch: repeated in it, or already someone else's."""
    owner: dict[str, int] = {}
    for code, product_id in codes:
        if code in owner:
            return _barcode_message(conn, code, owner[code], product_id)
        owner[code] = product_id
    for code, product_id in codes:
        row = conn.execute("SELECT product_id FROM barcodes WHERE code = ?", (code,)).fetchone()
        if row is not None and row[0] != product_id:
            return _barcode_message(conn, code, row[0], product_id)
    return None


def _barcode_message(conn: sqlite3.Connection, code: str, first: int, second: int) -> str:
    skus = [_sku(conn, first), _sku(conn, second)]
    return (
        f"Barcode {code!r} is given to {skus[0]!r} and to {skus[1]!r}; nothing was loaded."
        if first != second
        else f"Barcode {code!r} is listed twice for {skus[0]!r}; nothing was loaded."
    )


def _sku(conn: sqlite3.Connection, product_id: int) -> str:
    row = conn.execute("SELECT sku FROM products WHERE id = ?", (product_id,)).fetchone()
    return row[0] if row else f"#{product_id}"


# --- single-row writers: the triggers keep product_fts and catalog_count in step ---------


def set_active(conn: sqlite3.Connection, product_id: int, active: bool) -> bool:
    """Activate or tombstone a product; return False if there is no such product."""
    with write_transaction(conn):
        cursor = conn.execute(
            "UPDATE products SET active = ?, updated_at = ? WHERE id = ? AND active <> ?",
            (int(active), _now(), product_id, int(active)),
        )
        if cursor.rowcount == 0:
            return _exists(conn, product_id)
    return True


def update_price(conn: sqlite3.Connection, product_id: int, price_cents: int) -> bool:
    """Change a product's VAT-inclusive price; return False if there is no such product."""
    with write_transaction(conn):
        cursor = conn.execute(
            "UPDATE products SET price_cents = ?, updated_at = ? WHERE id = ?",
            (price_cents, _now(), product_id),
        )
    return cursor.rowcount == 1


def rename(conn: sqlite3.Connection, product_id: int, name: str) -> bool:
    """Change a product's name (and its search key); return False if there is none."""
    with write_transaction(conn):
        cursor = conn.execute(
            "UPDATE products SET name = ?, name_key = ?, updated_at = ? WHERE id = ?",
            (name, name_key(name), _now(), product_id),
        )
    return cursor.rowcount == 1


def _exists(conn: sqlite3.Connection, product_id: int) -> bool:
    return conn.execute("SELECT 1 FROM products WHERE id = ?", (product_id,)).fetchone() is not None


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
