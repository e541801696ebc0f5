"""Read access to the catalog: the scan hot path, look-ups, search, stock, departments.

One ``Catalog`` wraps one connection and belongs to one thread (sqlite3 connections are
not shared across threads here). Every look-up is a single module-level SQL constant run
with ``conn.execute(SQL, params).fetchone()``: sqlite3's per-connection statement cache
keeps it prepared, so a barcode scan costs one B-tree probe in ``barcodes`` (WITHOUT
ROWID: the row is in the index) and one row-id probe in ``products``, ~10 µs in all.

Only active products are found by barcode, PLU, SKU or search; ``get`` also returns
tombstoned ones because an open basket or a parked sale may hold a product that was
deleted centrally a moment ago.
"""

from __future__ import annotations

import sqlite3

from pos.domain.product import Product
from pos.store import search as _search
from pos.store.search import PRODUCT_COLUMNS, SOLD_BY, product_from_row

BY_BARCODE_SQL = f"""
SELECT {PRODUCT_COLUMNS}
FROM barcodes AS b JOIN products AS p ON p.id = b.product_id
WHERE b.code = ? AND p.active = 1
"""
BY_PLU_SQL = f"SELECT {PRODUCT_COLUMNS} FROM products AS p WHERE p.plu = ? AND p.active = 1"
BY_SKU_SQL = f"SELECT {PRODUCT_COLUMNS} FROM products AS p WHERE p.sku = ? AND p.active = 1"
GET_SQL = f"SELECT {PRODUCT_COLUMNS} FROM products AS p WHERE p.id = ?"
COUNT_SQL = "SELECT value FROM settings WHERE key = 'catalog_count'"
SLOW_COUNT_SQL = "SELECT count(*) FROM products WHERE active = 1"
STOCK_SQL = "SELECT on_hand FROM stock WHERE product_id = ?"
DEPARTMENTS_SQL = "SELECT code, name, vat_bp FROM departments ORDER BY code"


class Catalog:
    """The catalog as seen by one till thread."""

    __slots__ = ("_conn",)

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @property
    def connection(self) -> sqlite3.Connection:
        return self._conn

    def by_barcode(self, code: str) -> Product | None:
        """The active product carrying this barcode: the scan hot path."""
        row = self._conn.execute(BY_BARCODE_SQL, (code,)).fetchone()
        if row is None:
            return None
        return Product(row[0], row[1], row[2], row[3], row[4], SOLD_BY[row[5]], row[6], row[7])

    def by_plu(self, plu: str) -> Product | None:
        """The active product whose PLU a GS1 variable-measure (weighed) label carries."""
        return self._one(BY_PLU_SQL, plu)

    def by_sku(self, sku: str) -> Product | None:
        return self._one(BY_SKU_SQL, sku)

    def get(self, product_id: int) -> Product | None:
        """Any product, tombstoned ones included (an open basket may still hold one)."""
        return self._one(GET_SQL, product_id)

    def count(self) -> int:
        """Active products: a counter kept by the loader and the catalog triggers."""
        row = self._conn.execute(COUNT_SQL).fetchone()
        if row is None:  # a catalog filled by hand, bypassing the schema's seed row
            return int(self._conn.execute(SLOW_COUNT_SQL).fetchone()[0])
        return int(row[0])

    def stock_on_hand(self, product_id: int) -> int:
        """Units (grams for goods sold by weight) on hand; 0 when stock was never counted."""
        row = self._conn.execute(STOCK_SQL, (product_id,)).fetchone()
        return 0 if row is None else int(row[0])

    def departments(self) -> list[tuple[str, str, int]]:
        """(code, name, vat_bp) of every department, by code."""
        return [(code, name, vat_bp) for code, name, vat_bp in self._conn.execute(DEPARTMENTS_SQL)]

    def search(self, query: str, limit: int = 20) -> list[Product]:
        """Products by name, brand or SKU prefix, most relevant first (see pos.store.search)."""
        return _search.search(self._conn, query, limit)

    def _one(self, sql: str, key: object) -> Product | None:
        row = self._conn.execute(sql, (key,)).fetchone()
        return None if row is None else product_from_row(row)
