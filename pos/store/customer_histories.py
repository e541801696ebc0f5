"""The last history central sent of each customer (schema 25, ``customer_histories``),
shown offline with its age. Kept as received (JSON): the till only shows it. An erased
customer's cached history is deleted by the store's trigger when the feed retires it.
"""

from __future__ import annotations

import sqlite3

from pos.store.errors import translate_errors


def save(conn: sqlite3.Connection, customer_id: str, body: str, fetched_at: str) -> None:
    with translate_errors():
        conn.execute(
            "INSERT INTO customer_histories (customer_id, body, fetched_at) VALUES (?, ?, ?) "
            "ON CONFLICT (customer_id) DO UPDATE SET body = excluded.body, "
            "fetched_at = excluded.fetched_at",
            (customer_id, body, fetched_at),
        )


def load(conn: sqlite3.Connection, customer_id: str) -> tuple[str, str] | None:
    """``(body, fetched_at)`` of the cached history, or None."""
    with translate_errors():
        row = conn.execute(
            "SELECT body, fetched_at FROM customer_histories WHERE customer_id = ?",
            (customer_id,),
        ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def forget(conn: sqlite3.Connection, customer_id: str) -> None:
    with translate_errors():
        conn.execute("DELETE FROM customer_histories WHERE customer_id = ?", (customer_id,))
