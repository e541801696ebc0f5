"""Operations a person set aside from the attention list, with their note (schema 30).

An outbox row set aside leaves the queue the way a central refusal does (``rejected_at``;
``rejected_code`` ``set_aside`` when central had not refused it), so the engine's query
and the stock figures stay as they are: its movements keep counting, a sale stays in the
fiscal record. It no longer counts as "to check"; it stays listed under "set aside" until
someone sends it again (``sync_attention.requeue`` closes the record). An owed call set
aside is only marked as seen: the engine keeps sending it until central answers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.sale_codec import utc_now

OUTBOX = "outbox"
#: The code an outbox row gets when a person sets it aside before central refused it.
SET_ASIDE_CODE = "set_aside"
MAX_NOTE_CHARS = 500

_OPEN = (
    "SELECT item_kind, item_key, note, staff_id, staff_name, approved_by, set_aside_at "
    "FROM attention_set_asides WHERE requeued_at IS NULL"
)
_INSERT = (
    "INSERT INTO attention_set_asides (item_kind, item_key, note, staff_id, staff_name, "
    "approved_by, set_aside_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_LEAVE_QUEUE = (
    "UPDATE outbox SET rejected_at = ?, rejected_code = ? "
    "WHERE op_id = ? AND acked_at IS NULL AND rejected_at IS NULL"
)
_CLOSE = (
    "UPDATE attention_set_asides SET requeued_at = ?, requeued_by = ? "
    "WHERE item_kind = ? AND item_key = ? AND requeued_at IS NULL"
)


@dataclass(frozen=True, slots=True)
class SetAside:
    """Who set an item aside, when, why (``note``) and under whose approval."""

    item_kind: str
    item_key: str
    note: str
    staff_id: str
    staff_name: str
    approved_by: str
    set_aside_at: str


@dataclass(frozen=True, slots=True)
class Author:
    staff_id: str
    staff_name: str
    approved_by: str = ""


class NotOpen(ValueError):
    """The item is no longer waiting (acknowledged meanwhile) or is already set aside."""


def open_set_asides(conn: sqlite3.Connection) -> dict[tuple[str, str], SetAside]:
    """Every item set aside and not sent again, by (kind, key)."""
    with translate_errors():
        rows = conn.execute(_OPEN).fetchall()
    return {(row[0], row[1]): SetAside(*row) for row in rows}


def set_aside_operation(
    conn: sqlite3.Connection, op_id: str, note: str, author: Author, *, now: str | None = None
) -> None:
    """Take an unacknowledged outbox row out of the queue with a note, in one transaction.
    ``NotOpen`` if it was acknowledged meanwhile or is already set aside by someone."""
    stamp = now or utc_now()
    with write_transaction(conn), translate_errors():
        row = conn.execute("SELECT acked_at FROM outbox WHERE op_id = ?", (op_id,)).fetchone()
        if row is None or row[0] is not None:
            raise NotOpen(op_id)
        conn.execute(_LEAVE_QUEUE, (stamp, SET_ASIDE_CODE, op_id))
        _record(conn, OUTBOX, op_id, note, author, stamp)


def set_aside_owed(
    conn: sqlite3.Connection,
    kind: str,
    key: str,
    note: str,
    author: Author,
    *,
    now: str | None = None,
) -> None:
    """Mark an owed call as seen, with a note; it is still sent until central answers."""
    with write_transaction(conn), translate_errors():
        _record(conn, kind, key, note, author, now or utc_now())


def close(conn: sqlite3.Connection, kind: str, key: str, by: str, stamp: str) -> None:
    """Inside the caller's transaction: the item goes back to the queue (or to "to check")."""
    conn.execute(_CLOSE, (stamp, by, kind, key))


def _record(
    conn: sqlite3.Connection, kind: str, key: str, note: str, author: Author, stamp: str
) -> None:
    text = " ".join(note.split())[:MAX_NOTE_CHARS]
    if not text:
        raise ValueError("a set-aside needs a note")
    try:
        conn.execute(
            _INSERT,
            (kind, key, text, author.staff_id, author.staff_name, author.approved_by, stamp),
        )
    except sqlite3.IntegrityError as exc:
        raise NotOpen(key) from exc
