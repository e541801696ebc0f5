"""What the manager must look at after sync: central's warnings, and re-queued operations.

* A warning is central's flag on an operation it *accepted* (``chain_break``,
  ``hash_mismatch``, ``medusa_total_differs``…): the money was taken, the sale counts,
  but someone should look. Recorded once per (operation, code), with a sentence.
* A set-aside operation (``outbox.rejected_at``: refused by name) goes back in the queue
  only through ``requeue``, which records who-where-when in ``outbox_requeues`` in the
  same transaction: nothing leaves the "to check" list silently.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pos.store import set_asides
from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.outbox import MAX_ERROR_CHARS
from pos.store.sale_codec import utc_now

_WARN = (
    "INSERT INTO sync_warnings (op_id, code, text, recorded_at) "
    "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM outbox WHERE op_id = ?1) "
    "ON CONFLICT (op_id, code) DO NOTHING"
)
_WARNINGS = (
    "SELECT o.seq, w.op_id, o.kind, w.code, w.text, w.recorded_at "
    "FROM sync_warnings AS w JOIN outbox AS o ON o.op_id = w.op_id "
    "ORDER BY w.id DESC LIMIT ?"
)
_WARNING_COUNT = "SELECT count(*) FROM sync_warnings"
_SET_ASIDE = (
    "SELECT op_id, rejected_code, coalesce(last_error, ''), rejected_at FROM outbox "
    "WHERE rejected_at IS NOT NULL AND acked_at IS NULL"
)
_LOG = (
    "INSERT INTO outbox_requeues (op_id, code, reason, set_aside_at, requeued_at, "
    "terminal_id, source, staff_id, staff_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_BACK = (
    "UPDATE outbox SET rejected_at = NULL, rejected_code = NULL "
    "WHERE op_id = ? AND rejected_at IS NOT NULL"
)
_REQUEUES = (
    "SELECT op_id, code, reason, set_aside_at, requeued_at, terminal_id, source "
    "FROM outbox_requeues ORDER BY id"
)


@dataclass(frozen=True, slots=True)
class OpWarning:
    """One warning as the push reply carried it; ``text`` is the sentence to show."""

    op_id: str
    code: str
    text: str


@dataclass(frozen=True, slots=True)
class CentralWarning:
    seq: int
    op_id: str
    kind: str
    code: str
    text: str
    recorded_at: str


#: Central's warnings about the till's chains: a manager must see and acknowledge them.
CHAIN_CODES = ("bad_signature", "unknown_key", "chain_break", "chain_rewrite", "hash_mismatch")
_UNACKNOWLEDGED = (
    "SELECT w.id, o.seq, w.op_id, o.kind, w.code, w.text, w.recorded_at "
    "FROM sync_warnings AS w JOIN outbox AS o ON o.op_id = w.op_id "
    "LEFT JOIN sync_warning_acks AS a ON a.warning_id = w.id "
    f"WHERE a.warning_id IS NULL AND w.code IN ({','.join('?' * len(CHAIN_CODES))}) "
    "ORDER BY w.id LIMIT ?"
)
_ACK = (
    "INSERT INTO sync_warning_acks (warning_id, staff_id, staff_name, acknowledged_at) "
    "SELECT id, ?, ?, ? FROM sync_warnings WHERE id = ? ON CONFLICT (warning_id) DO NOTHING"
)


@dataclass(frozen=True, slots=True)
class ChainAlert:
    """A chain warning from central no manager has acknowledged yet."""

    warning_id: int
    seq: int
    op_id: str
    kind: str
    code: str
    text: str
    recorded_at: str


def chain_alerts(conn: sqlite3.Connection, limit: int = 200) -> list[ChainAlert]:
    """Unacknowledged chain warnings, oldest first."""
    with translate_errors():
        return [ChainAlert(*row) for row in conn.execute(_UNACKNOWLEDGED, (*CHAIN_CODES, limit))]


def acknowledge(
    conn: sqlite3.Connection,
    warning_ids: Sequence[int],
    *,
    staff_id: str,
    staff_name: str,
    now: str | None = None,
) -> int:
    """Record that this manager saw these warnings; return how many were new."""
    stamp = now or utc_now()
    with write_transaction(conn):
        before = conn.total_changes
        conn.executemany(_ACK, [(staff_id, staff_name, stamp, i) for i in warning_ids])
        return conn.total_changes - before


@dataclass(frozen=True, slots=True)
class Requeue:
    op_id: str
    code: str
    reason: str
    set_aside_at: str
    requeued_at: str
    terminal_id: str
    source: str


def record_warnings(conn: sqlite3.Connection, warnings: Iterable[OpWarning], stamp: str) -> None:
    """Inside the caller's transaction (the batch's settle)."""
    conn.executemany(_WARN, [(w.op_id, w.code, w.text[:MAX_ERROR_CHARS], stamp) for w in warnings])


def warnings(conn: sqlite3.Connection, limit: int = 100) -> list[CentralWarning]:
    """Central's warnings, newest first."""
    with translate_errors():
        return [CentralWarning(*row) for row in conn.execute(_WARNINGS, (limit,))]


def warning_count(conn: sqlite3.Connection) -> int:
    with translate_errors():
        return int(conn.execute(_WARNING_COUNT).fetchone()[0])


def requeue(
    conn: sqlite3.Connection,
    op_ids: Sequence[str] | None,
    *,
    terminal_id: str,
    source: str,
    now: str | None = None,
    staff_id: str = "",
    staff_name: str = "",
) -> list[str]:
    """Put set-aside operations back in the queue (all of them when ``op_ids`` is None)
    and record each one, with its author; return those re-queued (ids not set aside are
    left alone). A person's set-aside note (``set_asides``) is closed, kept."""
    stamp = now or utc_now()
    with write_transaction(conn):
        set_aside = {row[0]: row for row in conn.execute(_SET_ASIDE)}
        chosen = list(set_aside) if op_ids is None else [i for i in op_ids if i in set_aside]
        for op_id in chosen:
            _, code, reason, since = set_aside[op_id]
            conn.execute(
                _LOG,
                (op_id, code, reason, since, stamp, terminal_id, source, staff_id or None,
                 staff_name or None),
            )  # fmt: skip
            conn.execute(_BACK, (op_id,))
            set_asides.close(conn, set_asides.OUTBOX, op_id, staff_id, stamp)
    return chosen


def requeues(conn: sqlite3.Connection) -> list[Requeue]:
    """Every re-queue ever made, oldest first (support, tests)."""
    with translate_errors():
        return [Requeue(*row) for row in conn.execute(_REQUEUES)]
