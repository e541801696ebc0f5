"""Central's promotions as the shared engine's ``PromotionBook``, rebuilt only when they
change: the same reading as the till's (``pos.store.promotion_book``), so a basket is
priced the same on both sides.

The book is shared by the request threads (the engine allows it); a rebuild happens when
the stamp, (rows, highest ``change_seq``) of the table and the file it is in, differs
from the one the book was built from: every upsert takes a new, higher change_seq.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass

from pos.domain.errors import PosError
from pos.domain.promotions import Promotion, PromotionBook
from pos.domain.promotions.fields import promotion_from_fields

_TARGETS = ("skus", "departments", "brands", "everything")
_SELECT = (
    "SELECT id, name, kind, value, starts_at, ends_at, rule FROM promotions "
    "WHERE active = 1 ORDER BY id"
)
_STAMP = "SELECT count(*), coalesce(max(change_seq), 0) FROM promotions"


@dataclass(frozen=True, slots=True)
class CentralBook:
    book: PromotionBook
    by_id: dict[int, Promotion]
    stamp: tuple[str, int, int]


def _stamp(conn: sqlite3.Connection) -> tuple[str, int, int]:
    path = str(conn.execute("PRAGMA database_list").fetchone()[2])
    rows, seq = conn.execute(_STAMP).fetchone()
    return path, int(rows), int(seq)


def load(conn: sqlite3.Connection) -> CentralBook:
    """Every active promotion the engine can build (``put_promotion`` refuses the others;
    a row upgraded from version 1 that it refuses, or that targets nothing, is left out)."""
    found: list[Promotion] = []
    for pid, name, kind, value, starts_at, ends_at, rule in conn.execute(_SELECT):
        fields = json.loads(rule or "{}")
        if not any(fields.get(target) for target in _TARGETS):
            continue
        try:
            found.append(promotion_from_fields(pid, name, kind, value, starts_at, ends_at, fields))
        except (PosError, ValueError, TypeError):
            continue
    return CentralBook(PromotionBook(found), {p.id: p for p in found}, _stamp(conn))


class BookCache:
    """One book for the server, rebuilt under a lock when the table changed."""

    def __init__(self) -> None:
        self._loaded: CentralBook | None = None
        self._lock = threading.Lock()

    def get(self, conn: sqlite3.Connection) -> CentralBook:
        current = _stamp(conn)
        loaded = self._loaded
        if loaded is not None and loaded.stamp == current:
            return loaded
        with self._lock:
            if self._loaded is None or self._loaded.stamp != current:
                self._loaded = load(conn)
            return self._loaded


BOOKS = BookCache()
