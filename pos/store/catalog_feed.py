"""Applying a page of the central catalog feed: products upserted by their central id.

The central API wins on the catalog: each item is the product's full latest state, so
it overwrites the local row. Its ``popularity`` (units sold across the network) orders
search; this till's own sales since that figure are counted apart (``local_sales``,
added by each sale's commit) and set back to 0 by a new figure, which counts them once
pushed. ``active = false``
tombstones the product: the ``catalog_*`` triggers take it out of search and the cached
count, while ``Catalog.get`` still finds it for an open basket (a basket holds its own
lines anyway) and past sales keep their own copy of the price.

Each page and its cursor commit in one transaction; a page applied twice is harmless
(an unchanged product is not even rewritten: the upsert's ``WHERE``). Rows go in with
one ``executemany`` per table, sorted by id (FTS5, fed by the triggers, then receives
ascending row ids); conflicts over a key are settled in the page's change order. A
first pull into an empty catalog is staged and moved in bulk once caught up
(``pos.store.catalog_staging``): 1,000,000 products in seconds, not a minute.

Unique keys move between products in change order: a SKU or PLU the page gives to a
product is taken from whichever other product still holds it locally (that product
gets a placeholder SKU until its own newer state arrives later in the feed), and a
barcode simply moves to its new product.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Protocol

from pos.domain.text_keys import brand_key, name_key
from pos.store import catalog_staging
from pos.store.catalog_loader import ProductLike
from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.feed_cursors import PageRefused, cursor, forget, page_transaction
from pos.store.sale_codec import utc_now

FEED = "catalog"
PLACEHOLDER_SKU_PREFIX = "~moved~"  # + id: a SKU taken by another product, until its update

# ~57,000 distinct names in the 1M demo catalog: folding accents once per name, not per row.
_name_key = lru_cache(maxsize=1 << 16)(name_key)


class CatalogItemLike(ProductLike, Protocol):
    """A product as the catalog feed sends it (sync.contract's model fits): what the bulk
    loader reads, plus the central id and whether it is still sold."""

    @property
    def id(self) -> int: ...
    @property
    def active(self) -> bool: ...


class CatalogPageRefused(PageRefused):
    """A catalog page contradicts itself or the schema; nothing of it was applied."""

    code = "catalog_page_refused"


# A product row: (id, sku, name, brand, department, price_cents, vat_bp, sold_by, plu,
# active, name_key, brand_key, popularity, updated_at). The normal upsert leaves the
# search columns (active, name_key, brand_key, popularity) to _SEARCH_KEYS, which touches
# only rows whose keys changed: the update trigger re-indexes a product in FTS5 (~0.3 ms
# at 1M products), which a price change must not pay. A page of products all new here
# needs one statement.
_PLAIN = ("sku", "name", "brand", "department", "price_cents", "vat_bp", "sold_by", "plu")
_SEARCH = ("active", "name_key", "brand_key", "popularity")
# A new central figure counts this till's pushed sales: the local count starts again.
_LOCAL_SALES = "local_sales = CASE WHEN popularity = {0} THEN local_sales ELSE 0 END"


def _upsert_sql(updated: Sequence[str]) -> str:
    also = ""
    if "popularity" in updated:
        also = ", " + _LOCAL_SALES.format("excluded.popularity")
    return f"""
INSERT INTO products (id, {", ".join(_PLAIN + _SEARCH)}, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    {", ".join(f"{c} = excluded.{c}" for c in updated)}{also}, updated_at = excluded.updated_at
WHERE ({", ".join(updated)}) IS NOT ({", ".join("excluded." + c for c in updated)})
"""


_UPSERT = _upsert_sql(_PLAIN)
_UPSERT_NEW = _upsert_sql(_PLAIN + _SEARCH)
_SEARCH_KEYS = f"""
UPDATE products SET active = ?2, name_key = ?3, brand_key = ?4, {_LOCAL_SALES.format("?5")},
    popularity = ?5, updated_at = ?6
WHERE id = ?1 AND (active, name_key, brand_key, popularity) IS NOT (?2, ?3, ?4, ?5)
"""
_DEPARTMENT = "INSERT OR IGNORE INTO departments (code, name, vat_bp) VALUES (?, ?, ?)"
_LAST_ID = "SELECT coalesce(max(id), 0) FROM products"
_DROP_BARCODES = "DELETE FROM barcodes WHERE product_id = ?"
_PUT_BARCODE = (
    "INSERT INTO barcodes (code, product_id) VALUES (?, ?) "
    "ON CONFLICT (code) DO UPDATE SET product_id = excluded.product_id"
)
_FREE_SKU = f"UPDATE products SET sku = '{PLACEHOLDER_SKU_PREFIX}' || id WHERE sku = ? AND id <> ?"
_FREE_PLU = "UPDATE products SET plu = NULL WHERE plu = ? AND id <> ?"
_ANY_PRODUCT = "SELECT 1 FROM products LIMIT 1"


def apply_page(
    conn: sqlite3.Connection,
    items: Iterable[CatalogItemLike],
    next_cursor: str,
    *,
    caught_up: bool,
) -> int:
    """Apply a page of products and store ``next_cursor``, in one transaction.

    ``caught_up``: the feed said there is nothing more for now (``has_more`` false).
    Returns the number of items. Raises CatalogPageRefused (nothing applied, cursor
    unchanged) when the page contradicts the schema."""
    items = list(items)  # in change order
    stamp = utc_now()
    rows = [_row(item, stamp) for item in items]
    codes = [item.barcodes for item in items]
    with page_transaction(conn, FEED, next_cursor):
        if catalog_staging.is_active(conn) or _first_pull_into_empty_catalog(conn):
            catalog_staging.stage(conn, rows, codes)
            if caught_up:
                catalog_staging.merge(conn, upsert_rows)
        elif rows:
            upsert_rows(conn, rows, codes)
    return len(rows)


def restart(conn: sqlite3.Connection) -> None:
    """Pull the catalog again from the beginning (the API refused our cursor)."""
    with write_transaction(conn), translate_errors():
        catalog_staging.clear(conn)
        forget(conn, FEED)


def _first_pull_into_empty_catalog(conn: sqlite3.Connection) -> bool:
    return cursor(conn, FEED) is None and conn.execute(_ANY_PRODUCT).fetchone() is None


def _row(item: CatalogItemLike, stamp: str) -> tuple:
    brand = item.brand or ""
    sold_by = item.sold_by
    return (
        item.id, item.sku, item.name, brand, item.department or None, item.price_cents,
        item.vat_bp, sold_by if type(sold_by) is str else str(getattr(sold_by, "value", sold_by)),
        item.plu or None, int(bool(item.active)), _name_key(item.name), brand_key(brand),
        item.popularity, stamp,
    )  # fmt: skip


def upsert_rows(
    conn: sqlite3.Connection, rows: Sequence[tuple], codes: Sequence[Sequence[str]]
) -> None:
    """Write product rows (the layout above, in change order) and their barcodes."""
    if not rows:
        return
    conn.executemany(_DEPARTMENT, {(row[4], row[4], row[6]) for row in rows if row[4]})
    seen_before = min(row[0] for row in rows) <= conn.execute(_LAST_ID).fetchone()[0]
    _upsert(conn, rows, all_new=not seen_before)
    if seen_before:  # only products already here can hold barcodes to take back
        conn.executemany(_DROP_BARCODES, [(row[0],) for row in rows])
    pairs = [(code, row[0]) for row, product_codes in zip(rows, codes, strict=True)
             for code in product_codes]  # fmt: skip
    try:
        conn.executemany(_PUT_BARCODE, pairs)
    except sqlite3.IntegrityError as exc:
        raise CatalogPageRefused(f"A barcode of the catalog page was refused ({exc}).") from exc


def _upsert(conn: sqlite3.Connection, rows: Sequence[tuple], all_new: bool) -> None:
    """The fast path (by id), then, if a unique key is held by another product, free it
    and retry row by row."""
    try:
        _write(conn, sorted(rows, key=lambda row: row[0]), all_new)
        return
    except sqlite3.IntegrityError:
        pass
    for row in rows:  # row by row, in change order: the later holder of a key wins
        conn.execute(_FREE_SKU, (row[1], row[0]))
        if row[8] is not None:
            conn.execute(_FREE_PLU, (row[8], row[0]))
        try:
            _write(conn, [row], all_new)
        except sqlite3.IntegrityError as exc:
            raise CatalogPageRefused(
                f"Product {row[1]!r} (central id {row[0]}) was refused ({exc}); "
                "the catalog page was not applied."
            ) from exc


def _write(conn: sqlite3.Connection, rows: Sequence[tuple], all_new: bool) -> None:
    if all_new:  # nothing to re-index: one statement
        conn.executemany(_UPSERT_NEW, rows)
        return
    conn.executemany(_UPSERT, rows)
    conn.executemany(_SEARCH_KEYS, [(r[0], r[9], r[10], r[11], r[12], r[13]) for r in rows])
