"""A first-sync snapshot, kept chunk by chunk in a side file and moved into the store
in one go.

Each chunk (validated by the client before it gets here) is kept whole, as its JSON
columns, in ``<store>.snapshot``, a scratch SQLite file beside the store, with the
snapshot's cursor in one transaction of that file: killed mid-snapshot, the till resumes
from the last kept chunk and ends with the same rows. Keeping the chunk as it came costs
one write of ~7 MB per 50,000 products, not 50,000 staged rows copied again later. The
store itself is not touched until ``finish``: in one transaction of the store, the
catalog goes in bulk (``catalog_staging.load_in_bulk``: indexes and search index built
once), then the stock levels and the two feeds' cursors; then the side file is deleted.
So the till never sees half a snapshot, and the store file is compact after it: nothing
was staged in it (staging there left ~140 MB of free pages at 1,000,000 products), so
no ``VACUUM`` is needed.

A side file left by a finished move (a crash between the commit and the delete) is
recognised by the store's catalog cursor and deleted.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from typing import Any

from pos.domain.text_keys import brand_key, name_key
from pos.store import catalog_feed, catalog_staging, feed_checks, feed_cursors, stock_levels
from pos.store.db import write_transaction
from pos.store.sale_codec import utc_now

SUFFIX = ".snapshot"

_name_key = lru_cache(maxsize=1 << 17)(name_key)
_brand_key = lru_cache(maxsize=1 << 14)(brand_key)

_SIDE_SCHEMA = """
CREATE TABLE IF NOT EXISTS progress (key TEXT PRIMARY KEY, value);
CREATE TABLE IF NOT EXISTS chunks (n INTEGER PRIMARY KEY, part TEXT NOT NULL, body BLOB);
"""
_PUT = "INSERT OR REPLACE INTO progress (key, value) VALUES (?, ?)"
_GET = "SELECT value FROM progress WHERE key = ?"
_KEEP = "INSERT INTO chunks (part, body) VALUES (?, ?)"
_CHUNKS = "SELECT body FROM chunks WHERE part = ? ORDER BY n"
# The item fields the store keeps (one place: a field added to the contract's item
# reaches the till once it is named here and given a column).
CATALOG_FIELDS = (
    "id", "sku", "name", "brand", "department", "price_cents", "vat_bp", "sold_by", "plu",
    "active", "barcodes", "popularity",
)  # fmt: skip
STOCK_FIELDS = ("product_id", "sku", "on_hand", "reserved", "version")

_DEPARTMENT = "INSERT OR IGNORE INTO departments (code, name, vat_bp) VALUES (?, ?, ?)"
_PRODUCT = (
    "INSERT INTO products (id, sku, name, brand, department, price_cents, vat_bp, sold_by, "
    "plu, active, name_key, brand_key, popularity, updated_at) "
    f"VALUES ({', '.join('?' * 14)})"
)
_BARCODE = (
    "INSERT INTO barcodes (code, product_id) VALUES (?, ?) "
    "ON CONFLICT (code) DO UPDATE SET product_id = excluded.product_id"
)
_CENTRAL_STOCK = (
    "INSERT INTO central_stock (product_id, sku, on_hand, reserved, version, reflects_ack_no) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (product_id) DO UPDATE SET sku = excluded.sku, "
    "on_hand = excluded.on_hand, reserved = excluded.reserved, version = excluded.version, "
    "reflects_ack_no = excluded.reflects_ack_no"
)
# The shown level, for the products the catalog has; this till's movements not yet
# acknowledged (``stock_levels``; a new till has few or none) are added after.
_SHOWN_STOCK = (
    "INSERT INTO stock (product_id, on_hand) SELECT ?1, ?2 "
    "WHERE EXISTS (SELECT 1 FROM products WHERE id = ?1) "
    "ON CONFLICT (product_id) DO UPDATE SET on_hand = excluded.on_hand"
)
# ``main.``: the page set's load (``page_set_load``) runs these with its file attached,
# which has a ``stock`` table of its own.
_IN_FLIGHT = (
    "SELECT m.product_id, sum(m.delta) FROM main.outbox AS o JOIN main.stock_movements AS m "
    "ON m.ref = o.op_id WHERE o.acked_at IS NULL GROUP BY m.product_id"
)
_ADD_IN_FLIGHT = (
    "UPDATE main.stock SET on_hand = on_hand + ?2 WHERE product_id = ?1 "
    "AND product_id IN (SELECT product_id FROM main.central_stock)"
)
_MISSING_STOCK = (
    "SELECT product_id FROM central_stock WHERE product_id IN (SELECT id FROM products) "
    "AND product_id NOT IN (SELECT product_id FROM stock)"
)


def side_path(conn: sqlite3.Connection, suffix: str = SUFFIX) -> Path | None:
    """The file ``<store>{suffix}`` beside the store ``conn`` is open on (None for an
    in-memory store): the snapshot's side file, or the page set (``page_set_load``)."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file + suffix) if file else None
    return None


def add_in_flight(conn: sqlite3.Connection) -> None:
    """Add this till's movements not yet acknowledged to the shown levels just loaded
    over central's (a new till has few or none). Inside the load's transaction."""
    conn.executemany(_ADD_IN_FLIGHT, conn.execute(_IN_FLIGHT).fetchall())


def in_progress(conn: sqlite3.Connection) -> bool:
    """A snapshot was started and not finished (its side file is there)."""
    path = side_path(conn)
    if path is None or not path.exists():
        return False
    if feed_cursors.cursor(conn, "catalog") is not None:  # finished, not yet deleted
        _delete(path)
        return False
    return True


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

    def keep(
        self, part: str, columns: Mapping[str, Sequence[Any]], body: bytes, next_cursor: str
    ) -> None:
        """Keep a validated chunk (its JSON) with the cursor after it, both or neither.
        ``ImplausiblePage`` (nothing kept) if ``feed_checks`` refuses its columns."""
        last = self.side.execute(_GET, (f"last_{part}",)).fetchone()
        last_key = feed_checks.check_snapshot_chunk(part, columns, int(last[0]) if last else 0)
        self.side.execute("BEGIN IMMEDIATE")
        try:
            if self.cursor() is None:  # the levels reflect what was acknowledged by now
                self.side.execute(_PUT, ("ack_no", _ack_no(self.main)))
            self.side.execute(_KEEP, (part, body))
            self.side.execute(_PUT, (f"last_{part}", last_key))
            self.side.execute(_PUT, ("cursor", next_cursor))
            self.side.execute("COMMIT")
        except BaseException:
            self.side.execute("ROLLBACK")
            raise

    def finish(self, catalog_cursor: str, stock_cursor: str) -> None:
        """Move every chunk into the store, with the feeds' cursors, in one transaction;
        then delete the side file."""
        ack_no = int(self.side.execute(_GET, ("ack_no",)).fetchone()[0])
        with write_transaction(self.main):
            catalog_staging.load_in_bulk(self.main, self._fill_catalog, self._upsert_catalog)
            for columns in self._columns("stock"):
                levels = list(zip(*(columns[name] for name in STOCK_FIELDS), strict=True))
                self.main.executemany(_CENTRAL_STOCK, [(*level, ack_no) for level in levels])
                self.main.executemany(_SHOWN_STOCK, [(lv[0], lv[2]) for lv in levels])
            add_in_flight(self.main)
            feed_cursors.save(self.main, "catalog", catalog_cursor)
            feed_cursors.save(self.main, "stock", stock_cursor)
        # The move went through the WAL (~400 MB at 1,000,000 products), already copied
        # back by the checkpoint at commit: give the file back (a reader busy: next time).
        self.main.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.discard()

    def discard(self) -> None:
        """Forget the kept chunks (done, or a refused cursor: the snapshot starts over)."""
        self.side.close()
        _delete(self.path)

    def close(self) -> None:
        self.side.close()

    def _columns(self, part: str) -> Iterator[dict[str, list[Any]]]:
        """The part's chunks in order, as columns (validated when they arrived)."""
        for (body,) in self.side.execute(_CHUNKS, (part,)):
            yield json.loads(body)[part]

    def _catalog_rows(self) -> Iterator[tuple[list[tuple[Any, ...]], list[list[str]]]]:
        stamp = utc_now()
        for columns in self._columns("catalog"):
            items = zip(*(columns[name] for name in CATALOG_FIELDS), strict=True)
            yield [_product_row(item, stamp) for item in items], columns["barcodes"]

    def _fill_catalog(self, conn: sqlite3.Connection) -> None:
        for rows, codes in self._catalog_rows():
            conn.executemany(_DEPARTMENT, {(row[4], row[4], row[6]) for row in rows if row[4]})
            conn.executemany(_PRODUCT, rows)
            conn.executemany(
                _BARCODE,
                [(code, row[0]) for row, own in zip(rows, codes, strict=True) for code in own],
            )

    def _upsert_catalog(self, conn: sqlite3.Connection) -> None:
        """The normal upsert path (a catalog not empty, or the rows break a unique key)."""
        for rows, codes in self._catalog_rows():
            catalog_feed.upsert_rows(conn, rows, codes)


def _product_row(item: tuple[Any, ...], stamp: str) -> tuple[Any, ...]:
    """A ``products`` row from the item's fields (``CATALOG_FIELDS`` order)."""
    pid, sku, name, brand, department, price, vat, sold_by, plu, active, _codes, sold = item
    brand = brand or ""
    return (
        pid, sku, name, brand, department or None, price, vat, sold_by, plu or None,
        1 if active else 0, _name_key(name), _brand_key(brand), sold, stamp,
    )  # fmt: skip


def _ack_no(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM sync_state WHERE key = 'ack_no'").fetchone()
    return int(row[0]) if row else 0


def _delete(path: Path) -> None:
    for extra in ("", "-wal", "-shm"):
        with suppress(FileNotFoundError):
            Path(f"{path}{extra}").unlink()
