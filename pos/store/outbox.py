"""The outbox: operations for the central API, committed in the same transaction as the
change they describe, so a change is never lost to sync and never sent without being kept.

``seq`` (AUTOINCREMENT, never reused) is the terminal's sequence number for the API;
``op_id`` is the operation's stable id, which makes a re-sent push harmless. Rows are
only marked acknowledged, never deleted here: they also witness the journal's hashes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.sale_codec import canonical_json, utc_now

_INSERT = "INSERT INTO outbox (op_id, kind, payload, created_at) VALUES (?, ?, ?, ?)"
_PENDING = (
    "SELECT seq, op_id, kind, payload, attempts FROM outbox "
    "WHERE acked_at IS NULL ORDER BY seq LIMIT ?"
)
_ACK = "UPDATE outbox SET acked_at = ? WHERE op_id = ? AND acked_at IS NULL"
_FAIL = (
    "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE op_id = ? AND acked_at IS NULL"
)
_COUNT = "SELECT count(*) FROM outbox WHERE acked_at IS NULL"

#: A failure message is kept for the support screen, not as a log: cap its size.
MAX_ERROR_CHARS = 1000


@dataclass(frozen=True, slots=True)
class OutboxItem:
    seq: int
    op_id: str
    kind: str
    payload: dict[str, Any]
    attempts: int


def enqueue(
    conn: sqlite3.Connection,
    op_id: str,
    kind: str,
    payload: dict[str, Any],
    *,
    now: str | None = None,
) -> int:
    """Queue one operation; return its seq. Call inside the transaction of the change it
    describes. The payload is stored as canonical JSON (integers only: TypeError if not);
    a duplicate ``op_id`` raises ``sqlite3.IntegrityError`` (a bug, never silently merged)."""
    return enqueue_json(conn, op_id, kind, canonical_json(payload), now=now)


def enqueue_json(
    conn: sqlite3.Connection, op_id: str, kind: str, payload_json: str, *, now: str | None = None
) -> int:
    """``enqueue`` for a payload already in canonical JSON (the sale commit builds its own)."""
    if not op_id or not kind:
        raise ValueError("an outbox operation needs an op_id and a kind")
    with translate_errors():
        cursor = conn.execute(_INSERT, (op_id, kind, payload_json, now or utc_now()))
    return int(cursor.lastrowid or 0)


def pending(conn: sqlite3.Connection, limit: int = 100) -> list[OutboxItem]:
    """The oldest unacknowledged operations, in seq order (the order the API expects)."""
    with translate_errors():
        rows = conn.execute(_PENDING, (limit,)).fetchall()
    return [
        OutboxItem(seq, op_id, kind, json.loads(payload), attempts)
        for seq, op_id, kind, payload, attempts in rows
    ]


def mark_acked(conn: sqlite3.Connection, op_ids: Iterable[str], *, now: str | None = None) -> int:
    """Mark operations the API confirmed; return how many were pending. Re-acking is
    harmless (a retried confirmation)."""
    stamp = now or utc_now()
    with _transaction(conn):
        cursor = conn.executemany(_ACK, ((stamp, op_id) for op_id in op_ids))
    return max(cursor.rowcount, 0)


def mark_failed(conn: sqlite3.Connection, op_id: str, error: str) -> None:
    """Count a failed push and keep its reason; the operation stays pending."""
    with translate_errors():
        conn.execute(_FAIL, (error[:MAX_ERROR_CHARS], op_id))


def pending_count(conn: sqlite3.Connection) -> int:
    with translate_errors():
        return int(conn.execute(_COUNT).fetchone()[0])


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Join the caller's transaction, or open one so a batch commits with one fsync."""
    if conn.in_transaction:
        with translate_errors():
            yield
    else:
        with write_transaction(conn), translate_errors():
            yield
