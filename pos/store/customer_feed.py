"""Applying a page of the central customers feed: one customer across channels.

The central side owns customers and their loyalty balance; a page's items overwrite the
local rows by id, and ``active = false`` keeps the row (past sales may name it) but
marks it gone: the store's triggers blank its name, email and phone (a GDPR erasure
done centrally reaches the till at the next sync) and drop its search keys, which
``customer_index`` writes again for the active ones in the same transaction. The
customer's marketing choice (``marketing_consent``, schema 25) is kept as served.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Protocol

from pos.store import customer_index
from pos.store.feed_cursors import page_transaction
from pos.store.sale_codec import utc_now

FEED = "customers"

_UPSERT = """
INSERT INTO customers (id, name, email, phone, loyalty_points, active, version, updated_at,
                       marketing_consent)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, email = excluded.email, phone = excluded.phone,
    loyalty_points = excluded.loyalty_points, active = excluded.active,
    version = excluded.version, updated_at = excluded.updated_at,
    marketing_consent = excluded.marketing_consent
"""


class CustomerItemLike(Protocol):
    """A customer as the customers feed sends it (sync.contract's model fits)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def loyalty_points(self) -> int: ...
    @property
    def active(self) -> bool: ...
    @property
    def version(self) -> int: ...


def apply_page(
    conn: sqlite3.Connection, items: Iterable[CustomerItemLike], next_cursor: str
) -> int:
    """Upsert a page of customers and store ``next_cursor`` in one transaction."""
    stamp = utc_now()
    rows = [
        (
            c.id,
            c.name,
            c.email,
            c.phone,
            c.loyalty_points,
            int(c.active),
            c.version,
            stamp,
            int(getattr(c, "marketing_consent", False)),  # absent before schema 25
        )
        for c in items
    ]
    latest = {row[0]: (row[0], row[1], row[2], row[3], bool(row[5])) for row in rows}
    with page_transaction(conn, FEED, next_cursor):
        conn.executemany(_UPSERT, rows)
        customer_index.index(conn, latest.values())  # the last of an id twice in a page
    return len(rows)
