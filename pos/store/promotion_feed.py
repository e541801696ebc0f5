"""Applying a page of the central promotions feed.

Promotions are stored as the central API states them (the till's pricing reads them
later); ``active = false`` keeps the row, switched off.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Protocol

from pos.store.feed_cursors import page_transaction

FEED = "promotions"

_UPSERT = """
INSERT INTO promotions (id, name, kind, value, skus, starts_at, ends_at, active, version)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, kind = excluded.kind, value = excluded.value,
    skus = excluded.skus, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
    active = excluded.active, version = excluded.version
"""


class PromotionItemLike(Protocol):
    """A promotion as the promotions feed sends it (sync.contract's model fits)."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> int: ...
    @property
    def skus(self) -> Sequence[str]: ...
    @property
    def starts_at(self) -> str: ...
    @property
    def ends_at(self) -> str: ...
    @property
    def active(self) -> bool: ...
    @property
    def version(self) -> int: ...


def apply_page(
    conn: sqlite3.Connection, items: Iterable[PromotionItemLike], next_cursor: str
) -> int:
    """Upsert a page of promotions and store ``next_cursor`` in one transaction."""
    rows = [
        (p.id, p.name, str(p.kind), p.value, json.dumps(list(p.skus)), p.starts_at,
         p.ends_at, int(p.active), p.version)
        for p in items
    ]  # fmt: skip
    with page_transaction(conn, FEED, next_cursor):
        conn.executemany(_UPSERT, rows)
    return len(rows)
