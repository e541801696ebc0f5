"""Whether a customer the till may attach to a sale is known here, and not erased.

The customers feed fills ``customers``; an erased customer stays as an inactive row with
its personal fields blanked (migration 0021), so a sale never names someone who asked
to be forgotten.
"""

from __future__ import annotations

import sqlite3

from pos.store.errors import translate_errors

_ACTIVE = "SELECT active FROM customers WHERE id = ?"


def customer_active(conn: sqlite3.Connection, customer_id: str) -> bool | None:
    """True: known and active; False: erased; None: unknown to this till."""
    with translate_errors():
        row = conn.execute(_ACTIVE, (customer_id,)).fetchone()
    return None if row is None else bool(row[0])
