"""The platform's promotions the till does not apply, with why (schema 28): Medusa's
promotions the shared engine cannot price as Medusa does come switched off with a reason
(``pos.store.promotion_feed`` keeps it), for the staff to see what is on offer online and
not here."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from pos.store.errors import translate_errors

_SELECT = (
    "SELECT id, name, not_applied FROM promotions WHERE not_applied IS NOT NULL "
    "ORDER BY name, id LIMIT ?"
)


@dataclass(frozen=True, slots=True)
class NotAppliedPromotion:
    """``code`` names the reason for the screen to word it; ``reason`` is the platform's
    own sentence (English), shown when the code is one this till does not know."""

    promotion_id: int
    name: str
    code: str
    reason: str
    params: dict[str, str] = field(default_factory=dict)


def not_applied(conn: sqlite3.Connection, limit: int = 500) -> list[NotAppliedPromotion]:
    found = []
    with translate_errors():
        rows = conn.execute(_SELECT, (limit,)).fetchall()
    for pid, name, body in rows:
        try:
            why = json.loads(body)
            code, reason = str(why.get("code", "")), str(why.get("reason", ""))
            params = {str(k): str(v) for k, v in dict(why.get("params") or {}).items()}
        except (ValueError, TypeError, AttributeError):
            code, reason, params = "", str(body), {}
        found.append(NotAppliedPromotion(int(pid), str(name), code, reason, params))
    return found
