"""A session's figures from its sales and movements: the X report's aggregates.

Each query starts from ``sales`` through the ``sales_session`` index (the session's sales
only, never a scan of the day or the year) and joins the child rows by their primary key,
so an X over 5,000 sales reads those sales and nothing else. Read-only: run it in the
caller's transaction when the figures must not move (a Z), or on its own (an X).
"""

from __future__ import annotations

import sqlite3

from pos.domain.till_day import CashierTotal, DayFigures, TenderTotal, TillSession, VatTotal
from pos.store.errors import translate_errors

_SALES = (
    "SELECT count(*), coalesce(sum(total_cents), 0), coalesce(sum(change_cents), 0) "
    "FROM sales WHERE session_id = ?"
)
_DISCOUNTS = (
    "SELECT coalesce(sum(l.line_discount_cents + l.ticket_discount_cents), 0) "
    "FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE s.session_id = ?"
)
_TENDERS = (
    "SELECT t.kind, count(*), sum(t.amount_cents) "
    "FROM sales s JOIN sale_tenders t ON t.sale_id = s.id WHERE s.session_id = ? "
    "GROUP BY t.kind ORDER BY t.kind"
)
_CASHIERS = (
    "SELECT cashier, count(*), sum(total_cents) FROM sales WHERE session_id = ? "
    "GROUP BY cashier ORDER BY cashier"
)
_VAT = (
    "SELECT v.vat_bp, sum(v.base_cents), sum(v.vat_cents), sum(v.total_cents) "
    "FROM sales s JOIN sale_vat v ON v.sale_id = s.id WHERE s.session_id = ? "
    "GROUP BY v.vat_bp ORDER BY v.vat_bp DESC"
)
_MOVEMENTS = "SELECT kind, sum(amount_cents) FROM cash_movement WHERE session_id = ? GROUP BY kind"
#: Every query above, for the benchmark and the test that each uses the index.
QUERIES = (_SALES, _DISCOUNTS, _TENDERS, _CASHIERS, _VAT, _MOVEMENTS)


def day_figures(conn: sqlite3.Connection, session: TillSession, at: str) -> DayFigures:
    """The X report of ``session`` as of ``at``. Cash tenders are reported net of the
    change given back, so the tenders add up to the sales total."""
    key = (session.session_id,)
    with translate_errors():
        count, total, change = conn.execute(_SALES, key).fetchone()
        discounts = conn.execute(_DISCOUNTS, key).fetchone()[0]
        tenders = conn.execute(_TENDERS, key).fetchall()
        cashiers = conn.execute(_CASHIERS, key).fetchall()
        vat = conn.execute(_VAT, key).fetchall()
        moved = dict(conn.execute(_MOVEMENTS, key).fetchall())
    cash_tendered = sum(amount for kind, _n, amount in tenders if kind == "cash")
    by_tender = tuple(
        TenderTotal(kind, n, amount - (change if kind == "cash" else 0))
        for kind, n, amount in tenders
    )
    return DayFigures(
        session=session,
        at=at,
        sales_count=count,
        sales_total_cents=total,
        discount_cents=discounts,
        cash_tendered_cents=cash_tendered,
        change_cents=change,
        cash_in_cents=moved.get("in", 0),
        cash_out_cents=moved.get("out", 0),
        by_tender=by_tender,
        by_cashier=tuple(CashierTotal(*row) for row in cashiers),
        by_vat=tuple(VatTotal(*row) for row in vat),
    )
