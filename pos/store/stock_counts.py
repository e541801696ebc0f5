"""Stock counts at the till: the open count, its lines, and the one transaction that
applies an approved count.

Each line keeps ``expected``: the till's shown level (``stock_levels``) at the instant
the article was counted. The counter never sees it; the variance after the count is
``counted − expected``, so a sale made after the article was counted is still a sale,
not a variance. Applying writes, together: a movement per article whose variance is not
zero (reason ``count``, author the counter, approver the manager, ``ref`` the operation),
the shown level kept in ``stock.on_hand``, one ``stock_count`` outbox operation per
``MAX_COUNT_LINES`` lines (each carries every line, variance or not: central judges it
against its own level), and the count marked applied. A kill leaves all or none.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.outbox import enqueue

OPERATION_KIND = "stock_count"
MAX_COUNT_LINES = 500  # as sync.contract.operations: lines per operation


@dataclass(frozen=True, slots=True)
class CountRecord:
    id: str
    scope: str
    label: str
    staff_id: str
    started_at: str
    state: str


@dataclass(frozen=True, slots=True)
class CountLineRecord:
    product_id: int
    counted: int
    counted_at: str
    expected: int
    entries: int


@dataclass(frozen=True, slots=True)
class AppliedLine:
    """A line as applied: its product's SKU, and the till's delta (counted − expected)."""

    product_id: int
    sku: str
    counted: int
    counted_at: str
    expected: int


_COUNT = "SELECT id, scope, label, staff_id, started_at, state FROM stock_counts "
_LINES = (
    "SELECT product_id, counted, counted_at, expected, entries FROM stock_count_lines "
    "WHERE count_id = ? ORDER BY counted_at, product_id"
)
_LINE = (
    "SELECT product_id, counted, counted_at, expected, entries FROM stock_count_lines "
    "WHERE count_id = ? AND product_id = ?"
)
_MOVEMENT = (
    "INSERT INTO stock_movements "
    "(product_id, delta, reason, ref, created_at, staff_id, note, approved_by) "
    "VALUES (?, ?, 'count', ?, ?, ?, ?, ?)"
)
_MOVE_STOCK = (
    "INSERT INTO stock (product_id, on_hand) SELECT ?1, ?2 "
    "WHERE EXISTS (SELECT 1 FROM products WHERE id = ?1) "
    "ON CONFLICT (product_id) DO UPDATE SET on_hand = on_hand + ?2"
)


def open_count(conn: sqlite3.Connection) -> CountRecord | None:
    """The count under way at this till, if any (one at a time: it survives a restart)."""
    with translate_errors():
        row = conn.execute(_COUNT + "WHERE state = 'open' ORDER BY started_at LIMIT 1").fetchone()
    return None if row is None else CountRecord(*row)


def count(conn: sqlite3.Connection, count_id: str) -> CountRecord | None:
    with translate_errors():
        row = conn.execute(_COUNT + "WHERE id = ?", (count_id,)).fetchone()
    return None if row is None else CountRecord(*row)


def start(conn: sqlite3.Connection, record: CountRecord) -> None:
    with write_transaction(conn):
        conn.execute(
            "INSERT INTO stock_counts (id, scope, label, staff_id, started_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (record.id, record.scope, record.label, record.staff_id, record.started_at),
        )


def lines(conn: sqlite3.Connection, count_id: str) -> list[CountLineRecord]:
    with translate_errors():
        return [CountLineRecord(*row) for row in conn.execute(_LINES, (count_id,))]


def line(conn: sqlite3.Connection, count_id: str, product_id: int) -> CountLineRecord | None:
    with translate_errors():
        row = conn.execute(_LINE, (count_id, product_id)).fetchone()
    return None if row is None else CountLineRecord(*row)


def put_line(conn: sqlite3.Connection, count_id: str, entry: CountLineRecord) -> None:
    """Write the article's line as given (first entry, added to, or replaced)."""
    with write_transaction(conn):
        conn.execute(
            "INSERT INTO stock_count_lines (count_id, product_id, counted, counted_at, expected, "
            "entries) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (count_id, product_id) DO UPDATE SET "
            "counted = excluded.counted, counted_at = excluded.counted_at, "
            "expected = excluded.expected, entries = excluded.entries",
            (count_id, entry.product_id, entry.counted, entry.counted_at, entry.expected,
             entry.entries),
        )  # fmt: skip


def abandon(conn: sqlite3.Connection, count_id: str, at: str) -> None:
    with write_transaction(conn):
        conn.execute(
            "UPDATE stock_counts SET state = 'abandoned', closed_at = ? "
            "WHERE id = ? AND state = 'open'",
            (at, count_id),
        )


def apply(
    conn: sqlite3.Connection,
    record: CountRecord,
    applied: list[AppliedLine],
    op_ids: list[str],
    approved_by: str,
    at: str,
) -> bool:
    """Apply an approved count (see the module docstring); False when it was no longer
    open (applied or abandoned meanwhile): nothing is written twice."""
    chunks = [applied[i : i + MAX_COUNT_LINES] for i in range(0, len(applied), MAX_COUNT_LINES)]
    with write_transaction(conn):
        done = conn.execute(
            "UPDATE stock_counts SET state = 'applied', approved_by = ?, closed_at = ?, "
            "op_id = ? WHERE id = ? AND state = 'open'",
            (approved_by, at, op_ids[0] if op_ids else None, record.id),
        ).rowcount
        if not done:
            return False
        for op_id, chunk in zip(op_ids, chunks, strict=True):
            for ln in chunk:
                delta = ln.counted - ln.expected
                if delta:
                    row = (ln.product_id, delta, op_id, ln.counted_at, record.staff_id,
                           record.label, approved_by)  # fmt: skip
                    conn.execute(_MOVEMENT, row)
                    conn.execute(_MOVE_STOCK, (ln.product_id, delta))
            payload = {
                "count_id": record.id,
                "scope": f"{record.scope}:{record.label}" if record.label else record.scope,
                "approved_by": approved_by,
                "approved_at": at,
                "lines": [
                    {"product_id": ln.product_id, "sku": ln.sku, "counted": ln.counted,
                     "counted_at": ln.counted_at, "expected": ln.expected,
                     "staff_id": record.staff_id}
                    for ln in chunk
                ],
            }  # fmt: skip
            enqueue(conn, op_id, OPERATION_KIND, payload, now=at)
    return True
