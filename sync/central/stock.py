"""Store stock levels: every change is a movement (a delta with a reason) plus a new level.

Writes are collected per transaction and flushed with one ``executemany`` each, so a
batch of 100 sales with 600 lines is two statements, not 1,200. Each stock row that
changed gets one new change_seq, whatever the number of movements behind it.

A movement that arrives after a count of its product but happened before the article
was counted (a sale at an offline till) is already in what the counter found on the
shelf: it is recorded, and a ``count`` movement at the counted instant takes it back, so
the level stays what the count said plus what happened after (``stock_counts``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from sync.central import popularity
from sync.central.db import next_change_seqs

_INSERT_MOVEMENT = (
    "INSERT INTO stock_movements (store_id, product_id, delta, reason, ref, op_id, at, staff_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
# The latest count line of each product counted at or after an instant (bare column:
# SQLite gives the count_id of the max row).
_COUNTED_SINCE = (
    "SELECT product_id, max(counted_at), count_id FROM stock_count_lines "
    "WHERE store_id = ? AND counted_at >= ? GROUP BY product_id"
)
_UPSERT_LEVEL = (
    "INSERT INTO stock (store_id, product_id, sku, on_hand, reserved, change_seq) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (store_id, product_id) DO UPDATE SET "
    "on_hand = on_hand + excluded.on_hand, reserved = reserved + excluded.reserved, "
    "change_seq = excluded.change_seq"
)


@dataclass(slots=True)
class StockChanges:
    """Deltas of one store, collected during a transaction and written by ``flush``."""

    store_id: str
    at: str
    movements: list[tuple] = field(default_factory=list)
    # product_id -> [sku, on_hand delta, reserved delta]
    levels: dict[int, list] = field(default_factory=dict)

    def move(
        self,
        product_id: int,
        sku: str | None,
        delta: int,
        reason: str,
        ref: str | None,
        op_id: str | None,
        *,
        staff_id: str | None = None,
        at: str | None = None,
    ) -> None:
        """``delta`` units (or grams) on hand, recorded as a movement. ``sku`` None: a
        product the catalog does not know; the movement is kept, no level is served.
        ``staff_id``/``at``: the author and time a till gave (an adjustment made offline
        keeps its own time), else none and the batch's time."""
        row = (self.store_id, product_id, delta, reason, ref, op_id, at or self.at, staff_id)
        self.movements.append(row)
        if sku is not None:
            self._level(product_id, sku)[1] += delta

    def reserve(self, product_id: int, sku: str, delta: int) -> None:
        """``delta`` more (or, negative, fewer) units held for the web or click-and-collect."""
        self._level(product_id, sku)[2] += delta

    def _level(self, product_id: int, sku: str) -> list:
        level = self.levels.get(product_id)
        if level is None:
            level = self.levels[product_id] = [sku, 0, 0]
        return level

    def flush(self, conn: sqlite3.Connection) -> None:
        if self.movements:
            self._absorbed_by_counts(conn)
            conn.executemany(_INSERT_MOVEMENT, self.movements)
            popularity.record(conn, self.movements)  # what customers took (issue 18.1)
        if self.levels:
            seq = next_change_seqs(conn, len(self.levels))
            conn.executemany(
                _UPSERT_LEVEL,
                [
                    (self.store_id, product_id, sku, on_hand, reserved, seq + i)
                    for i, (product_id, (sku, on_hand, reserved)) in enumerate(
                        sorted(self.levels.items())
                    )
                ],
            )
        self.movements.clear()
        self.levels.clear()

    def _absorbed_by_counts(self, conn: sqlite3.Connection) -> None:
        """Take back, at the counted instant, each late movement a count already saw."""
        late = [m for m in self.movements if m[3] != "count"]
        if not late:
            return
        since = min(m[6] for m in late)
        counted = {
            product_id: (at, count_id)
            for product_id, at, count_id in conn.execute(_COUNTED_SINCE, (self.store_id, since))
        }
        for store_id, product_id, delta, _reason, _ref, op_id, at, _staff in late:
            count = counted.get(product_id)
            if count is None or at > count[0]:
                continue
            self.movements.append(
                (store_id, product_id, -delta, "count", count[1], op_id, count[0], None)
            )
            if product_id in self.levels:
                self.levels[product_id][1] -= delta


def level(conn: sqlite3.Connection, store_id: str, product_id: int) -> tuple[int, int] | None:
    """``(on_hand, reserved)``, or None when the store has no level for the product."""
    row = conn.execute(
        "SELECT on_hand, reserved FROM stock WHERE store_id = ? AND product_id = ?",
        (store_id, product_id),
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else None


_AFTER = (
    "SELECT coalesce(sum(delta), 0) FROM stock_movements "
    "WHERE store_id = ? AND product_id = ? AND at > ?"
)


def level_at(conn: sqlite3.Connection, store_id: str, product_id: int, at: str) -> int:
    """The store's on-hand level at instant ``at`` (house format): the level now less
    every movement recorded after it (each movement keeps its own time: a sale its
    completion, an adjustment or a count line the till's instant)."""
    now = level(conn, store_id, product_id)
    after = int(conn.execute(_AFTER, (store_id, product_id, at)).fetchone()[0])
    return (now[0] if now else 0) - after


def item(conn: sqlite3.Connection, store_id: str, product_id: int) -> dict:
    """The stock feed's item for one product of one store."""
    row = conn.execute(
        "SELECT product_id, sku, on_hand, reserved, change_seq FROM stock "
        "WHERE store_id = ? AND product_id = ?",
        (store_id, product_id),
    ).fetchone()
    keys = ("product_id", "sku", "on_hand", "reserved", "version")
    return dict(zip(keys, row, strict=True))
