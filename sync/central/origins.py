"""The sale a return takes back, as central knows it: a till ticket of any store of the
retailer (kept whole in ``sales``), or a web order (a click-and-collect order, in
``pickups``), with what every return and refund already did to it.

``returned_quantity`` counts every return ticket and every held claim, on every terminal
and channel (``returned_quantities``); a tender's ``refunded_cents`` every card refund
recorded against that payment (``refunds``). A web order paid at the desk is returned
through the till sale that took its payment.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from sync.central.db import Database
from sync.central.errors import ApiError, not_found
from sync.central.pickup_machine import HANDED_OVER, load
from sync.central.pricing import portion_cents
from sync.contract.codes import normalize_code, parse_pickup_qr
from sync.contract.pickups import PickupOrder
from sync.contract.returns import (
    NOT_HANDED_OVER,
    NOT_RETURNABLE,
    OriginLineRecord,
    OriginSaleRecord,
    OriginTenderRecord,
)
from sync.contract.sales import SaleRecord

#: A web order's payment, as its tender reference names it.
WEB_PAYMENT_PREFIX = "web:"
_SALE = "SELECT store_id, sale_json FROM sales WHERE op_id = ?"
_TICKET = (
    "SELECT op_id FROM sales WHERE store_id = ? AND terminal_id = ? AND ticket_no = ? "
    "ORDER BY id LIMIT 1"
)


def find(db: Database, store_id: str, text: str) -> OriginSaleRecord:
    """A sale id (the receipt's QR), a web order id, or a pickup code or QR text (the
    caller's store first). 404 ``not_found``; 409 ``not_handed_over`` for a web order the
    customer does not have yet."""
    with db.read() as conn:
        found = origin_of_sale(conn, text)
        if found is not None:
            return found
        order = load(conn, text) or _order_by_code(conn, store_id, text)
        if order is None:
            raise not_found(f"No sale nor web order of this retailer has the code {text!r}.")
        return origin_of_order(conn, order)


def find_ticket(db: Database, store_id: str, terminal_id: str, ticket_no: int) -> OriginSaleRecord:
    with db.read() as conn:
        row = conn.execute(_TICKET, (store_id, terminal_id, ticket_no)).fetchone()
        found = origin_of_sale(conn, row[0]) if row else None
    if found is None:
        raise not_found(f"Terminal {terminal_id} of this store has no ticket n°{ticket_no}.")
    return found


def _order_by_code(conn: sqlite3.Connection, store_id: str, text: str) -> PickupOrder | None:
    scanned = parse_pickup_qr(text)
    code = scanned[1] if scanned else normalize_code(text)
    if code is None:
        return None
    rows = conn.execute(
        "SELECT id, store_id FROM pickups WHERE code = ? ORDER BY store_id != ?", (code, store_id)
    ).fetchall()
    if not rows or (scanned and rows[0][0] != scanned[0]):
        return None
    return load(conn, rows[0][0])


def sale_record(conn: sqlite3.Connection, sale_id: str) -> tuple[str, SaleRecord] | None:
    """``(store_id, record)`` of a till sale central holds, or None."""
    row = conn.execute(_SALE, (sale_id,)).fetchone()
    return (row[0], SaleRecord.model_validate_json(row[1])) if row else None


def origin_of_sale(conn: sqlite3.Connection, sale_id: str) -> OriginSaleRecord | None:
    found = sale_record(conn, sale_id)
    if found is None:
        return None
    store_id, sale = found
    sold = [line for line in sale.lines if line.returned is None]
    if not sold:
        raise ApiError(409, NOT_RETURNABLE, f"Ticket {sale.id} is itself a return.")
    returned = returned_quantities(conn, sale.id)
    lines = [
        OriginLineRecord(
            line_no=line.line_no,
            product_id=line.product_id,
            sku=line.sku,
            name=line.name,
            barcode=line.barcode,
            sold_by=line.sold_by,
            quantity=line.quantity,
            unit_price_cents=line.unit_price_cents,
            vat_bp=line.vat_bp,
            gross_cents=line.gross_cents,
            line_discount_cents=line.line_discount_cents,
            ticket_discount_cents=line.ticket_discount_cents,
            total_cents=line.total_cents,
            returned_quantity=returned.get(line.line_no, 0),
            customer_order_id=line.customer_order_id,
        )
        for line in sold
    ]
    payments = [(t.kind, t.amount_cents, t.reference) for t in sale.tenders if t.amount_cents > 0]
    return OriginSaleRecord(
        sale_id=sale.id,
        channel="store",
        label=f"{sale.terminal_id} n°{sale.ticket_no}"[:64],
        store_id=store_id,
        terminal_id=sale.terminal_id,
        ticket_no=sale.ticket_no,
        completed_at=sale.completed_at,
        total_cents=max(sale.total_cents, 0),
        lines=lines,
        tenders=_tenders(payments, refunded(conn, sale.id)),
        handed_over=True,
    )


def origin_of_order(conn: sqlite3.Connection, order: PickupOrder) -> OriginSaleRecord:
    """A web order as a sale: the units handed over, at the price paid online."""
    if order.state not in HANDED_OVER:
        raise ApiError(
            409, NOT_HANDED_OVER, f"Web order {order.id} is {order.state}: not handed over yet."
        )
    if not order.paid and order.sale_id:  # paid at the desk: that sale is the one returned
        found = origin_of_sale(conn, order.sale_id)
        if found is not None:
            return found
    returned = returned_quantities(conn, order.id)
    lines = []
    for line in order.lines:
        quantity = line.collected_quantity or 0
        if quantity == 0:
            continue
        total = portion_cents(line, quantity)
        lines.append(
            OriginLineRecord(
                line_no=line.line_no,
                product_id=line.product_id,
                sku=line.sku,
                name=line.name,
                barcode=None,
                sold_by=line.sold_by,
                quantity=quantity,
                unit_price_cents=line.unit_price_cents,
                vat_bp=line.vat_bp,
                gross_cents=total,
                line_discount_cents=0,
                ticket_discount_cents=0,
                total_cents=total,
                returned_quantity=returned.get(line.line_no, 0),
            )
        )
    paid = order.total_cents if order.paid else 0
    payments = [("card", paid, WEB_PAYMENT_PREFIX + order.id)] if paid else []
    return OriginSaleRecord(
        sale_id=order.id,
        channel="web",
        label=f"Web {order.pickup_code}",
        store_id=order.store_id,
        terminal_id="",
        ticket_no=0,
        completed_at=order.history[-1].at,
        total_cents=sum(line.total_cents for line in lines),
        lines=lines,
        tenders=_tenders(payments, refunded(conn, order.id)),
        handed_over=True,
    )


def _tenders(
    payments: list[tuple[str, int, str]], refunds: Mapping[tuple[str, str], int]
) -> list[OriginTenderRecord]:
    """Each payment with what was refunded to it; refunds to one reference fill its
    payments in order."""
    left = dict(refunds)
    tenders = []
    for kind, amount, reference in payments:
        taken = min(amount, left.get((kind, reference), 0))
        if taken:
            left[(kind, reference)] -= taken
        tenders.append(
            OriginTenderRecord(
                kind=kind, amount_cents=amount, reference=reference, refunded_cents=taken
            )
        )
    return tenders


def returned_quantities(conn: sqlite3.Connection, origin_id: str) -> dict[int, int]:
    """Line number -> quantity taken back by every claim and return ticket."""
    rows = conn.execute(
        "SELECT origin_line_no, sum(quantity) FROM returned_quantities "
        "WHERE origin_sale_id = ? GROUP BY origin_line_no",
        (origin_id,),
    )
    return {int(line_no): int(total) for line_no, total in rows}


def refunded(conn: sqlite3.Connection, origin_id: str) -> dict[tuple[str, str], int]:
    rows = conn.execute(
        "SELECT kind, reference, sum(amount_cents) FROM refunds WHERE origin_id = ? "
        "GROUP BY kind, reference",
        (origin_id,),
    )
    return {(kind, reference): int(total) for kind, reference, total in rows}


def sold_quantities(conn: sqlite3.Connection, origin_id: str) -> dict[int, int] | None:
    """Line number -> quantity the customer has of an original sale or web order (what
    may ever be returned); None when central does not know it."""
    found = sale_record(conn, origin_id)
    if found is not None:
        return {line.line_no: line.quantity for line in found[1].lines if line.returned is None}
    order = load(conn, origin_id)
    if order is None:
        return None
    if order.state not in HANDED_OVER:
        return {}
    return {line.line_no: line.collected_quantity or 0 for line in order.lines}
