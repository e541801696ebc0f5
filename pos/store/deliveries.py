"""Deliveries at this store (the ``deliveries`` feed), receiving one, sending a transfer.

A receipt is ONE transaction: a local movement per article received in good state
(reason ``receipt``, ``ref`` = the operation's op_id, so ``stock_levels`` counts it
exactly once: locally until the central level including it arrives), the shown level in
``stock.on_hand``, the delivery marked received here, and the outbox operation
``delivery_received``. A transfer likewise: negative ``transfer`` movements and a
``transfer_sent`` operation. A kill leaves all of it or none.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pos.domain.errors import PosError
from pos.store import feed_cursors
from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.outbox import enqueue
from pos.store.sale_codec import utc_now

FEED = "deliveries"
RECEIVED_KIND = "delivery_received"
TRANSFER_KIND = "transfer_sent"
ALREADY_RECEIVED = "delivery_already_received"


class DeliveryItemLike(Protocol):
    """A delivery as the feed sends it (``sync.contract.deliveries.DeliveryItem`` fits)."""

    id: str
    store_id: str
    source_kind: str
    source: str
    state: str
    lines: Sequence[Any]  # product_id, sku, quantity
    created_at: str
    version: int

    def model_dump_json(self) -> str: ...


@dataclass(frozen=True, slots=True)
class DeliveryLine:
    product_id: int
    sku: str
    name: str  # '' for an article this till's catalog lacks
    quantity: int


@dataclass(frozen=True, slots=True)
class Delivery:
    id: str
    store_id: str
    source_kind: str  # supplier / transfer
    source: str
    state: str  # central's: expected / received
    created_at: str
    received_here_at: str | None
    lines: tuple[DeliveryLine, ...] = ()

    @property
    def expected(self) -> bool:
        return self.state == "expected" and self.received_here_at is None


@dataclass(frozen=True, slots=True)
class Movement:
    """One article's units moved by a receipt or a transfer (signed)."""

    product_id: int
    delta: int


_UPSERT = (
    "INSERT INTO deliveries (id, store_id, source_kind, source, state, created_at, version, "
    "item, pulled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
    "store_id = excluded.store_id, source_kind = excluded.source_kind, "
    "source = excluded.source, state = excluded.state, version = excluded.version, "
    "item = excluded.item, pulled_at = excluded.pulled_at WHERE excluded.version >= version"
)
_COLUMNS = "id, store_id, source_kind, source, state, created_at, received_at"
_EXPECTED = (
    f"SELECT {_COLUMNS} FROM deliveries WHERE coalesce(?1, store_id) = store_id "
    "AND state = 'expected' AND received_op_id IS NULL ORDER BY created_at, id LIMIT ?2"
)
_ONE = f"SELECT {_COLUMNS} FROM deliveries WHERE id = ?"
_LINES = (
    "SELECT l.product_id, l.sku, coalesce(p.name, ''), l.quantity FROM delivery_lines AS l "
    "LEFT JOIN products AS p ON p.id = l.product_id WHERE l.delivery_id = ? ORDER BY l.line_no"
)
_INCOMING = (
    "SELECT coalesce(sum(l.quantity), 0) FROM delivery_lines AS l "
    "JOIN deliveries AS d ON d.id = l.delivery_id "
    "WHERE l.product_id = ?1 AND d.state = 'expected' AND d.received_op_id IS NULL "
    "AND coalesce(?2, d.store_id) = d.store_id"
)
_MARK = (
    "UPDATE deliveries SET received_op_id = ?, received_at = ? "
    "WHERE id = ? AND state = 'expected' AND received_op_id IS NULL"
)
_INSERT_MOVEMENT = (
    "INSERT INTO stock_movements (product_id, delta, reason, ref, created_at, staff_id, note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_MOVE_STOCK = (
    "INSERT INTO stock (product_id, on_hand) SELECT ?1, ?2 "
    "WHERE EXISTS (SELECT 1 FROM products WHERE id = ?1) "
    "ON CONFLICT (product_id) DO UPDATE SET on_hand = on_hand + ?2"
)


def apply_page(
    conn: sqlite3.Connection, items: Iterable[DeliveryItemLike], next_cursor: str
) -> int:
    """Store a page and its cursor in one transaction; an older version changes nothing."""
    items = list(items)
    now = utc_now()
    with feed_cursors.page_transaction(conn, FEED, next_cursor):
        for i in items:
            row = (i.id, i.store_id, i.source_kind, i.source, i.state, i.created_at, i.version,
                   i.model_dump_json(), now)  # fmt: skip
            if conn.execute(_UPSERT, row).rowcount:
                conn.execute("DELETE FROM delivery_lines WHERE delivery_id = ?", (i.id,))
                conn.executemany(
                    "INSERT INTO delivery_lines (delivery_id, line_no, product_id, sku, "
                    "quantity) VALUES (?, ?, ?, ?, ?)",
                    [(i.id, n, x.product_id, x.sku, x.quantity) for n, x in enumerate(i.lines)],
                )
    return len(items)


def restart(conn: sqlite3.Connection) -> None:
    """Central refused the cursor: pull again from the start (rows stay until replaced)."""
    feed_cursors.forget(conn, FEED)


def expected(conn: sqlite3.Connection, store_id: str | None, limit: int = 100) -> list[Delivery]:
    """Deliveries of ``store_id`` (None: any) still to receive, oldest first (without
    their lines)."""
    with translate_errors():
        return [Delivery(*row) for row in conn.execute(_EXPECTED, (store_id, limit))]


def delivery(conn: sqlite3.Connection, delivery_id: str) -> Delivery | None:
    with translate_errors():
        row = conn.execute(_ONE, (delivery_id,)).fetchone()
        if row is None:
            return None
        lines = tuple(DeliveryLine(*x) for x in conn.execute(_LINES, (delivery_id,)))
    return Delivery(*row, lines=lines)


def incoming(conn: sqlite3.Connection, product_id: int, store_id: str | None = None) -> int | None:
    """Units of the product expected at ``store_id`` (None: any) from deliveries not yet
    received (a transfer this store sent is in its feed too, coming to another store);
    None before the feed was ever pulled (nothing is known, not the same as nothing)."""
    with translate_errors():
        if feed_cursors.cursor(conn, FEED) is None:
            return None
        return int(conn.execute(_INCOMING, (product_id, store_id)).fetchone()[0])


def pulled_at(conn: sqlite3.Connection) -> str | None:
    with translate_errors():
        row = conn.execute("SELECT updated_at FROM feed_cursors WHERE feed = ?", (FEED,))
        found = row.fetchone()
    return None if found is None else str(found[0])


def note_unlisted(conn: sqlite3.Connection, delivery_id: str, store_id: str, at: str) -> None:
    """A delivery the platform announces none of (Medusa), kept by its delivery note's
    number with no expected line: received like any other (each article extra), and
    never twice. Kept as it was if the number is known already."""
    with write_transaction(conn):
        conn.execute(
            "INSERT INTO deliveries (id, store_id, source_kind, source, state, created_at, "
            "version, item, pulled_at) VALUES (?1, ?2, 'supplier', ?1, 'expected', ?3, 0, "
            "'{}', ?3) ON CONFLICT (id) DO NOTHING",
            (delivery_id, store_id, at),
        )


def record_receipt(
    conn: sqlite3.Connection,
    op_id: str,
    delivery: Delivery,
    payload: dict[str, Any],
    moves: list[Movement],
    staff_id: str,
    at: str,
) -> None:
    """The receipt, its movements and its operation together; a delivery already
    received here is refused (``ALREADY_RECEIVED``) with nothing written."""
    with write_transaction(conn):
        if conn.execute(_MARK, (op_id, at, delivery.id)).rowcount != 1:
            raise PosError(
                "This delivery was already received at this store: nothing was counted twice.",
                code=ALREADY_RECEIVED,
            )
        _move(conn, op_id, "receipt", moves, staff_id, at, delivery.source)
        enqueue(conn, op_id, RECEIVED_KIND, payload, now=at)


def record_transfer(
    conn: sqlite3.Connection,
    op_id: str,
    payload: dict[str, Any],
    moves: list[Movement],
    staff_id: str,
    at: str,
    note: str,
) -> None:
    """The transfer's movements (negative) and its operation together; ``note``: where
    the goods went, shown in each article's history."""
    with write_transaction(conn):
        _move(conn, op_id, "transfer", moves, staff_id, at, note)
        enqueue(conn, op_id, TRANSFER_KIND, payload, now=at)


def _move(
    conn: sqlite3.Connection,
    op_id: str,
    reason: str,
    moves: list[Movement],
    staff_id: str,
    at: str,
    note: str,
) -> None:
    conn.executemany(
        _INSERT_MOVEMENT,
        [(m.product_id, m.delta, reason, op_id, at, staff_id, note) for m in moves if m.delta],
    )
    conn.executemany(_MOVE_STOCK, [(m.product_id, m.delta) for m in moves if m.delta])
