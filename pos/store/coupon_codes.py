"""The shared coupon codes the till knows from the ``promotions`` feed (contract v2's
``coupon_code`` inside each promotion's ``rule``), read for the coupon desk.

Only shared codes live here: single-use codes are central's and reach no till.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from pos.store.errors import translate_errors

_SELECT = (
    "SELECT id, name, kind, value, starts_at, ends_at, active, rule FROM promotions "
    "WHERE rule LIKE '%coupon_code%' ORDER BY id"
)


@dataclass(frozen=True, slots=True)
class SharedCodeRow:
    """A promotion row whose rule names a shared coupon code."""

    promotion_id: int
    name: str
    kind: str
    value: int
    starts_at: str | None
    ends_at: str | None
    active: bool
    rule: dict[str, Any]


def with_shared_code(conn: sqlite3.Connection, matches: Any) -> list[SharedCodeRow]:
    """The promotions (active or not) whose shared code ``matches(code) -> bool``, by id."""
    found = []
    with translate_errors():
        rows = conn.execute(_SELECT).fetchall()
    for pid, name, kind, value, starts_at, ends_at, active, rule in rows:
        fields = json.loads(rule or "{}")
        shared = fields.get("coupon_code")
        if isinstance(shared, str) and shared and matches(shared):
            found.append(
                SharedCodeRow(int(pid), name, kind, int(value), starts_at, ends_at,
                              bool(active), fields)
            )  # fmt: skip
    return found
