"""Till sessions, cash movements and Z reports as rows (schema 11).

Callers own the transaction: every write here runs inside the service's
``write_transaction`` together with its outbox row, and closing writes the Z report, its
tender rows and the session's new status in that one transaction (the
``till_session_closes_once`` trigger refuses a close without its Z). The triggers also
refuse any change to a closed session, a movement or a Z: they are records, not state.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from pos.domain.cash import cash_count_from_dict
from pos.domain.till_day import (
    CashMovement,
    MovementKind,
    MovementReason,
    StaffRef,
    TenderCount,
    TillSession,
)
from pos.store.errors import translate_errors

_SESSION_COLUMNS = (
    "session_id, terminal_id, opened_by, opened_by_name, opened_at, float_counts, status, "
    "closed_by, closed_by_name, closed_at"
)
_INSERT_SESSION = (
    "INSERT INTO till_session (session_id, terminal_id, opened_by, opened_by_name, opened_at, "
    "float_cents, float_counts) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_CURRENT = f"SELECT {_SESSION_COLUMNS} FROM till_session WHERE terminal_id = ? AND status = 'open'"
_GET = f"SELECT {_SESSION_COLUMNS} FROM till_session WHERE session_id = ?"
_LAST_CLOSED = (
    f"SELECT {_SESSION_COLUMNS} FROM till_session WHERE terminal_id = ? AND status = 'closed' "
    "ORDER BY opened_at DESC LIMIT 1"
)
_CLOSE = (
    "UPDATE till_session SET status = 'closed', closed_by = ?, closed_by_name = ?, "
    "closed_at = ? WHERE session_id = ? AND status = 'open'"
)
_MOVEMENT_COLUMNS = (
    "movement_id, session_id, kind, reason, note, amount_cents, by_staff, by_name, at, approval_id"
)
_INSERT_MOVEMENT = f"INSERT INTO cash_movement ({_MOVEMENT_COLUMNS}) VALUES ({', '.join('?' * 10)})"
_MOVEMENTS = f"SELECT {_MOVEMENT_COLUMNS} FROM cash_movement WHERE session_id = ? ORDER BY at"
_INSERT_Z = (
    "INSERT INTO z_report (session_id, report, expected_cents, counted_cents, difference_cents, "
    "approval_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_Z_TENDER = (
    "INSERT INTO z_report_tenders (session_id, tender, expected_cents, counted_cents, "
    "difference_cents) VALUES (?, ?, ?, ?, ?)"
)
_Z = "SELECT report FROM z_report WHERE session_id = ?"


def _session(row: Sequence[Any]) -> TillSession:
    (session_id, terminal_id, opened_by, opened_name, opened_at, counts, status,
     closed_by, closed_name, closed_at) = row  # fmt: skip
    return TillSession(
        session_id=session_id,
        terminal_id=terminal_id,
        opened_by=StaffRef(opened_by, opened_name),
        opened_at=opened_at,
        float_count=cash_count_from_dict(json.loads(counts)),
        status=status,
        closed_by=StaffRef(closed_by, closed_name) if closed_by else None,
        closed_at=closed_at,
    )


def insert_session(conn: sqlite3.Connection, session: TillSession) -> None:
    """A new open session; ``sqlite3.IntegrityError`` if the terminal already has one."""
    conn.execute(
        _INSERT_SESSION,
        (session.session_id, session.terminal_id, session.opened_by.staff_id,
         session.opened_by.name, session.opened_at, session.float_cents,
         json.dumps(session.float_count.as_dict(), sort_keys=True)),
    )  # fmt: skip


def current(conn: sqlite3.Connection, terminal_id: str) -> TillSession | None:
    """The terminal's open session, if any (at most one: a unique index says so)."""
    with translate_errors():
        row = conn.execute(_CURRENT, (terminal_id,)).fetchone()
    return _session(row) if row else None


def get(conn: sqlite3.Connection, session_id: str) -> TillSession | None:
    with translate_errors():
        row = conn.execute(_GET, (session_id,)).fetchone()
    return _session(row) if row else None


def last_closed(conn: sqlite3.Connection, terminal_id: str) -> TillSession | None:
    with translate_errors():
        row = conn.execute(_LAST_CLOSED, (terminal_id,)).fetchone()
    return _session(row) if row else None


def insert_movement(conn: sqlite3.Connection, movement: CashMovement) -> None:
    m = movement
    conn.execute(
        _INSERT_MOVEMENT,
        (m.movement_id, m.session_id, m.kind.value, m.reason.value, m.note, m.amount_cents,
         m.by.staff_id, m.by.name, m.at, m.approval_id),
    )  # fmt: skip


def movements(conn: sqlite3.Connection, session_id: str) -> list[CashMovement]:
    with translate_errors():
        rows = conn.execute(_MOVEMENTS, (session_id,)).fetchall()
    return [_movement(row) for row in rows]


def _movement(row: Sequence[Any]) -> CashMovement:
    movement_id, session, kind, reason, note, cents, by_staff, by_name, at, approval_id = row
    by = StaffRef(by_staff, by_name)
    return CashMovement(
        movement_id,
        session,
        MovementKind(kind),
        MovementReason(reason),
        note,
        cents,
        by,
        at,
        approval_id,
    )


def write_z(
    conn: sqlite3.Connection,
    session_id: str,
    report: dict[str, Any],
    rows: Sequence[TenderCount],
    approval_id: str | None,
    closed_by: StaffRef,
    at: str,
) -> None:
    """The Z report, its counted-vs-expected rows, then the session closed: inside the
    caller's transaction, in this order (the trigger wants the Z before the close)."""
    expected = sum(row.expected_cents for row in rows)
    counted = sum(row.counted_cents for row in rows)
    difference = sum(abs(row.difference_cents) for row in rows)
    conn.execute(
        _INSERT_Z,
        (session_id, json.dumps(report, sort_keys=True, ensure_ascii=False), expected, counted,
         difference, approval_id, at),
    )  # fmt: skip
    conn.executemany(
        _INSERT_Z_TENDER,
        [(session_id, r.tender, r.expected_cents, r.counted_cents, r.difference_cents)
         for r in rows],
    )  # fmt: skip
    cursor = conn.execute(_CLOSE, (closed_by.staff_id, closed_by.name, at, session_id))
    if cursor.rowcount != 1:
        raise sqlite3.IntegrityError(f"till session {session_id} was not open")


def z_report(conn: sqlite3.Connection, session_id: str) -> dict[str, Any] | None:
    """A closed session's Z report, as recorded."""
    with translate_errors():
        row = conn.execute(_Z, (session_id,)).fetchone()
    return json.loads(row[0]) if row else None
