"""A customer found centrally, kept in this till's cache so a sale can name them.

A central search can find someone this till has not pulled yet (created online, at
another store, since the last sync). Attaching needs the customer in ``customers``
(``customer_status``): the row is written as central answered it, with its search keys,
unless the customers feed already holds that id (the feed stays the one that updates
it, erasures included).
"""

from __future__ import annotations

import sqlite3

from pos.store import customer_index
from pos.store.db import write_transaction
from pos.store.sale_codec import utc_now

_INSERT = """
INSERT INTO customers (id, name, email, phone, loyalty_points, active, version, updated_at,
                       marketing_consent)
VALUES (?, ?, ?, ?, ?, 1, 0, ?, ?)
ON CONFLICT (id) DO NOTHING
"""


def remember_found(
    conn: sqlite3.Connection,
    customer_id: str,
    name: str,
    email: str,
    phone: str,
    loyalty_points: int,
    marketing_consent: bool,
) -> bool:
    """Keep a customer central found; False when this till already knew the id."""
    row = (customer_id, name, email, phone, loyalty_points, utc_now(), int(marketing_consent))
    with write_transaction(conn):
        added = conn.execute(_INSERT, row).rowcount == 1
        if added:
            customer_index.index(conn, [(customer_id, name, email, phone, True)])
    return added
