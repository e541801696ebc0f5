"""A session's figures from its sales and movements: the X report's aggregates.

Each query starts from ``sales`` through the ``sales_session`` index (the session's sales
only, never a scan of the day or the year) and joins the child rows by their primary key,
so an X over 5,000 sales reads those sales and nothing else. Read-only: run it in the
caller's transaction when the figures must not move (a Z), or on its own (an X).

Returns are counted apart: a ticket with returned lines is a return (``returns_count``),
what its returned lines give back is ``returns_total_cents`` (>= 0), and refunds are
totalled per tender apart from payments (``refunds_by_tender``, >= 0). ``sales_total``
is what the sold lines came to, so sales less returns is the session's net.
"""

from __future__ import annotations

import sqlite3

from pos.domain.till_day import CashierTotal, DayFigures, TenderTotal, TillSession, VatTotal
from pos.store.errors import translate_errors

_SALES = (
    "SELECT count(*), coalesce(sum(total_cents), 0), coalesce(sum(change_cents), 0), "
    "coalesce(sum(EXISTS (SELECT 1 FROM sale_line_returns r WHERE r.sale_id = s.id)), 0) "
    "FROM sales s WHERE session_id = ?"
)
_DISCOUNTS = (  # discounts granted on sold lines; -(returned lines' totals): given back
    "SELECT coalesce(sum(l.line_discount_cents + l.ticket_discount_cents) "
    "FILTER (WHERE l.quantity > 0), 0), "
    "coalesce(-sum(l.total_cents) FILTER (WHERE l.quantity < 0), 0) "
    "FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE s.session_id = ?"
)
_TENDERS = (  # payments and refunds (negative tenders) apart
    "SELECT t.kind, t.amount_cents < 0, count(*), sum(t.amount_cents) "
    "FROM sales s JOIN sale_tenders t ON t.sale_id = s.id WHERE s.session_id = ? "
    "GROUP BY t.kind, t.amount_cents < 0 ORDER BY t.kind"
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
        count, total, change, returns = conn.execute(_SALES, key).fetchone()
        discounts, returned = conn.execute(_DISCOUNTS, key).fetchone()
        tenders = conn.execute(_TENDERS, key).fetchall()
        cashiers = conn.execute(_CASHIERS, key).fetchall()
        vat = conn.execute(_VAT, key).fetchall()
        moved = dict(conn.execute(_MOVEMENTS, key).fetchall())
    cash_tendered = sum(amount for kind, back, _n, amount in tenders if kind == "cash" and not back)
    by_tender = tuple(
        TenderTotal(kind, n, amount - (change if kind == "cash" else 0))
        for kind, back, n, amount in tenders
        if not back
    )
    refunds = tuple(TenderTotal(kind, n, -amount) for kind, back, n, amount in tenders if back)
    return DayFigures(
        session=session,
        at=at,
        sales_count=count - returns,
        sales_total_cents=total + returned,
        discount_cents=discounts,
        cash_tendered_cents=cash_tendered,
        change_cents=change,
        cash_in_cents=moved.get("in", 0),
        cash_out_cents=moved.get("out", 0),
        by_tender=by_tender,
        by_cashier=tuple(CashierTotal(*row) for row in cashiers),
        by_vat=tuple(VatTotal(*row) for row in vat),
        returns_count=returns,
        returns_total_cents=returned,
        refunds_by_tender=refunds,
    )
