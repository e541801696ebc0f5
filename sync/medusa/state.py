"""The adapter's own durable memory, in a small SQLite file beside the till's database.

Two things Medusa cannot hold for us:

* ``product_ids``: the till keys products by an integer (1..2^32-1); Medusa keys variants
  by text (``variant_01J...``). A variant keeps the integer it was first given: the
  operator's ``metadata.comptoir_product_id`` when set (1..2^31-1), otherwise the next
  local number from 2^31 up. The same table maps a sale line back to its variant.
* ``sale_pushes``: a sale becomes a Medusa cart completed into an order. Medusa has no
  idempotency key, but completing the same cart again returns the same order, so the
  cart's id, recorded here before the cart is completed, is the sale's idempotency key:
  a retry after a dropped connection completes that cart again instead of a new one.

Every write commits before the adapter goes on (``synchronous=FULL``): a crash between
"cart created" and "cart completed" resumes with the same cart.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

LOCAL_IDS_FROM = 2**31
MAX_PRODUCT_ID = 2**32 - 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS product_ids (
    variant_id TEXT PRIMARY KEY,
    product_id INTEGER NOT NULL UNIQUE,
    sku TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS product_ids_sku ON product_ids (sku);
CREATE TABLE IF NOT EXISTS sale_pushes (
    op_id TEXT PRIMARY KEY,
    payload_sha256 TEXT NOT NULL,
    cart_id TEXT,
    order_id TEXT,
    done INTEGER NOT NULL DEFAULT 0
);
"""


@dataclass(frozen=True, slots=True)
class SalePush:
    op_id: str
    payload_sha256: str
    cart_id: str | None
    order_id: str | None
    done: bool


class AdapterState:
    """One connection guarded by a lock: the engine calls from one thread at a time, the
    pickup desk from another."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("PRAGMA busy_timeout=5000")
        self._conn.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- product ids ----------------------------------------------------------------------

    def product_ids(self, variants: list[tuple[str, str, int | None]]) -> dict[str, int]:
        """Integer ids for (variant_id, sku, operator's id or None), allocating new ones."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                ids = {v: self._product_id(v, sku, wanted) for v, sku, wanted in variants}
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        return ids

    def _product_id(self, variant_id: str, sku: str, wanted: int | None) -> int:
        row = self._conn.execute(
            "SELECT product_id, sku FROM product_ids WHERE variant_id = ?", (variant_id,)
        ).fetchone()
        if row is not None:
            if row[1] != sku:
                self._conn.execute(
                    "UPDATE product_ids SET sku = ? WHERE variant_id = ?", (sku, variant_id)
                )
            return int(row[0])
        taken = (
            wanted is not None
            and self._conn.execute(
                "SELECT 1 FROM product_ids WHERE product_id = ?", (wanted,)
            ).fetchone()
        )
        if wanted is None or taken:
            top = self._conn.execute(
                "SELECT max(product_id) FROM product_ids WHERE product_id >= ?", (LOCAL_IDS_FROM,)
            ).fetchone()[0]
            wanted = LOCAL_IDS_FROM if top is None else int(top) + 1
            if wanted > MAX_PRODUCT_ID:
                raise OverflowError("no product id left for a new Medusa variant")
        self._conn.execute(
            "INSERT INTO product_ids (variant_id, product_id, sku) VALUES (?, ?, ?)",
            (variant_id, wanted, sku),
        )
        return wanted

    def variant_for(self, product_id: int, sku: str) -> str | None:
        """The variant behind a sale line: by product id, else by sku."""
        with self._lock:
            row = self._conn.execute(
                "SELECT variant_id FROM product_ids WHERE product_id = ?", (product_id,)
            ).fetchone()
            if row is None:
                row = self._conn.execute(
                    "SELECT variant_id FROM product_ids WHERE sku = ?", (sku,)
                ).fetchone()
        return None if row is None else str(row[0])

    # -- sale pushes ----------------------------------------------------------------------

    def sale_push(self, op_id: str) -> SalePush | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT op_id, payload_sha256, cart_id, order_id, done FROM sale_pushes "
                "WHERE op_id = ?",
                (op_id,),
            ).fetchone()
        if row is None:
            return None
        return SalePush(row[0], row[1], row[2], row[3], bool(row[4]))

    def record_sale_push(
        self,
        op_id: str,
        payload_sha256: str,
        *,
        cart_id: str | None = None,
        order_id: str | None = None,
        done: bool = False,
    ) -> None:
        """Create or advance a sale's push record (fields given as None are kept)."""
        with self._lock:
            self._conn.execute(
                "INSERT INTO sale_pushes (op_id, payload_sha256, cart_id, order_id, done) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (op_id) DO UPDATE SET "
                "cart_id = coalesce(excluded.cart_id, cart_id), "
                "order_id = coalesce(excluded.order_id, order_id), "
                "done = max(done, excluded.done)",
                (op_id, payload_sha256, cart_id, order_id, int(done)),
            )
