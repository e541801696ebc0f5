"""This till's sales as the return desk sees them: what was paid, what is already back.

``origin_sale`` reads one sale as an ``OriginSale``: its sold lines as paid, with the
quantity every local return ticket already took back of each (``sale_line_returns``,
indexed by origin), and its tenders with what local refunds already gave back to each.
It knows only this file's tickets: the central API knows the returns of other tills.

A refund is counted against an original tender of the same kind and reference (a card
refund names the card payment's reference; cash has none), summed over the return
tickets that take back a line of this sale.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from pos.domain.product import SoldBy
from pos.domain.returns import Channel, OriginLine, OriginSale, OriginTender

_SALE = "SELECT id, terminal_id, ticket_no, completed_at, total_cents FROM sales WHERE id = ?"
_LINES = (
    "SELECT l.line_no, l.product_id, l.sku, l.name, l.barcode, l.sold_by, l.quantity, "
    "l.unit_price_cents, l.vat_bp, l.gross_cents, l.line_discount_cents, "
    "l.ticket_discount_cents, l.total_cents, "
    "(SELECT coalesce(-sum(b.quantity), 0) FROM sale_line_returns r "
    " JOIN sale_lines b ON b.sale_id = r.sale_id AND b.line_no = r.line_no "
    " WHERE r.origin_sale_id = l.sale_id AND r.origin_line_no = l.line_no), o.order_id "
    "FROM sale_lines l LEFT JOIN sale_line_orders o "
    "ON o.sale_id = l.sale_id AND o.line_no = l.line_no "
    "WHERE l.sale_id = ?1 AND l.quantity > 0 ORDER BY l.line_no"
)
_TENDERS = (
    "SELECT t.kind, t.amount_cents, t.reference, "
    "(SELECT coalesce(-sum(f.amount_cents), 0) FROM sale_tenders f "
    " WHERE f.amount_cents < 0 AND f.kind = t.kind AND f.reference = t.reference "
    " AND f.sale_id IN (SELECT DISTINCT r.sale_id FROM sale_line_returns r "
    "                   WHERE r.origin_sale_id = ?1)) "
    "FROM sale_tenders t WHERE t.sale_id = ?1 AND t.amount_cents > 0 ORDER BY t.seq"
)
_BY_TICKET = "SELECT id FROM sales WHERE terminal_id = ? AND ticket_no = ?"
_BY_DAY_AND_AMOUNT = (  # the sales_by_amount_and_time index
    "SELECT id FROM sales WHERE total_cents = ? AND completed_at >= ? AND completed_at < ? "
    "ORDER BY completed_at"
)
_LOWEST_PRICE = (
    "SELECT min(l.unit_price_cents) FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
    "WHERE l.product_id = ? AND l.quantity > 0 AND s.completed_at >= ?"
)
_LOCAL_NOTE = (  # a rare fallback (central does not know the note yet): no index needed
    "SELECT sum(CASE WHEN amount_cents < 0 THEN 1 ELSE 0 END), coalesce(-sum(amount_cents), 0) "
    "FROM sale_tenders WHERE kind = 'credit_note' AND reference = ?"
)


def origin_label(terminal_id: str, ticket_no: int) -> str:
    """How staff and the receipt name a ticket: "T01 n°123"."""
    return f"{terminal_id} n°{ticket_no}"


def origin_sale(conn: sqlite3.Connection, sale_id: str, *, store_id: str = "") -> OriginSale | None:
    """This till's sale ``sale_id`` for a return, or None when this file does not hold it
    (a return ticket is no origin: only sales with sold lines are)."""
    row = conn.execute(_SALE, (sale_id,)).fetchone()
    if row is None:
        return None
    lines = tuple(
        OriginLine(
            line_no,
            product,
            sku,
            name,
            barcode,
            SoldBy(sold_by),
            *amounts,
            returned_quantity=back,
            customer_order_id=order,
        )
        for line_no, product, sku, name, barcode, sold_by, *amounts, back, order in conn.execute(
            _LINES, (sale_id,)
        )
    )
    if not lines:
        return None
    tenders = tuple(
        OriginTender(kind, amount, reference, refunded)
        for kind, amount, reference, refunded in conn.execute(_TENDERS, (sale_id,))
    )
    _id, terminal_id, ticket_no, completed_at, total = row
    return OriginSale(
        sale_id=sale_id,
        channel=Channel.STORE,
        label=origin_label(terminal_id, ticket_no),
        store_id=store_id,
        terminal_id=terminal_id,
        ticket_no=ticket_no,
        completed_at=completed_at,
        total_cents=total,
        lines=lines,
        tenders=tenders,
        source="local",
    )


def find_ticket(
    conn: sqlite3.Connection, terminal_id: str, ticket_no: int, *, store_id: str = ""
) -> OriginSale | None:
    """Ticket ``ticket_no`` of ``terminal_id`` in this file, as an origin sale."""
    row = conn.execute(_BY_TICKET, (terminal_id, ticket_no)).fetchone()
    return origin_sale(conn, row[0], store_id=store_id) if row else None


def find_by_day_and_amount(
    conn: sqlite3.Connection,
    day: date,
    amount_cents: int,
    *,
    tz: tzinfo = UTC,
    store_id: str = "",
) -> list[OriginSale]:
    """The sales of ``day`` (in ``tz``, the store's time zone) whose total is exactly
    ``amount_cents``, oldest first: for a customer who lost the receipt's code."""
    start, end = _utc_bounds(day, tz)
    ids = [row[0] for row in conn.execute(_BY_DAY_AND_AMOUNT, (amount_cents, start, end))]
    found = (origin_sale(conn, sale_id, store_id=store_id) for sale_id in ids)
    return [sale for sale in found if sale is not None]


def lowest_recent_price(conn: sqlite3.Connection, product_id: int, *, since: str) -> int | None:
    """The lowest unit price ``product_id`` was sold at on this till since ``since`` (ISO
    UTC): what a return without receipt gives back. None when it was not sold."""
    row = conn.execute(_LOWEST_PRICE, (product_id, since)).fetchone()
    return row[0] if row else None


def _utc_bounds(day: date, tz: tzinfo) -> tuple[str, str]:
    """[start, end) of a local day as the house's UTC timestamps (sortable as text)."""

    def stamp(moment: datetime) -> str:
        text = moment.astimezone(UTC).isoformat(timespec="milliseconds")
        return text.replace("+00:00", "Z")

    start = datetime.combine(day, time(0), tzinfo=tz)
    return stamp(start), stamp(datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz))


def local_credit_note_balance(conn: sqlite3.Connection, code: str) -> int | None:
    """What is left of credit note ``code`` by this file's tickets (issued here less spent
    here), or None when no ticket of this till issued it."""
    issued, balance = conn.execute(_LOCAL_NOTE, (code,)).fetchone()
    return int(balance) if issued else None
