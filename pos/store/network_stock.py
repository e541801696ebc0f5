"""Other locations' stock as this till last saw it, and the orders it placed for customers.

Rows come from the ``network_stock`` feed (other locations' levels of the products this
store carries) and from live lookups; both are the latest state, so the last write wins.
Their age is the later of the row's ``seen_at`` and the feed's last pull: a feed caught
up at T vouches for every row it did not change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from pos.store import feed_cursors
from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.sale_codec import utc_now

FEED = "network_stock"

_UPSERT = (
    "INSERT INTO network_stock (product_id, store_id, name, kind, on_hand, reserved, seen_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (product_id, store_id) DO UPDATE SET "
    "name = excluded.name, kind = excluded.kind, on_hand = excluded.on_hand, "
    "reserved = excluded.reserved, seen_at = excluded.seen_at"
)
_LEVELS = (
    "SELECT store_id, name, kind, on_hand, reserved, seen_at FROM network_stock "
    "WHERE product_id = ? ORDER BY kind, name"
)
_PULLED = "SELECT updated_at FROM feed_cursors WHERE feed = ?"


class NetworkItemLike(Protocol):
    store_id: str
    name: str
    kind: str
    product_id: int
    on_hand: int
    reserved: int


@dataclass(frozen=True, slots=True)
class LocationLevel:
    store_id: str
    name: str
    kind: str  # "store" or "warehouse"
    on_hand: int
    reserved: int
    seen_at: str

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


def apply_page(conn: sqlite3.Connection, items: Iterable[NetworkItemLike], next_cursor: str) -> int:
    """Store a page and its cursor in one transaction; return the number of items."""
    items = list(items)
    now = utc_now()
    with feed_cursors.page_transaction(conn, FEED, next_cursor):
        conn.executemany(
            _UPSERT,
            [(i.product_id, i.store_id, i.name, i.kind, i.on_hand, i.reserved, now) for i in items],
        )
    return len(items)


def restart(conn: sqlite3.Connection) -> None:
    """Central refused the cursor: pull again from the start (rows stay until replaced)."""
    feed_cursors.forget(conn, FEED)


def remember(conn: sqlite3.Connection, product_id: int, levels: Iterable[LocationLevel]) -> None:
    """A live lookup's answer, kept for when central cannot be reached."""
    with write_transaction(conn), translate_errors():
        conn.executemany(
            _UPSERT,
            [(product_id, x.store_id, x.name, x.kind, x.on_hand, x.reserved, x.seen_at)
             for x in levels],
        )  # fmt: skip


def levels(conn: sqlite3.Connection, product_id: int) -> list[LocationLevel]:
    with translate_errors():
        return [LocationLevel(*row) for row in conn.execute(_LEVELS, (product_id,))]


def pulled_at(conn: sqlite3.Connection) -> str | None:
    """When the feed was last pulled up to date (None: never)."""
    with translate_errors():
        row = conn.execute(_PULLED, (FEED,)).fetchone()
    return None if row is None else str(row[0])


# -- orders placed for customers -------------------------------------------------------


def record_order(conn: sqlite3.Connection, order_id: str, request: str) -> None:
    """Keep the order before it is sent (the same id again keeps the first request)."""
    with write_transaction(conn), translate_errors():
        conn.execute(
            "INSERT OR IGNORE INTO customer_orders (order_id, request, created_at) "
            "VALUES (?, ?, ?)",
            (order_id, request, utc_now()),
        )


def order_request(conn: sqlite3.Connection, order_id: str) -> str | None:
    with translate_errors():
        row = conn.execute(
            "SELECT request FROM customer_orders WHERE order_id = ?", (order_id,)
        ).fetchone()
    return None if row is None else str(row[0])


def order_placed(conn: sqlite3.Connection, order_id: str, reply: str) -> None:
    with write_transaction(conn), translate_errors():
        conn.execute(
            "UPDATE customer_orders SET placed_at = ?, reply = ? WHERE order_id = ?",
            (utc_now(), reply, order_id),
        )
