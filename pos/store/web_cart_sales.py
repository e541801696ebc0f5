"""The web carts a till sale took in (schema 37), so the manager's figures can tell a
sale the web brought (a cart paid in store) from a plain store sale.

Marked when the cart is claimed for the open sale, in its own small transaction: the
mark names the sale id, and only a completed sale (a ``sales`` row) is ever counted, so
a cart loaded into a sale that is then abandoned counts nowhere.
"""

from __future__ import annotations

import sqlite3

from pos.store.db import write_transaction


def mark(conn: sqlite3.Connection, sale_id: str, cart_id: str, code: str, at: str) -> None:
    """Record that ``sale_id`` took in the cart (a retry of the same cart: no change)."""
    with write_transaction(conn):
        conn.execute(
            "INSERT OR IGNORE INTO web_cart_sales (sale_id, cart_id, code, loaded_at) "
            "VALUES (?, ?, ?, ?)",
            (sale_id, cart_id, code, at),
        )
