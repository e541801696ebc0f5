"""Each terminal's till days as central keeps them: sessions, cash movements, Z reports.

Applied inside the push transaction (``pushes``), after the op_id check: a re-sent
operation never reaches here. A record naming another terminal than the token's is
refused (``wrong_terminal``); a second Z for a session already closed by another one is
``conflict`` (sessions are per terminal: two closings of one session cannot both be
right). The operator reads them back, newest session first.
"""

from __future__ import annotations

import json
import sqlite3

from pydantic import BaseModel

from sync.central.db import Database
from sync.central.errors import not_found
from sync.contract.operations import CONFLICT, WRONG_TERMINAL
from sync.contract.till_days import (
    CashMovementPayload,
    SessionsView,
    SessionView,
    TillSessionClosedPayload,
    TillSessionOpenedPayload,
)

TILL_DAY_PAYLOADS = (TillSessionOpenedPayload, CashMovementPayload, TillSessionClosedPayload)
#: The operator sees this many sessions of a terminal at most, the latest.
MAX_SESSIONS = 400

_OPEN = (
    "INSERT INTO till_sessions (store_id, terminal_id, session_id, status, opened_at, opened) "
    "VALUES (?, ?, ?, 'open', ?, ?) ON CONFLICT DO NOTHING"
)
_MOVE = (
    "INSERT INTO cash_movements (store_id, terminal_id, movement_id, session_id, at, payload) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
_CLOSED_BY = (
    "SELECT z_op_id FROM till_sessions WHERE store_id = ? AND terminal_id = ? "
    "AND session_id = ? AND z_op_id IS NOT NULL"
)
_CLOSE = (
    "INSERT INTO till_sessions (store_id, terminal_id, session_id, status, opened_at, opened, "
    "z_report, z_op_id) VALUES (?, ?, ?, 'closed', ?, ?, ?, ?) "
    "ON CONFLICT DO UPDATE SET status = 'closed', z_report = excluded.z_report, "
    "z_op_id = excluded.z_op_id"
)
_SESSIONS = (
    "SELECT session_id, status, opened, z_report FROM till_sessions "
    "WHERE store_id = ? AND terminal_id = ? ORDER BY opened_at DESC LIMIT ?"
)
_MOVEMENTS = (
    "SELECT session_id, payload FROM cash_movements WHERE store_id = ? AND terminal_id = ? "
    "AND session_id IN (SELECT value FROM json_each(?)) ORDER BY at"
)


def _json(model: BaseModel) -> str:
    return model.model_dump_json()


def _opening_of(z: TillSessionClosedPayload) -> TillSessionOpenedPayload:
    fields = TillSessionOpenedPayload.model_fields
    return TillSessionOpenedPayload.model_validate(
        {name: getattr(z, name) for name in fields}, strict=False
    )


def apply(
    conn: sqlite3.Connection, store_id: str, terminal_id: str, op_id: str, payload: BaseModel
) -> tuple[str, str]:
    """Record one till-day operation; ``(code, reason)`` if refused, else empty strings."""
    named = getattr(payload, "terminal_id", terminal_id)
    if named != terminal_id:
        return WRONG_TERMINAL, (
            f"This record names terminal {named!r}, but the token is terminal "
            f"{terminal_id!r}'s: it was not stored."
        )
    key = (store_id, terminal_id)
    if isinstance(payload, TillSessionClosedPayload):
        return _close(conn, key, op_id, payload)
    if isinstance(payload, TillSessionOpenedPayload):
        conn.execute(_OPEN, (*key, payload.session_id, payload.opened_at, _json(payload)))
    elif isinstance(payload, CashMovementPayload):
        try:
            row = (payload.movement_id, payload.session_id, payload.at, _json(payload))
            conn.execute(_MOVE, (*key, *row))
        except sqlite3.IntegrityError:
            return CONFLICT, f"Movement {payload.movement_id!r} is already recorded."
    return "", ""


def _close(
    conn: sqlite3.Connection, key: tuple[str, str], op_id: str, z: TillSessionClosedPayload
) -> tuple[str, str]:
    closed = conn.execute(_CLOSED_BY, (*key, z.session_id)).fetchone()
    if closed is not None:
        return CONFLICT, (
            f"Session {z.session_id!r} was already closed by Z {closed[0]!r}: a session "
            "closes once."
        )
    opening = _opening_of(z)
    conn.execute(_CLOSE, (*key, z.session_id, z.opened_at, _json(opening), _json(z), op_id))
    return "", ""


def sessions(db: Database, store_id: str, terminal_id: str) -> SessionsView:
    """The terminal's latest sessions, newest first, each with its movements and Z."""
    with db.read() as conn:
        known = conn.execute(
            "SELECT 1 FROM terminals WHERE store_id = ? AND terminal_id = ?",
            (store_id, terminal_id),
        ).fetchone()
        rows = conn.execute(_SESSIONS, (store_id, terminal_id, MAX_SESSIONS)).fetchall()
        ids = json.dumps([row[0] for row in rows])
        moved = conn.execute(_MOVEMENTS, (store_id, terminal_id, ids)).fetchall()
    if known is None and not rows:
        raise not_found(f"There is no terminal {terminal_id!r} in store {store_id!r}.")
    by_session: dict[str, list[CashMovementPayload]] = {}
    for session_id, payload in moved:
        by_session.setdefault(session_id, []).append(
            CashMovementPayload.model_validate_json(payload)
        )
    return SessionsView(
        store_id=store_id,
        terminal_id=terminal_id,
        sessions=[
            SessionView(
                session_id=session_id,
                status=status,
                opened=TillSessionOpenedPayload.model_validate_json(opened),
                movements=by_session.get(session_id, []),
                z_report=TillSessionClosedPayload.model_validate_json(z) if z else None,
            )
            for session_id, status, opened, z in rows
        ],
    )
