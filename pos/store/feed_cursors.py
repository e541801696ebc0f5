"""Where each pull from the central API stands, committed with the page it follows.

A feed's cursor is stored only by ``page_transaction``, in the same ``BEGIN IMMEDIATE``
transaction as the page's rows: after a crash the till resumes from the last page it
applied, never past one it lost. Applying a page twice is harmless (every item is the
full latest state), so a page applied just before a crash and fetched again costs
nothing but time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from pos.store.db import write_transaction
from pos.store.errors import StoreError, translate_errors
from pos.store.sale_codec import utc_now


class PageRefused(StoreError):
    """A pulled page contradicts the local schema; nothing of it was applied."""

    code = "page_refused"


_GET = "SELECT cursor FROM feed_cursors WHERE feed = ?"
_SAVE = (
    "INSERT INTO feed_cursors (feed, cursor, updated_at) VALUES (?, ?, ?) "
    "ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at"
)
_FORGET = "DELETE FROM feed_cursors WHERE feed = ?"
_ALL = "SELECT feed, cursor FROM feed_cursors ORDER BY feed"


def cursor(conn: sqlite3.Connection, feed: str) -> str | None:
    """The cursor to pull ``feed`` from; ``None`` means from the beginning."""
    with translate_errors():
        row = conn.execute(_GET, (feed,)).fetchone()
    return None if row is None else str(row[0])


def all_cursors(conn: sqlite3.Connection) -> dict[str, str]:
    with translate_errors():
        return {feed: value for feed, value in conn.execute(_ALL)}


def forget(conn: sqlite3.Connection, feed: str) -> None:
    """Pull ``feed`` again from the beginning (the API refused our cursor). Joins the
    caller's transaction if there is one."""
    if conn.in_transaction:
        with translate_errors():
            conn.execute(_FORGET, (feed,))
        return
    with write_transaction(conn), translate_errors():
        conn.execute(_FORGET, (feed,))


def save(conn: sqlite3.Connection, feed: str, value: str) -> None:
    """Store ``feed``'s cursor inside the caller's transaction (a snapshot's end)."""
    conn.execute(_SAVE, (feed, value, utc_now()))


@contextmanager
def page_transaction(
    conn: sqlite3.Connection, feed: str, next_cursor: str
) -> Iterator[sqlite3.Connection]:
    """One transaction for a page's rows and its cursor: both commit, or neither."""
    if not next_cursor:
        raise ValueError("a page needs a cursor to resume from")
    try:
        with write_transaction(conn), translate_errors():
            yield conn
            conn.execute(_SAVE, (feed, next_cursor, utc_now()))
    except sqlite3.IntegrityError as exc:
        raise PageRefused(
            f"A page of the central {feed} feed was refused ({exc}); nothing of it was kept."
        ) from exc
