"""Applying a page of the central promotions feed (contract v2).

Promotions are stored as the central API states them: the columns the till filters on,
and the engine's other fields as the ``rule`` JSON (``pos.store.promotion_book`` builds
the engine's promotions from them); ``active = false`` keeps the row, switched off.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any, Protocol

from pos.domain.promotions.fields import RULE_FIELDS
from pos.store.feed_cursors import page_transaction

FEED = "promotions"


_UPSERT = """
INSERT INTO promotions
    (id, name, kind, value, skus, starts_at, ends_at, active, version, rule, not_applied)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, kind = excluded.kind, value = excluded.value,
    skus = excluded.skus, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
    active = excluded.active, version = excluded.version, rule = excluded.rule,
    not_applied = excluded.not_applied
"""


class PromotionItemLike(Protocol):
    """A promotion as the promotions feed sends it (``sync.contract``'s model fits: any
    object with the v2 attributes; a v1 item lacks them and gets the defaults)."""

    id: int
    name: str
    kind: str
    value: int
    starts_at: str
    ends_at: str
    active: bool
    version: int


def rule_of(item: Any) -> dict[str, Any]:
    """The ``rule`` JSON of an item: its v2 fields, lists as lists."""
    rule: dict[str, Any] = {}
    for name in RULE_FIELDS:
        if hasattr(item, name):
            value = getattr(item, name)
            rule[name] = list(value) if isinstance(value, (list, tuple, set, frozenset)) else value
    return rule


def apply_page(
    conn: sqlite3.Connection, items: Iterable[PromotionItemLike], next_cursor: str
) -> int:
    """Upsert a page of promotions and store ``next_cursor`` in one transaction."""
    rows = []
    for p in items:
        rule = rule_of(p)
        rows.append((
            p.id, p.name, str(p.kind), p.value, json.dumps(rule.get("skus", [])), p.starts_at,
            p.ends_at, int(p.active), p.version, json.dumps(rule, sort_keys=True),
            _not_applied(p),
        ))  # fmt: skip
    with page_transaction(conn, FEED, next_cursor):
        conn.executemany(_UPSERT, rows)
    return len(rows)


def _not_applied(item: Any) -> str | None:
    """The platform's reason for not applying it here, as JSON (None: none given)."""
    why = getattr(item, "not_applied", None)
    if why is None:
        return None
    body = why.model_dump(mode="json") if hasattr(why, "model_dump") else dict(why)
    return json.dumps(body, sort_keys=True, ensure_ascii=False)
