"""The outbox as the sync engine drains it: what to send next, and each answer recorded.

An operation ends in one of two states, never deleted (they witness the journal):
* acknowledged (``accepted`` or ``duplicate``): ``acked_at`` and ``ack_no``, the number
  of the push batch that confirmed it (``sync_state.ack_no``, +1 per batch), which lets
  ``stock_levels`` tell whether a central stock level already includes it;
* set aside (``rejected_at``, ``rejected_code`` and the reason in ``last_error``): only
  when an answer names *this* operation as refused (a per-operation ``rejected``, or the
  adapter's own contract check). It leaves the queue so it never blocks the operations
  behind it, is listed for the manager (``rejected``), and goes back in the queue only
  through ``sync_attention.requeue``, which records it. Its stock movements keep counting
  on this till meanwhile (``stock_levels``).
Until then it is pending; a failed attempt (network, 5xx, 413, a proxy's page) only
counts in ``attempts``: transport errors never set anything aside.

The payload is handed over as the stored canonical JSON text: the bytes the journal
hash was computed over are the bytes sent.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pos.store import sync_attention
from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.outbox import MAX_ERROR_CHARS
from pos.store.sale_codec import utc_now

_NEXT = (
    "SELECT seq, op_id, kind, payload, attempts FROM outbox "
    "WHERE acked_at IS NULL AND rejected_at IS NULL ORDER BY seq LIMIT ?"
)
_BUMP_ACK_NO = "UPDATE sync_state SET value = value + 1 WHERE key = 'ack_no' RETURNING value"
_ACK = (
    "UPDATE outbox SET acked_at = ?, ack_no = ? "
    "WHERE op_id = ? AND acked_at IS NULL AND rejected_at IS NULL"
)
_REJECT = (
    "UPDATE outbox SET rejected_at = ?, rejected_code = ?, last_error = ? "
    "WHERE op_id = ? AND acked_at IS NULL AND rejected_at IS NULL"
)
_ATTEMPT = (
    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, last_error_kind = ? "
    "WHERE op_id = ? AND acked_at IS NULL AND rejected_at IS NULL"
)
_PENDING_COUNT = "SELECT count(*) FROM outbox WHERE acked_at IS NULL AND rejected_at IS NULL"
#: Refused and not set aside by a person with a note (``set_asides``): to check.
_REJECTED_COUNT = (
    "SELECT count(*) FROM outbox WHERE rejected_at IS NOT NULL AND op_id NOT IN "
    "(SELECT item_key FROM attention_set_asides WHERE item_kind = 'outbox' "
    "AND requeued_at IS NULL)"
)
_REJECTED = (
    "SELECT seq, op_id, kind, rejected_code, coalesce(last_error, ''), rejected_at "
    "FROM outbox WHERE rejected_at IS NOT NULL ORDER BY seq LIMIT ?"
)


@dataclass(frozen=True, slots=True)
class QueuedOperation:
    seq: int
    op_id: str
    kind: str
    payload_json: str  # canonical JSON, exactly as committed
    attempts: int


@dataclass(frozen=True, slots=True)
class Rejection:
    op_id: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class RejectedOperation:
    seq: int
    op_id: str
    kind: str
    code: str
    reason: str
    rejected_at: str


@dataclass(frozen=True, slots=True)
class QueueCounts:
    pending: int  # waiting to be sent (or re-sent)
    rejected: int  # refused by name (or set aside), waiting for the manager: no note yet


def next_batch(conn: sqlite3.Connection, limit: int) -> list[QueuedOperation]:
    """The oldest pending operations in seq order (the order the API expects)."""
    with translate_errors():
        rows = conn.execute(_NEXT, (limit,)).fetchall()
    return [QueuedOperation(*row) for row in rows]


def settle(
    conn: sqlite3.Connection,
    acknowledged: Sequence[str],
    rejections: Sequence[Rejection] = (),
    warnings: Sequence[sync_attention.OpWarning] = (),
    *,
    now: str | None = None,
) -> int:
    """Record one push batch's answers (and central's warnings) in one transaction;
    return the batch's ack_no.

    Re-recording an answer is harmless (already settled operations are left alone).
    Setting an operation aside changes no stock figure: its movements still count."""
    stamp = now or utc_now()
    with write_transaction(conn), translate_errors():
        ack_no = int(conn.execute(_BUMP_ACK_NO).fetchone()[0])
        conn.executemany(_ACK, [(stamp, ack_no, op_id) for op_id in acknowledged])
        if rejections:
            conn.executemany(
                _REJECT,
                [(stamp, r.code, r.reason[:MAX_ERROR_CHARS], r.op_id) for r in rejections],
            )
        sync_attention.record_warnings(conn, warnings, stamp)
    return ack_no


def record_attempt(
    conn: sqlite3.Connection, op_ids: Iterable[str], error: str, kind: str = ""
) -> None:
    """Count a failed attempt (nothing known about the outcome); they stay pending.
    ``kind`` names the failure for the attention list ('unavailable', 'not_authorised',
    'too_large', 'refused'), ``error`` is the client's sentence."""
    rows = [(error[:MAX_ERROR_CHARS], kind or None, op_id) for op_id in op_ids]
    with write_transaction(conn), translate_errors():
        conn.executemany(_ATTEMPT, rows)


def counts(conn: sqlite3.Connection) -> QueueCounts:
    with translate_errors():
        pending = int(conn.execute(_PENDING_COUNT).fetchone()[0])
        rejected = int(conn.execute(_REJECTED_COUNT).fetchone()[0])
    return QueueCounts(pending, rejected)


def rejected(conn: sqlite3.Connection, limit: int = 100) -> list[RejectedOperation]:
    """Operations set aside (refused by name), oldest first: the manager's list."""
    with translate_errors():
        return [RejectedOperation(*row) for row in conn.execute(_REJECTED, (limit,))]


@dataclass(frozen=True, slots=True)
class UnsettledOperation:
    """An operation central has not acknowledged: waiting (``rejected_at`` ''), or set
    aside (refused by central, or by a person: code ``set_aside``)."""

    seq: int
    op_id: str
    kind: str
    payload_json: str
    attempts: int
    last_error: str
    created_at: str
    rejected_at: str
    rejected_code: str
    last_error_kind: str  # why the last try failed ('' never, or before schema 30)


_UNSETTLED = (
    "SELECT seq, op_id, kind, payload, attempts, coalesce(last_error, ''), created_at, "
    "coalesce(rejected_at, ''), coalesce(rejected_code, ''), coalesce(last_error_kind, '') "
    "FROM outbox "
)
#: Each through its partial index (``outbox_rejected``, ``outbox_to_push``): a year of
#: acknowledged rows is never scanned.
_UNSETTLED_SET_ASIDE = _UNSETTLED + "WHERE rejected_at IS NOT NULL ORDER BY seq LIMIT ?"
_UNSETTLED_WAITING = (
    _UNSETTLED + "WHERE acked_at IS NULL AND rejected_at IS NULL ORDER BY seq LIMIT ?"
)


def unsettled(conn: sqlite3.Connection, limit: int = 500) -> list[UnsettledOperation]:
    """Set-aside operations first, then waiting ones, each in seq order: the attention
    list (a long offline queue is cut at ``limit``; ``counts`` tells the totals)."""
    with translate_errors():
        found = [UnsettledOperation(*row) for row in conn.execute(_UNSETTLED_SET_ASIDE, (limit,))]
        rest = max(0, limit - len(found))
        found += [UnsettledOperation(*row) for row in conn.execute(_UNSETTLED_WAITING, (rest,))]
    return found
