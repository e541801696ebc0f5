"""Single-use coupons waiting to be released at central (schema 24, ``coupon_releases``).

A coupon taken off a sale (or whose sale was cancelled) is queued here before central is
told, and the sync engine sends the release on its next rounds
(``sync.engine.coupon_releases``) until central answers. Each call is one autocommitted
statement: a queued release survives a crash of the till the moment it is written.
"""

from __future__ import annotations

import sqlite3

from pos.store.errors import translate_errors
from pos.store.sale_codec import utc_now

#: A failure's message is kept for support, capped like the outbox's.
MAX_ERROR_CHARS = 1000


def queue(conn: sqlite3.Connection, sale_id: str, code: str, *, now: str | None = None) -> None:
    """Remember to release ``code`` reserved for ``sale_id``; twice keeps one row."""
    with translate_errors():
        conn.execute(
            "INSERT OR IGNORE INTO coupon_releases (sale_id, code, queued_at) VALUES (?, ?, ?)",
            (sale_id, code, now or utc_now()),
        )


def due(conn: sqlite3.Connection, limit: int = 100) -> list[tuple[str, str]]:
    """The (sale id, code) pairs still to release, oldest first."""
    with translate_errors():
        rows = conn.execute(
            "SELECT sale_id, code FROM coupon_releases ORDER BY queued_at, sale_id, code LIMIT ?",
            (limit,),
        ).fetchall()
    return [(row[0], row[1]) for row in rows]


def is_queued(conn: sqlite3.Connection, sale_id: str, code: str) -> bool:
    with translate_errors():
        return (
            conn.execute(
                "SELECT 1 FROM coupon_releases WHERE sale_id = ? AND code = ?", (sale_id, code)
            ).fetchone()
            is not None
        )


def released(conn: sqlite3.Connection, sale_id: str, code: str) -> None:
    """Central answered (or the code is wanted for the sale again): nothing to send."""
    with translate_errors():
        conn.execute("DELETE FROM coupon_releases WHERE sale_id = ? AND code = ?", (sale_id, code))


def failed(conn: sqlite3.Connection, sale_id: str, code: str, error: str, reason: str) -> None:
    """Count a failed attempt and keep why (``reason``: central's refusal code, or
    ``unreachable``); the release stays queued."""
    with translate_errors():
        conn.execute(
            "UPDATE coupon_releases SET attempts = attempts + 1, last_error = ?, last_code = ? "
            "WHERE sale_id = ? AND code = ?",
            (error[:MAX_ERROR_CHARS], reason, sale_id, code),
        )
