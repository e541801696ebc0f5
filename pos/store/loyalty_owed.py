"""Loyalty at the till (schema 27): the rule central serves, cached, and the redemption
calls the till owes central (``loyalty_owed``).

The rule row is replaced at each sync round, so the till computes the points a sale
earns offline with central's own rule. A points tender taken offline is queued as a
``redeem``; a points tender taken off a sale (or its sale cancelled) as a ``reverse`` of
the same op id (it replaces a ``redeem`` not sent yet: central answers ``not_found``,
which settles it). The sync engine sends them (``sync.engine.loyalty_owed``). A queued
redemption central refuses stays, marked ``refused_at``: it is on the attention list
until a manager settles it, never dropped. Each call is one autocommitted statement.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from typing import Literal

from pos.domain.loyalty import LoyaltyRule
from pos.store.errors import translate_errors
from pos.store.sale_codec import utc_now

MAX_ERROR_CHARS = 1000

#: Held while a loyalty call is sent, so a tender taken off on the till's thread never
#: overtakes the engine sending the same op id's redemption (its reversal would come first).
SENDING = threading.RLock()

Action = Literal["redeem", "reverse"]


@dataclass(frozen=True, slots=True)
class OwedCall:
    op_id: str
    action: Action
    customer_id: str
    sale_id: str
    points: int
    attempts: int = 0
    last_code: str = ""
    last_error: str = ""
    refused_at: str = ""


_COLUMNS = (
    "op_id, action, customer_id, sale_id, points, attempts, coalesce(last_code, ''), "
    "coalesce(last_error, ''), coalesce(refused_at, '')"
)


def save_rule(conn: sqlite3.Connection, rule_json: dict[str, object], version: int) -> None:
    """Keep the rule central served (its JSON body) as the till's one rule."""
    with translate_errors():
        conn.execute(
            "INSERT INTO loyalty_rule (id, rule, version, fetched_at) VALUES (1, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET rule = excluded.rule, version = excluded.version, "
            "fetched_at = excluded.fetched_at",
            (json.dumps(rule_json, sort_keys=True), version, utc_now()),
        )


#: In ``sync_state``: 0 once central said it keeps no loyalty (``not_supported``: Medusa),
#: 1 once it served a rule; absent before the first answer (points offered, as before).
OFFERED_KEY = "loyalty_offered"


def set_offered(conn: sqlite3.Connection, offered: bool) -> None:
    """Remember whether central keeps loyalty points, so the till neither prints points
    nor offers them as a tender where no ledger exists."""
    with translate_errors():
        conn.execute(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (OFFERED_KEY, int(offered)),
        )


def offered(conn: sqlite3.Connection) -> bool:
    """False only once central said it keeps no loyalty points."""
    with translate_errors():
        row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (OFFERED_KEY,)).fetchone()
    return row is None or bool(row[0])


def load_rule(conn: sqlite3.Connection) -> LoyaltyRule:
    """The cached rule; central's default rule before the first round ever answered."""
    with translate_errors():
        row = conn.execute("SELECT rule FROM loyalty_rule WHERE id = 1").fetchone()
    if row is None:
        return LoyaltyRule()
    data = json.loads(row[0])
    return LoyaltyRule(
        points_per_euro=int(data["points_per_euro"]),
        department_percent={d["department"]: int(d["percent"]) for d in data["departments"]},
        redeem_points=int(data["redeem_points"]),
        redeem_cents=int(data["redeem_cents"]),
        min_redeem_points=int(data["min_redeem_points"]),
    )


def queue(conn: sqlite3.Connection, call: OwedCall) -> None:
    """Owe ``call``; a reversal replaces a redemption of the same op id not sent yet."""
    with translate_errors():
        conn.execute(
            "INSERT INTO loyalty_owed (op_id, action, customer_id, sale_id, points, queued_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (op_id) DO UPDATE SET "
            "action = excluded.action, attempts = 0, last_code = NULL, last_error = NULL, "
            "refused_at = NULL",
            (call.op_id, call.action, call.customer_id, call.sale_id, call.points, utc_now()),
        )


def due(conn: sqlite3.Connection, limit: int = 100) -> list[OwedCall]:
    """The calls still to send (not refused), oldest first."""
    return _select(conn, "WHERE refused_at IS NULL ORDER BY queued_at, op_id LIMIT ?", (limit,))


def get(conn: sqlite3.Connection, op_id: str) -> OwedCall | None:
    found = _select(conn, "WHERE op_id = ?", (op_id,))
    return found[0] if found else None


def of_sale(conn: sqlite3.Connection, sale_id: str) -> list[OwedCall]:
    return _select(conn, "WHERE sale_id = ? ORDER BY op_id", (sale_id,))


def refused(conn: sqlite3.Connection) -> list[OwedCall]:
    """Queued redemptions central refused: the attention list's loyalty part."""
    return _select(conn, "WHERE refused_at IS NOT NULL ORDER BY refused_at, op_id", ())


def done(conn: sqlite3.Connection, op_id: str, action: Action) -> None:
    """Central answered ``action`` for ``op_id``: owed no more (unless the cashier has
    since turned the redemption into a reversal: that one is still owed)."""
    with translate_errors():
        conn.execute("DELETE FROM loyalty_owed WHERE op_id = ? AND action = ?", (op_id, action))


def failed(conn: sqlite3.Connection, op_id: str, code: str, error: str) -> None:
    """Count a failed attempt and keep why; the call stays queued."""
    with translate_errors():
        conn.execute(
            "UPDATE loyalty_owed SET attempts = attempts + 1, last_code = ?, last_error = ? "
            "WHERE op_id = ?",
            (code, error[:MAX_ERROR_CHARS], op_id),
        )


def refuse(conn: sqlite3.Connection, op_id: str, code: str, error: str) -> None:
    """Central refused this redemption for good: kept for a manager, no longer sent."""
    with translate_errors():
        conn.execute(
            "UPDATE loyalty_owed SET attempts = attempts + 1, last_code = ?, last_error = ?, "
            "refused_at = ? WHERE op_id = ? AND action = 'redeem'",
            (code, error[:MAX_ERROR_CHARS], utc_now(), op_id),
        )


def _select(conn: sqlite3.Connection, where: str, args: tuple[object, ...]) -> list[OwedCall]:
    with translate_errors():
        rows = conn.execute(f"SELECT {_COLUMNS} FROM loyalty_owed {where}", args).fetchall()
    return [OwedCall(*row) for row in rows]
