"""A first-sync snapshot, staged in a side file and moved into the store in one go.

The chunks land in ``<store>.snapshot``, a scratch SQLite file beside the store, each
chunk with the snapshot's cursor in one transaction of that file: killed mid-snapshot,
the till resumes from the last staged chunk, and the rows it ends with are the same.
The store itself is not touched until ``finish``, which attaches the side file and, in
one transaction of the store, moves the catalog in bulk (``catalog_staging.merge``:
indexes and search index built once), writes the stock levels and stores the two feeds'
cursors; then the side file is deleted. So the till never sees half a snapshot, and the
store file is compact after it: the staged rows never took pages in it (staging there
left ~140 MB of free pages at 1,000,000 products), so no ``VACUUM`` is needed.

A side file left by a finished move (a crash between the commit and the delete) is
recognised by the store's catalog cursor and deleted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import suppress
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from pos.store import catalog_feed, catalog_staging, feed_cursors, stock_levels
from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.text_keys import brand_key, name_key

SUFFIX = ".snapshot"
ATTACHED = "snapshot_side"

_name_key = lru_cache(maxsize=1 << 16)(name_key)
_brand_key = lru_cache(maxsize=1 << 14)(brand_key)

_SIDE_SCHEMA = """
CREATE TABLE IF NOT EXISTS progress (key TEXT PRIMARY KEY, value);
CREATE TABLE IF NOT EXISTS catalog_staging (
    id INTEGER PRIMARY KEY, sku TEXT NOT NULL, name TEXT NOT NULL, brand TEXT NOT NULL,
    department TEXT, price_cents INTEGER NOT NULL, vat_bp INTEGER NOT NULL,
    sold_by TEXT NOT NULL, plu TEXT, active INTEGER NOT NULL, name_key TEXT NOT NULL,
    brand_key TEXT NOT NULL, barcodes TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stock_staging (
    product_id INTEGER PRIMARY KEY, sku TEXT NOT NULL, on_hand INTEGER NOT NULL,
    reserved INTEGER NOT NULL, version INTEGER NOT NULL
);
"""
_PUT = "INSERT OR REPLACE INTO progress (key, value) VALUES (?, ?)"
_GET = "SELECT value FROM progress WHERE key = ?"
_STAGE_PRODUCT = f"INSERT OR REPLACE INTO catalog_staging VALUES ({', '.join('?' * 13)})"
_STAGE_STOCK = "INSERT OR REPLACE INTO stock_staging VALUES (?, ?, ?, ?, ?)"
# The item fields each staged row is made of (one place: a field added to the contract's
# item reaches the till once it is named here and in catalog_staging's columns).
CATALOG_FIELDS = (
    "id", "sku", "name", "brand", "department", "price_cents", "vat_bp", "sold_by", "plu",
    "active", "barcodes",
)  # fmt: skip
STOCK_FIELDS = ("product_id", "sku", "on_hand", "reserved", "version")

_DEPARTMENTS = (
    "INSERT OR IGNORE INTO departments (code, name, vat_bp) SELECT department, department, "
    f"min(vat_bp) FROM {ATTACHED}.catalog_staging WHERE department IS NOT NULL "
    "GROUP BY department"
)
_CENTRAL_STOCK = (
    "INSERT INTO central_stock (product_id, sku, on_hand, reserved, version, reflects_ack_no) "
    f"SELECT product_id, sku, on_hand, reserved, version, ? FROM {ATTACHED}.stock_staging "
    "WHERE true ON CONFLICT (product_id) DO UPDATE SET sku = excluded.sku, "
    "on_hand = excluded.on_hand, reserved = excluded.reserved, version = excluded.version, "
    "reflects_ack_no = excluded.reflects_ack_no"
)
# The shown level: the central one plus this till's movements not acknowledged yet
# (``stock_levels``; a new till has few or none), for the products the catalog has.
_SHOWN_STOCK = (
    "INSERT INTO stock (product_id, on_hand) SELECT s.product_id, s.on_hand "
    f"FROM {ATTACHED}.stock_staging AS s WHERE s.product_id IN (SELECT id FROM products) "
    "ON CONFLICT (product_id) DO UPDATE SET on_hand = excluded.on_hand"
)
_IN_FLIGHT = (
    "SELECT m.product_id, sum(m.delta) FROM outbox AS o JOIN stock_movements AS m "
    "ON m.ref = o.op_id WHERE o.acked_at IS NULL GROUP BY m.product_id"
)
_ADD_IN_FLIGHT = (
    "UPDATE stock SET on_hand = on_hand + ?2 WHERE product_id = ?1 "
    "AND product_id IN (SELECT product_id FROM central_stock)"
)


def side_path(conn: sqlite3.Connection) -> Path | None:
    """The side file of the store ``conn`` is open on (None for an in-memory store)."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file + SUFFIX) if file else None
    return None


def in_progress(conn: sqlite3.Connection) -> bool:
    """A snapshot was started and not finished (its side file holds a cursor)."""
    path = side_path(conn)
    if path is None or not path.exists():
        return False
    if feed_cursors.cursor(conn, "catalog") is not None:  # finished, not yet deleted
        _delete(path)
        return False
    return True


_MISSING_STOCK = (
    "SELECT product_id FROM central_stock WHERE product_id IN (SELECT id FROM products) "
    "AND product_id NOT IN (SELECT product_id FROM stock)"
)


def fill_missing_stock(conn: sqlite3.Connection) -> int:
    """Give the shown level to products that arrived after their central level (changed at
    the central while the snapshot was read, they came with the catalog feed after it);
    return how many. Call once the catalog feed has caught up after ``finish``."""
    with write_transaction(conn):
        ids = [row[0] for row in conn.execute(_MISSING_STOCK)]
        stock_levels.refresh(conn, ids)
    return len(ids)


class SnapshotLoad:
    """The side file of one store, opened by the thread that loads the snapshot."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        path = side_path(conn)
        if path is None:
            raise ValueError("a snapshot needs a store file")
        self.main, self.path = conn, path
        self.side = sqlite3.connect(path, isolation_level=None)
        self.side.execute("PRAGMA journal_mode = WAL")
        self.side.execute("PRAGMA synchronous = NORMAL")
        self.side.executescript(_SIDE_SCHEMA)

    def cursor(self) -> str | None:
        """The cursor to ask the next chunk with; None: from the beginning."""
        row = self.side.execute(_GET, ("cursor",)).fetchone()
        return None if row is None else str(row[0])

    def stage(
        self, part: str, fields: Sequence[str], rows: Sequence[tuple[Any, ...]], next_cursor: str
    ) -> None:
        """Keep a chunk's rows (in ``fields`` order) with the cursor after it, at once."""
        if part == "catalog":
            pick = itemgetter(*(fields.index(name) for name in CATALOG_FIELDS))
            sql, staged = _STAGE_PRODUCT, [_product_row(pick(row)) for row in rows]
        else:
            pick = itemgetter(*(fields.index(name) for name in STOCK_FIELDS))
            sql, staged = _STAGE_STOCK, [pick(row) for row in rows]
        self.side.execute("BEGIN IMMEDIATE")
        try:
            if self.cursor() is None:  # the levels reflect what was acknowledged by now
                self.side.execute(_PUT, ("ack_no", _ack_no(self.main)))
            self.side.executemany(sql, staged)
            self.side.execute(_PUT, ("cursor", next_cursor))
            self.side.execute("COMMIT")
        except BaseException:
            self.side.execute("ROLLBACK")
            raise

    def finish(self, catalog_cursor: str, stock_cursor: str) -> None:
        """Move everything staged into the store, with the feeds' cursors, in one
        transaction; then delete the side file."""
        ack_no = int(self.side.execute(_GET, ("ack_no",)).fetchone()[0])
        self.side.close()
        with translate_errors():
            self.main.execute(f"ATTACH DATABASE ? AS {ATTACHED}", (str(self.path),))
        try:
            with write_transaction(self.main):
                self.main.execute(_DEPARTMENTS)
                catalog_staging.merge(
                    self.main, catalog_feed.upsert_rows, f"{ATTACHED}.catalog_staging"
                )
                self.main.execute(_CENTRAL_STOCK, (ack_no,))
                self.main.execute(_SHOWN_STOCK)
                self.main.executemany(_ADD_IN_FLIGHT, self.main.execute(_IN_FLIGHT).fetchall())
                feed_cursors.save(self.main, "catalog", catalog_cursor)
                feed_cursors.save(self.main, "stock", stock_cursor)
        finally:
            self.main.execute(f"DETACH DATABASE {ATTACHED}")
        _delete(self.path)

    def discard(self) -> None:
        """Forget the staged chunks (a refused cursor: the snapshot starts over)."""
        self.side.close()
        _delete(self.path)

    def close(self) -> None:
        self.side.close()


def _product_row(item: tuple[Any, ...]) -> tuple[Any, ...]:
    """A staged row from the item's fields (``CATALOG_FIELDS`` order)."""
    pid, sku, name, brand, department, price, vat, sold_by, plu, active, codes = item
    brand = brand or ""
    return (
        pid, sku, name, brand, department or None, price, vat, sold_by, plu or None,
        int(active), _name_key(name), _brand_key(brand), catalog_staging.json_list(codes),
    )  # fmt: skip


def _ack_no(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM sync_state WHERE key = 'ack_no'").fetchone()
    return int(row[0]) if row else 0


def _delete(path: Path) -> None:
    for extra in ("", "-wal", "-shm"):
        with suppress(FileNotFoundError):
            Path(f"{path}{extra}").unlink()
