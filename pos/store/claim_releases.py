"""Return claims waiting to be released at central (schema 19, ``claim_releases``).

A cancelled return whose claim central could not be told about is queued here, and the
sync engine sends the release on its next rounds (``sync.engine.claim_releases``) until
central answers. Each call is one autocommitted statement: a queued release survives a
crash of the till the moment it is written.
"""

from __future__ import annotations

import sqlite3

from pos.store.errors import translate_errors
from pos.store.sale_codec import utc_now

#: A failure's message is kept for support, capped like the outbox's.
MAX_ERROR_CHARS = 1000


def queue(conn: sqlite3.Connection, return_id: str, *, now: str | None = None) -> None:
    """Remember to release ``return_id``'s claim; queuing it twice keeps one row."""
    with translate_errors():
        conn.execute(
            "INSERT OR IGNORE INTO claim_releases (return_id, queued_at) VALUES (?, ?)",
            (return_id, now or utc_now()),
        )


def due(conn: sqlite3.Connection, limit: int = 100) -> list[str]:
    """The claims still to release, oldest first."""
    with translate_errors():
        rows = conn.execute(
            "SELECT return_id FROM claim_releases ORDER BY queued_at, return_id LIMIT ?",
            (limit,),
        ).fetchall()
    return [row[0] for row in rows]


def released(conn: sqlite3.Connection, return_id: str) -> None:
    """Central answered: nothing more to do for this claim."""
    with translate_errors():
        conn.execute("DELETE FROM claim_releases WHERE return_id = ?", (return_id,))


def failed(conn: sqlite3.Connection, return_id: str, error: str, code: str = "") -> None:
    """Count a failed attempt and keep why (``code``: central's refusal code, or
    ``unreachable``: schema 20); the release stays queued."""
    with translate_errors():
        conn.execute(
            "UPDATE claim_releases SET attempts = attempts + 1, last_error = ?, last_code = ? "
            "WHERE return_id = ?",
            (error[:MAX_ERROR_CHARS], code, return_id),
        )
