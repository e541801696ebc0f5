"""The manager's sales figures read from the sales sums (migration 0031), the pickups
handed over at this desk, and the state of sync.

Every query reads ``sales_sums`` by its primary key (dim, then a range of buckets: UTC
hours for tickets, days for the breakdowns), so a year costs ~9,000 hours of tickets and
~365 days per department, cashier or tender, whatever the number of tickets. Read-only,
plain SQL, on the caller's connection and thread.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from pos.store import departments
from pos.store.errors import translate_errors

_TOTAL = (
    "SELECT coalesce(sum(n), 0), coalesce(sum(cents), 0) FROM sales_sums "
    "WHERE dim = ? AND bucket >= ? AND bucket < ?"
)
_BY_KEY = (  # day buckets: both bounds included (sales_hours.day_bounds)
    "SELECT key, sum(n), sum(cents) FROM sales_sums WHERE dim = ? AND bucket >= ? "
    "AND bucket <= ? GROUP BY key ORDER BY sum(cents) DESC, key"
)
_BY_HOUR = (
    "SELECT (CAST(substr(bucket, 12, 2) AS INTEGER) + {case}) % 24, sum(n), sum(cents) "
    "FROM sales_sums WHERE dim = 'ticket' AND bucket >= ? AND bucket < ? GROUP BY 1 ORDER BY 1"
)
# Handovers made at this desk and not refused by central: paid online (no sale here) or
# paid by a till sale (its total), in the period of the handover.
_HANDOVERS = (
    "SELECT m.sale_id IS NOT NULL, count(*), coalesce(sum(coalesce(s.total_cents, "
    "o.collected_total_cents, o.picked_total_cents, o.total_cents)), 0) "
    "FROM pickup_moves m JOIN outbox x ON x.op_id = m.op_id "
    "JOIN pickup_orders o ON o.id = m.order_id LEFT JOIN sales s ON s.id = m.sale_id "
    "WHERE m.to_state IN ('collected', 'partially_collected') AND x.rejected_at IS NULL "
    "AND m.at >= ? AND m.at < ? GROUP BY 1"
)
# Completed sales that took in a web cart (schema 37), in the period of the sale; driven
# by the marks (few), each sale counted once however many carts it took.
_WEB_CARTS = (
    "SELECT count(*), coalesce(sum(s.total_cents), 0) FROM sales AS s "
    "WHERE s.id IN (SELECT sale_id FROM web_cart_sales) "
    "AND s.completed_at >= ? AND s.completed_at < ?"
)
# The newest acknowledged batch through the ack_no index, never a scan of the outbox.
_LAST_PUSH = (
    "SELECT acked_at FROM outbox WHERE ack_no = "
    "(SELECT max(ack_no) FROM outbox WHERE ack_no IS NOT NULL) LIMIT 1"
)
_LAST_PULL = "SELECT max(updated_at) FROM feed_cursors"
#: The queries over the sums (each reads a range of the primary key).
QUERIES = (_TOTAL, _BY_KEY, _BY_HOUR.format(case="0"))

Row = tuple[str, int, int]


def total(conn: sqlite3.Connection, dim: str, lo: str, hi: str) -> tuple[int, int]:
    """(n, cents) of 'ticket' or 'return' over UTC hours ``lo`` (included) … ``hi``
    (excluded)."""
    with translate_errors():
        n, cents = conn.execute(_TOTAL, (dim, lo, hi)).fetchone()
    return int(n), int(cents)


def by_key(conn: sqlite3.Connection, dim: str, lo: str, hi: str) -> list[Row]:
    """(key, n, cents) of a day-summed dimension over buckets ``lo`` … ``hi`` (both
    included), the largest amount first."""
    with translate_errors():
        return [(k, int(n), int(c)) for k, n, c in conn.execute(_BY_KEY, (dim, lo, hi))]


def by_local_hour(
    conn: sqlite3.Connection, lo: str, hi: str, spans: Sequence[tuple[str, int]]
) -> list[tuple[int, int, int]]:
    """(local hour 0-23, tickets, cents): ``spans`` as ``sales_hours.offset_spans``."""
    for until, _ in spans:  # only hour keys go into the SQL text, never free text
        if len(until) != 13 or not until.replace("-", "").replace("T", "").isdigit():
            raise ValueError(f"not an hour key: {until!r}")
    whens = " ".join(f"WHEN bucket < '{until}' THEN {int(offset)}" for until, offset in spans[:-1])
    case = f"CASE {whens} ELSE {int(spans[-1][1])} END" if whens else str(int(spans[-1][1]))
    with translate_errors():
        rows = conn.execute(_BY_HOUR.format(case=case), (lo, hi)).fetchall()
    return [(int(h), int(n), int(c)) for h, n, c in rows]


def handovers(conn: sqlite3.Connection, lo: str, hi: str) -> dict[bool, tuple[int, int]]:
    """{paid at the till: (handovers, cents)} between two UTC stamps or hour keys."""
    with translate_errors():
        rows = conn.execute(_HANDOVERS, (lo, hi)).fetchall()
    return {bool(paid): (int(n), int(cents)) for paid, n, cents in rows}


def web_carts(conn: sqlite3.Connection, lo: str, hi: str) -> tuple[int, int]:
    """(tickets, cents) of the completed sales that took in a web cart, between two UTC
    stamps or hour keys."""
    with translate_errors():
        n, cents = conn.execute(_WEB_CARTS, (lo, hi)).fetchone()
    return int(n), int(cents)


def department_names(conn: sqlite3.Connection, language: str = "fr") -> dict[str, str]:
    """code: name in ``language``, as ``pos.store.departments`` words it."""
    with translate_errors():
        return departments.names(conn, language)


def last_contacts(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    """(last push acknowledged, last feed page pulled): UTC stamps, None if never."""
    with translate_errors():
        row = conn.execute(_LAST_PUSH).fetchone()
        pushed = row[0] if row else None
        pulled = conn.execute(_LAST_PULL).fetchone()[0]
    return pushed, pulled
