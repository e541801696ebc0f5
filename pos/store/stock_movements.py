"""An article's stock movements as the stock screen lists them, a manager's adjustment,
and the lists of articles running low or below zero.

An adjustment is ONE transaction: the local movement (its ``ref`` is the operation's
``op_id``, so ``stock_levels`` counts it exactly once: locally until the central level
that includes it arrives), the shown level kept in ``stock.on_hand``, and the outbox
``stock_movement`` operation. A kill leaves all three or none.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from pos.domain.product import Product
from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.outbox import enqueue
from pos.store.search import PRODUCT_COLUMNS, product_from_row

OPERATION_KIND = "stock_movement"
FEED = "stock"


@dataclass(frozen=True, slots=True)
class Movement:
    """One line of an article's history; ``author`` is a name ('' when unknown)."""

    at: str
    delta: int
    reason: str  # sale, return, damage, theft, found, sample, own_use...
    author: str
    approved_by: str  # the manager who approved a cashier's adjustment, else ''
    note: str
    ref: str | None


@dataclass(frozen=True, slots=True)
class Adjustment:
    op_id: str
    product_id: int
    sku: str
    delta: int
    reason: str
    staff_id: str
    note: str
    at: str
    approved_by: str | None = None  # staff id


# A sale's movements name no staff: the sale they belong to names its cashier.
_LAST = """
SELECT m.created_at, m.delta, m.reason,
       coalesce(author.display_name, m.staff_id, s.cashier, ''),
       coalesce(approver.display_name, m.approved_by, ''), m.note, m.ref
FROM stock_movements AS m
LEFT JOIN sales AS s ON s.id = m.ref
LEFT JOIN staff AS author ON author.staff_id = m.staff_id
LEFT JOIN staff AS approver ON approver.staff_id = m.approved_by
WHERE m.product_id = ? ORDER BY m.id DESC LIMIT ?
"""
_INSERT = (
    "INSERT INTO stock_movements "
    "(product_id, delta, reason, ref, created_at, staff_id, note, approved_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
# As a sale does: on_hand follows the shown level for products this till knows.
_MOVE_STOCK = (
    "INSERT INTO stock (product_id, on_hand) SELECT ?1, ?2 "
    "WHERE EXISTS (SELECT 1 FROM products WHERE id = ?1) "
    "ON CONFLICT (product_id) DO UPDATE SET on_hand = on_hand + ?2"
)
# Read from the stock_on_hand index: lowest first, each article whole in the same read.
_AT_MOST = (
    f"SELECT {PRODUCT_COLUMNS} FROM stock AS s JOIN products AS p ON p.id = s.product_id "
    "WHERE s.on_hand <= ? AND p.active = 1 ORDER BY s.on_hand, s.product_id LIMIT ?"
)
_FIGURES_AT = "SELECT updated_at FROM feed_cursors WHERE feed = ?"


def last_movements(conn: sqlite3.Connection, product_id: int, limit: int = 20) -> list[Movement]:
    """The article's latest movements, newest first (sales with their cashier)."""
    with translate_errors():
        rows = conn.execute(_LAST, (product_id, limit)).fetchall()
    return [Movement(*row) for row in rows]


def record_adjustment(conn: sqlite3.Connection, adj: Adjustment) -> None:
    """Record the movement, the shown level and its outbox operation together."""
    payload = {
        "product_id": adj.product_id,
        "sku": adj.sku,
        "delta": adj.delta,
        "reason": adj.reason,
        "ref": None,
        "staff_id": adj.staff_id,
        "at": adj.at,
    }
    with write_transaction(conn):
        conn.execute(
            _INSERT,
            (adj.product_id, adj.delta, adj.reason, adj.op_id, adj.at, adj.staff_id, adj.note,
             adj.approved_by),
        )  # fmt: skip
        conn.execute(_MOVE_STOCK, (adj.product_id, adj.delta))
        enqueue(conn, adj.op_id, OPERATION_KIND, payload, now=adj.at)


def at_most(conn: sqlite3.Connection, threshold: int, limit: int) -> list[Product]:
    """Active articles whose shown level is ``threshold`` or less, lowest first."""
    with translate_errors():
        return [product_from_row(row) for row in conn.execute(_AT_MOST, (threshold, limit))]


def figures_at(conn: sqlite3.Connection) -> str | None:
    """When the stock feed last brought central levels (None: never)."""
    with translate_errors():
        row = conn.execute(_FIGURES_AT, (FEED,)).fetchone()
    return None if row is None else str(row[0])
