"""Staff accounts cached at the till, their PIN lockout, and the append-only records of
sign-ins and approvals.

Accounts come from central's ``staff`` feed (``source = 'central'``) or are made here
(``'local'``: the first administrator, ``comptoir staff add``). Only PIN hashes are
stored. The failed-PIN counter is this till's own and is never synced. ``staff_event``
and ``approval`` are append-only (triggers, checked at every open like the journal's).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from pos.store.feed_cursors import page_transaction
from pos.store.sale_codec import utc_now

FEED = "staff"

_COLUMNS = "staff_id, display_name, role, pin_hash, badge, language, active, source, updated_at"
_UPSERT = f"""
INSERT INTO staff ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (staff_id) DO UPDATE SET
    display_name = excluded.display_name, role = excluded.role, pin_hash = excluded.pin_hash,
    badge = excluded.badge, language = excluded.language, active = excluded.active,
    source = excluded.source, updated_at = excluded.updated_at
"""
_EVENT = "INSERT INTO staff_event (staff_id, kind, detail, at) VALUES (?, ?, ?, ?)"
_APPROVAL = (
    "INSERT INTO approval (approval_id, right_name, asked_by, asked_name, approved_by, "
    "approved_name, what, amount_cents, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True, slots=True)
class StaffRecord:
    staff_id: str
    display_name: str
    role: str
    pin_hash: str
    badge: str | None
    language: str
    active: bool
    source: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class Lockout:
    """Wrong PINs in a row, locks so far (the next one lasts longer), and until when."""

    failures: int = 0
    lockouts: int = 0
    locked_until: str | None = None


@dataclass(frozen=True, slots=True)
class StaffEvent:
    staff_id: str
    kind: str
    detail: str
    at: str


@dataclass(frozen=True, slots=True)
class ApprovalRow:
    approval_id: str
    right: str
    asked_by: str
    asked_name: str
    approved_by: str
    approved_name: str
    what: str
    amount_cents: int | None
    at: str


def _record(row: tuple) -> StaffRecord:
    *head, active, source, updated_at = row
    return StaffRecord(*head, bool(active), source, updated_at)


def get(conn: sqlite3.Connection, staff_id: str) -> StaffRecord | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM staff WHERE staff_id = ?", (staff_id,)).fetchone()
    return _record(row) if row else None


def by_badge(conn: sqlite3.Connection, badge: str) -> StaffRecord | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM staff WHERE badge = ?", (badge,)).fetchone()
    return _record(row) if row else None


def list_staff(conn: sqlite3.Connection, *, active_only: bool = True) -> list[StaffRecord]:
    where = "WHERE active = 1 " if active_only else ""
    sql = f"SELECT {_COLUMNS} FROM staff {where}ORDER BY display_name COLLATE NOCASE, staff_id"
    return [_record(row) for row in conn.execute(sql)]


def active_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM staff WHERE active = 1").fetchone()[0])


def upsert(conn: sqlite3.Connection, record: StaffRecord) -> None:
    """Write one account; call inside the caller's transaction."""
    conn.execute(_UPSERT, _row(record))


def _row(r: StaffRecord) -> tuple:
    return (
        r.staff_id, r.display_name, r.role, r.pin_hash, r.badge, r.language,
        int(r.active), r.source, r.updated_at,
    )  # fmt: skip


class StaffItemLike(Protocol):
    """A staff member as the staff feed sends it (sync.contract's model fits)."""

    @property
    def id(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def pin_hash(self) -> str: ...
    @property
    def badge(self) -> str | None: ...
    @property
    def language(self) -> str: ...
    @property
    def active(self) -> bool: ...


def apply_page(conn: sqlite3.Connection, items: Iterable[StaffItemLike], next_cursor: str) -> int:
    """Upsert a page of central's staff and store ``next_cursor`` in one transaction.
    A deactivated member stays cached (``active = 0``) so sign-in can say why not."""
    stamp = utc_now()
    rows = [
        (s.id, s.display_name, s.role, s.pin_hash, s.badge, s.language, int(s.active),
         "central", stamp)
        for s in items
    ]  # fmt: skip
    with page_transaction(conn, FEED, next_cursor):
        # A badge moved from one member to another within central: free it first.
        conn.executemany(
            "UPDATE staff SET badge = NULL WHERE badge = ? AND staff_id <> ?",
            [(row[4], row[0]) for row in rows if row[4]],
        )
        conn.executemany(_UPSERT, rows)
    return len(rows)


# -- lockout ---------------------------------------------------------------------------


def lockout(conn: sqlite3.Connection, staff_id: str) -> Lockout:
    row = conn.execute(
        "SELECT failures, lockouts, locked_until FROM staff_lockout WHERE staff_id = ?",
        (staff_id,),
    ).fetchone()
    return Lockout(*row) if row else Lockout()


def set_lockout(conn: sqlite3.Connection, staff_id: str, state: Lockout) -> None:
    conn.execute(
        "INSERT INTO staff_lockout (staff_id, failures, lockouts, locked_until) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (staff_id) DO UPDATE SET failures = excluded.failures,"
        " lockouts = excluded.lockouts, locked_until = excluded.locked_until",
        (staff_id, state.failures, state.lockouts, state.locked_until),
    )


# -- append-only records ---------------------------------------------------------------


def record_event(
    conn: sqlite3.Connection, staff_id: str, kind: str, detail: str = "", *, at: str = ""
) -> None:
    """One line of the staff log (never a PIN); call inside the caller's transaction."""
    conn.execute(_EVENT, (staff_id, kind, detail, at or utc_now()))


def events(conn: sqlite3.Connection, staff_id: str | None = None) -> list[StaffEvent]:
    sql = "SELECT staff_id, kind, detail, at FROM staff_event"
    args: tuple = ()
    if staff_id is not None:
        sql, args = sql + " WHERE staff_id = ?", (staff_id,)
    return [StaffEvent(*row) for row in conn.execute(sql + " ORDER BY id", args)]


def record_approval(conn: sqlite3.Connection, row: ApprovalRow) -> None:
    conn.execute(
        _APPROVAL,
        (
            row.approval_id, row.right, row.asked_by, row.asked_name, row.approved_by,
            row.approved_name, row.what, row.amount_cents, row.at,
        ),
    )  # fmt: skip


def approval(conn: sqlite3.Connection, approval_id: str) -> ApprovalRow | None:
    row = conn.execute(
        "SELECT approval_id, right_name, asked_by, asked_name, approved_by, approved_name, "
        "what, amount_cents, at FROM approval WHERE approval_id = ?",
        (approval_id,),
    ).fetchone()
    return ApprovalRow(*row) if row else None


def approvals(conn: sqlite3.Connection) -> list[ApprovalRow]:
    rows = conn.execute(
        "SELECT approval_id, right_name, asked_by, asked_name, approved_by, approved_name, "
        "what, amount_cents, at FROM approval ORDER BY rowid"
    )
    return [ApprovalRow(*row) for row in rows]
