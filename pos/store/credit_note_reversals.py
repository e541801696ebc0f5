"""Credit note debits waiting to be given back at central (schema 20,
``credit_note_reversals``).

A credit note tender debited centrally and then removed (or its sale cancelled) queues
its reversal here *before* it is tried; what central does not answer at once is sent
again by the sync engine (``sync.engine.credit_note_reversals``) until it does. Each
call is one autocommitted statement: a queued reversal survives a crash the moment it
is written.

A till's op id names a tender's place in its sale (``<sale_id>:t<seq>``), and a later
credit note in the same place reuses it. So the reversal of an op id and a new debit
under it must never cross: whoever sends either holds ``SENDING`` (one lock per
process: one till, one file) and reads the queue again under it. The till sends a
queued reversal of that place before debiting it again; the engine sends a queued
reversal only if it is still queued once it holds the lock.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass

from pos.store.errors import translate_errors
from pos.store.sale_codec import utc_now

#: A failure's message is kept for support, capped like the outbox's.
MAX_ERROR_CHARS = 1000

#: Held while a reversal, or a debit that reuses an op id, is being sent, and while a
#: reversal is queued together with the change that owes it.
SENDING = threading.RLock()

#: ``last_code`` when central did not answer at all.
UNREACHABLE = "unreachable"
#: ``last_code`` when the engine held the reversal back: a completed sale of this till,
#: already accepted by central, pays with this very debit (see ``in_use``).
DEBIT_IN_USE = "debit_in_use"

_IN_USE = (
    "SELECT 1 FROM sale_tenders AS t JOIN outbox AS o ON o.op_id = t.sale_id "
    "WHERE t.sale_id = ? AND t.seq = ? AND t.kind = 'credit_note' AND t.amount_cents > 0 "
    "AND o.acked_at IS NOT NULL"
)


@dataclass(frozen=True, slots=True)
class QueuedReversal:
    op_id: str
    code: str


def queue(conn: sqlite3.Connection, code: str, op_id: str, *, now: str | None = None) -> None:
    """Remember to give back debit ``op_id`` of credit note ``code``; twice keeps one row."""
    with translate_errors():
        conn.execute(
            "INSERT OR IGNORE INTO credit_note_reversals (op_id, code, queued_at) VALUES (?, ?, ?)",
            (op_id, code, now or utc_now()),
        )


def queued(conn: sqlite3.Connection, op_id: str) -> QueuedReversal | None:
    """The reversal queued for ``op_id``, if any."""
    with translate_errors():
        row = conn.execute(
            "SELECT op_id, code FROM credit_note_reversals WHERE op_id = ?", (op_id,)
        ).fetchone()
    return None if row is None else QueuedReversal(*row)


def due(conn: sqlite3.Connection, limit: int = 100) -> list[QueuedReversal]:
    """The reversals still to send, oldest first."""
    with translate_errors():
        rows = conn.execute(
            "SELECT op_id, code FROM credit_note_reversals ORDER BY queued_at, op_id LIMIT ?",
            (limit,),
        ).fetchall()
    return [QueuedReversal(*row) for row in rows]


def done(conn: sqlite3.Connection, op_id: str) -> None:
    """Central answered: the debit is given back (or was never recorded)."""
    with translate_errors():
        conn.execute("DELETE FROM credit_note_reversals WHERE op_id = ?", (op_id,))


def failed(conn: sqlite3.Connection, op_id: str, code: str, error: str) -> None:
    """Count a failed attempt and keep why (``code``: central's, or ``UNREACHABLE``)."""
    with translate_errors():
        conn.execute(
            "UPDATE credit_note_reversals SET attempts = attempts + 1, last_code = ?, "
            "last_error = ? WHERE op_id = ?",
            (code, error[:MAX_ERROR_CHARS], op_id),
        )


def in_use(conn: sqlite3.Connection, op_id: str) -> bool:
    """A completed sale of this till, accepted by central, pays with debit ``op_id``: its
    push found that debit still standing and took it as the sale's, so giving it back
    now would leave the sale unpaid. (A sale not pushed yet is no reason to wait: the
    reversal goes first in a round, and the push then debits the note afresh.)"""
    sale_id, sep, place = op_id.rpartition(":t")
    if not sep or not place.isdigit():
        return False
    with translate_errors():
        return conn.execute(_IN_USE, (sale_id, int(place))).fetchone() is not None
