"""Stock as the till shows it: the last central level plus what the central side has not
seen yet, and the stock feed that brings those central levels.

The central API owns stock; a terminal only sends deltas (each sale's lines). So::

    on hand (shown) = central on_hand as last pulled
                      + local movements not yet reflected in that level
    available       = on hand (shown) - central reserved

A local movement belongs to the outbox operation whose ``op_id`` is its ``ref`` (a sale's
lines carry the sale id). It is *reflected* in a product's central level once its
operation was acknowledged by a push batch numbered at most the level's
``reflects_ack_no``: a stock page records the highest batch number acknowledged before it
was fetched (the engine pushes, then pulls, on one thread). So a sale counts exactly once:
locally until the central level that includes it arrives, never both. An operation set
aside (refused by name, ``push_queue``) has not reached the central level either, and the
goods did leave the shelf: it keeps counting here, as if still in flight, until it is
re-queued, acknowledged and a level including it arrives. Set aside or re-queued, it is
never acknowledged twice (an op_id gets one ``ack_no``), so it still counts exactly once.

Products never seen in the stock feed fall back to the local ``stock`` table, which the
till keeps anyway (``SalesStore`` decrements it). For products with a central level,
``stock.on_hand`` is kept equal to the shown level (refreshed at each stock page), so
``Catalog.stock_on_hand`` stays right without knowing about sync.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from pos.store.errors import translate_errors
from pos.store.feed_cursors import page_transaction

FEED = "stock"


class StockItemLike(Protocol):
    """A central stock level as the stock feed sends it (sync.contract's model fits)."""

    @property
    def product_id(self) -> int: ...
    @property
    def sku(self) -> str: ...
    @property
    def on_hand(self) -> int: ...
    @property
    def reserved(self) -> int: ...
    @property
    def version(self) -> int: ...


@dataclass(frozen=True, slots=True)
class StockLevel:
    """One product's stock in units (grams for goods sold by weight)."""

    product_id: int
    on_hand: int  # shown: central level + local movements the central side has not seen
    reserved: int  # held centrally for click-and-collect and web orders
    central_on_hand: int | None  # None: never pulled, ``on_hand`` is the local figure
    unsynced_delta: int  # local movements not yet in the central level

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


_ACK_NO = "SELECT value FROM sync_state WHERE key = 'ack_no'"
_UPSERT = """
INSERT INTO central_stock (product_id, sku, on_hand, reserved, version, reflects_ack_no)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (product_id) DO UPDATE SET
    sku = excluded.sku, on_hand = excluded.on_hand, reserved = excluded.reserved,
    version = excluded.version, reflects_ack_no = excluded.reflects_ack_no
"""
# Movements of operations not acknowledged yet: pending, or set aside.
_IN_FLIGHT = """
SELECT m.product_id, sum(m.delta) FROM outbox AS o JOIN stock_movements AS m ON m.ref = o.op_id
WHERE o.acked_at IS NULL
GROUP BY m.product_id
"""
_MATERIALISE = """
INSERT INTO stock (product_id, on_hand) SELECT ?1, ?2
WHERE EXISTS (SELECT 1 FROM products WHERE id = ?1)
ON CONFLICT (product_id) DO UPDATE SET on_hand = excluded.on_hand
"""
_CENTRAL = "SELECT on_hand, reserved, reflects_ack_no FROM central_stock WHERE product_id = ?"
_LOCAL = "SELECT on_hand FROM stock WHERE product_id = ?"
# Not yet reflected: unacknowledged (pending or set aside), or acknowledged by a batch
# after the level was pulled.
_UNREFLECTED = """
SELECT coalesce(sum(m.delta), 0) FROM stock_movements AS m
WHERE m.product_id = ?1 AND m.ref IN (
    SELECT op_id FROM outbox WHERE acked_at IS NULL
    UNION ALL
    SELECT op_id FROM outbox WHERE ack_no > ?2
)
"""


def apply_page(conn: sqlite3.Connection, items: Iterable[StockItemLike], next_cursor: str) -> int:
    """Store a page of central levels and ``next_cursor`` in one transaction; return
    the number of items. Items are the latest state in change order: the last one wins."""
    items = list(items)
    with page_transaction(conn, FEED, next_cursor):
        ack_no = int(conn.execute(_ACK_NO).fetchone()[0])
        conn.executemany(
            _UPSERT,
            [(i.product_id, i.sku, i.on_hand, i.reserved, i.version, ack_no) for i in items],
        )
        in_flight = dict(conn.execute(_IN_FLIGHT).fetchall())
        conn.executemany(
            _MATERIALISE,
            [(i.product_id, i.on_hand + in_flight.get(i.product_id, 0)) for i in items],
        )
    return len(items)


def level(conn: sqlite3.Connection, product_id: int) -> StockLevel:
    """The product's stock as the till should show it (see the module docstring)."""
    with translate_errors():
        central = conn.execute(_CENTRAL, (product_id,)).fetchone()
        if central is None:
            local = conn.execute(_LOCAL, (product_id,)).fetchone()
            on_hand = 0 if local is None else int(local[0])
            return StockLevel(product_id, on_hand, 0, None, 0)
        on_hand, reserved, reflects = central
        delta = int(conn.execute(_UNREFLECTED, (product_id, reflects)).fetchone()[0])
    return StockLevel(product_id, on_hand + delta, reserved, on_hand, delta)


# ``_UNREFLECTED`` for many products in one go, driven by the operations central has not
# reflected (few) rather than by each product's history (a year of sales): unacknowledged
# ones, then those acknowledged after the oldest level among the products (by ack_no,
# each product keeping only those after its own level).
_UNREFLECTED_MANY = """
SELECT m.product_id, NULL, sum(m.delta) FROM outbox AS o
JOIN stock_movements AS m ON m.ref = o.op_id
WHERE o.acked_at IS NULL AND m.product_id IN ({marks})
GROUP BY m.product_id
UNION ALL
SELECT m.product_id, o.ack_no, sum(m.delta) FROM outbox AS o
JOIN stock_movements AS m ON m.ref = o.op_id
WHERE o.ack_no > ? AND m.product_id IN ({marks})
GROUP BY m.product_id, o.ack_no
"""
_CENTRAL_MANY = (
    "SELECT product_id, on_hand, reserved, reflects_ack_no FROM central_stock "
    "WHERE product_id IN ({marks})"
)
_LOCAL_MANY = "SELECT product_id, on_hand FROM stock WHERE product_id IN ({marks})"


def levels(conn: sqlite3.Connection, product_ids: Iterable[int]) -> dict[int, StockLevel]:
    """``level`` of each product, in three statements whatever their number (a screen's
    list of 50): the same figures, read without a query per product."""
    ids = sorted(set(product_ids))
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    with translate_errors():
        central = {row[0]: row[1:] for row in conn.execute(_CENTRAL_MANY.format(marks=marks), ids)}
        local = dict(conn.execute(_LOCAL_MANY.format(marks=marks), ids).fetchall())
        deltas: dict[int, int] = {}
        if central:
            oldest = min(reflects for _on_hand, _reserved, reflects in central.values())
            sql = _UNREFLECTED_MANY.format(marks=marks)
            for product_id, ack_no, delta in conn.execute(sql, (*ids, oldest, *ids)):
                reflects = central.get(product_id, (0, 0, None))[2]
                if reflects is not None and (ack_no is None or ack_no > reflects):
                    deltas[product_id] = deltas.get(product_id, 0) + int(delta)
    found = {}
    for product_id in ids:
        if product_id in central:
            on_hand, reserved, _reflects = central[product_id]
            delta = deltas.get(product_id, 0)
            found[product_id] = StockLevel(product_id, on_hand + delta, reserved, on_hand, delta)
        else:
            found[product_id] = StockLevel(product_id, int(local.get(product_id, 0)), 0, None, 0)
    return found


def refresh(conn: sqlite3.Connection, product_ids: Iterable[int]) -> None:
    """Bring ``stock.on_hand`` back to the shown level (after something changed what
    counts). Call inside the caller's transaction."""
    rows = []
    for product_id in set(product_ids):
        shown = level(conn, product_id)
        if shown.central_on_hand is not None:
            rows.append((product_id, shown.on_hand))
    conn.executemany(_MATERIALISE, rows)
