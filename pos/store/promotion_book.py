"""The till's promotions as the engine's ``PromotionBook``, rebuilt only when they change.

A book is built from the ``promotions`` table (``promotion_feed`` writes it) with
``pos.domain.promotions.fields``, the reading central uses too. A row the engine refuses
(a newer central's kind, a broken value) is left out of the book and listed in
``skipped`` with its reason, so the till can say so rather than price it wrongly.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from pos.domain.errors import PosError
from pos.domain.promotions import Promotion, PromotionBook
from pos.domain.promotions.fields import promotion_from_fields

_TARGETS = ("skus", "departments", "brands", "everything")
_SELECT = (
    "SELECT id, name, kind, value, starts_at, ends_at, rule FROM promotions "
    "WHERE active = 1 ORDER BY id"
)


@dataclass(frozen=True, slots=True)
class LoadedBook:
    book: PromotionBook
    promotions: tuple[Promotion, ...]
    skipped: tuple[tuple[int, str], ...]  # (promotion id, why), in id order
    stamp: tuple[int, int]  # (rows, highest version): what the book was built from


def stamp(conn: sqlite3.Connection) -> tuple[int, int]:
    """Changes whenever a feed page adds or changes a promotion (versions only grow)."""
    rows, version = conn.execute(
        "SELECT count(*), coalesce(max(version), 0) FROM promotions"
    ).fetchone()
    return int(rows), int(version)


def load_book(conn: sqlite3.Connection) -> LoadedBook:
    found: list[Promotion] = []
    skipped: list[tuple[int, str]] = []
    for pid, name, kind, value, starts_at, ends_at, rule in conn.execute(_SELECT):
        fields = json.loads(rule or "{}")
        if not any(fields.get(target) for target in _TARGETS):
            continue  # matches nothing (its articles are gone): not a fault
        try:
            found.append(promotion_from_fields(pid, name, kind, value, starts_at, ends_at, fields))
        except (PosError, ValueError, TypeError) as error:
            skipped.append((pid, str(error)))
    return LoadedBook(PromotionBook(found), tuple(found), tuple(skipped), stamp(conn))


class BookCache:
    """One book per till, rebuilt when ``stamp`` says the table changed (a few ms for
    hundreds of promotions; the stamp query is a fraction of a millisecond)."""

    def __init__(self) -> None:
        self._loaded: LoadedBook | None = None

    def get(self, conn: sqlite3.Connection) -> LoadedBook:
        current = stamp(conn)
        if self._loaded is None or self._loaded.stamp != current:
            self._loaded = load_book(conn)
        return self._loaded
