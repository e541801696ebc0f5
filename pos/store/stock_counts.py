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

A full or department count also zeroes what was not counted (as any retail inventory: what
nobody found is not there): at approval, every active article of its scope whose shown
level is not zero and that has no line gets one, ``counted`` 0 and ``entries`` 0 (never
typed), judged at the approval instant, in the same transaction. The set is chosen in SQL
(``stock`` rows, not the catalog), so a 1M-article catalog is not loaded. A shelf count
cannot know what belongs to its shelf: only its lines count.
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


# The articles of a count's scope holding stock that it did not count: (product_id,
# expected, sold_by, price_cents). ?1 the count, ?2 its department ('' for a full count).
_UNCOUNTED = """
SELECT s.product_id, s.on_hand, p.sold_by, p.price_cents FROM stock AS s
JOIN products AS p ON p.id = s.product_id
WHERE s.on_hand != 0 AND p.active = 1 AND (?2 = '' OR p.department = ?2)
  AND NOT EXISTS (SELECT 1 FROM stock_count_lines AS l
                  WHERE l.count_id = ?1 AND l.product_id = s.product_id)
"""
# Their value at selling price (VAT included), as ``Variance.value_cents`` reckons it.
_UNCOUNTED_VALUE = """
SELECT count(*), coalesce(sum(CASE WHEN sold_by = 'weight'
    THEN -(((abs(on_hand) * price_cents + 500) / 1000) * (CASE WHEN on_hand < 0 THEN -1 ELSE 1 END))
    ELSE -on_hand * price_cents END), 0) FROM ({uncounted})
"""
_ZERO_LINES = (
    "INSERT INTO stock_count_lines (count_id, product_id, counted, counted_at, expected, "
    "entries) SELECT ?1, product_id, 0, ?3, on_hand, 0 FROM ({uncounted})"
)
_APPLIED = (
    "SELECT l.product_id, p.sku, l.counted, l.counted_at, l.expected FROM stock_count_lines "
    "AS l JOIN products AS p ON p.id = l.product_id WHERE l.count_id = ? ORDER BY l.product_id"
)

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


def zeroes_uncounted(record: CountRecord) -> bool:
    """A full or department count zeroes what it did not count; a shelf count cannot."""
    return record.scope in ("full", "department")


def _scope_key(record: CountRecord) -> str:
    return record.label if record.scope == "department" else ""


def uncounted(conn: sqlite3.Connection, record: CountRecord, limit: int) -> list[tuple[int, int]]:
    """Up to ``limit`` (product_id, expected) of what the count would zero, the largest
    quantities first (the ones a manager checks); none for a shelf count."""
    if not zeroes_uncounted(record):
        return []
    sql = _UNCOUNTED + "ORDER BY abs(s.on_hand) * p.price_cents DESC, s.product_id LIMIT ?3"
    with translate_errors():
        rows = conn.execute(sql, (record.id, _scope_key(record), limit)).fetchall()
    return [(row[0], row[1]) for row in rows]


def uncounted_total(conn: sqlite3.Connection, record: CountRecord) -> tuple[int, int]:
    """(how many articles, their variance's value in cents) the count would zero."""
    if not zeroes_uncounted(record):
        return 0, 0
    with translate_errors():
        found = conn.execute(
            _UNCOUNTED_VALUE.format(uncounted=_UNCOUNTED), (record.id, _scope_key(record))
        ).fetchone()
    return int(found[0]), int(found[1])


def op_ids(count_id: str, lines: int) -> list[str]:
    """The count's operation ids, one per ``MAX_COUNT_LINES`` lines: stable, so a resend
    is the same operation."""
    chunks = max(1, -(-lines // MAX_COUNT_LINES))
    return [count_id if n == 0 else f"{count_id}.{n}" for n in range(chunks)]


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


def apply(conn: sqlite3.Connection, record: CountRecord, approved_by: str, at: str) -> bool:
    """Apply an approved count (see the module docstring); False when it was no longer
    open (applied or abandoned meanwhile): nothing is written twice."""
    with write_transaction(conn):
        done = conn.execute(
            "UPDATE stock_counts SET state = 'applied', approved_by = ?, closed_at = ?, "
            "op_id = ? WHERE id = ? AND state = 'open'",
            (approved_by, at, record.id, record.id),
        ).rowcount
        if not done:
            return False
        if zeroes_uncounted(record):
            conn.execute(_ZERO_LINES.format(uncounted=_UNCOUNTED),
                         (record.id, _scope_key(record), at))  # fmt: skip
        applied = [AppliedLine(*row) for row in conn.execute(_APPLIED, (record.id,))]
        chunks = [applied[i : i + MAX_COUNT_LINES] for i in range(0, len(applied), MAX_COUNT_LINES)]
        for op_id, chunk in zip(op_ids(record.id, len(applied)), chunks, strict=True):
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
