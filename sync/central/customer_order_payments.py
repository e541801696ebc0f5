"""Customer orders paid at a till (issue 16, the endless aisle): a pushed sale whose lines
carry ``customer_order_id`` (sale record v5) pays those orders.

Checked before the sale is applied (``refusal``): each order named must be one central
placed, still open and paid by nothing else, or the whole sale is refused with a stable
code (the till keeps it on its attention list: the customer paid, so the money goes back
or the order is settled by hand; nothing is lost). Applied with the sale, in the push's
transaction (``settle``): the order is marked paid once (``customer_order_payments``);
its pickup order, if any, becomes paid with the sale's id and a fresh change_seq, so the
pickup store's desk sees it paid in its feed and hands it over without asking for money.

No stock moves at the paying store: the goods leave the pickup store when its desk hands
them over (a paid order's handover moves them, ``pickup_machine.apply``) or the web
warehouse when shipped. The sale's customer earns loyalty points from the sale itself,
so the order's own earning at handover (``loyalty_orders``) is dropped: never twice.
"""

from __future__ import annotations

import sqlite3

from sync.central.pickup_machine import load, save
from sync.contract.network import CustomerOrder
from sync.contract.operations import (
    CUSTOMER_ORDER_CLOSED,
    CUSTOMER_ORDER_PAID,
    CUSTOMER_ORDER_UNKNOWN,
)
from sync.contract.sales import SaleRecord

_CLOSED = frozenset({"cancelled", "expired"})


def order_ids(sale: SaleRecord) -> list[str]:
    """The customer orders the sale's lines pay, each once."""
    return sorted({line.customer_order_id for line in sale.lines if line.customer_order_id})


def refusal(conn: sqlite3.Connection, sale: SaleRecord) -> tuple[str, str]:
    """(code, reason) when the sale cannot pay one of its orders, else ``("", "")``."""
    for order_id in order_ids(sale):
        code, reason = _one_refusal(conn, order_id, sale.id)
        if code:
            return code, reason
    return "", ""


def _one_refusal(conn: sqlite3.Connection, order_id: str, sale_id: str) -> tuple[str, str]:
    row = conn.execute("SELECT item FROM customer_orders WHERE id = ?", (order_id,)).fetchone()
    if row is None:
        return CUSTOMER_ORDER_UNKNOWN, f"Central placed no customer order {order_id!r}."
    paid_by = conn.execute(
        "SELECT sale_id FROM customer_order_payments WHERE order_id = ?", (order_id,)
    ).fetchone()
    if paid_by is not None:
        return CUSTOMER_ORDER_PAID, (
            f"Customer order {order_id!r} was already paid by sale {paid_by[0]!r}: this "
            "sale took its money a second time."
        )
    order = CustomerOrder.model_validate_json(row[0])
    if order.paid:
        return CUSTOMER_ORDER_PAID, f"Customer order {order_id!r} was already paid online."
    if order.fulfilment != "pickup":
        return "", ""
    pickup = load(conn, order_id)
    if pickup is None:
        return CUSTOMER_ORDER_UNKNOWN, f"Customer order {order_id!r} has no pickup order."
    if pickup.paid or (pickup.sale_id is not None and pickup.sale_id != sale_id):
        return CUSTOMER_ORDER_PAID, (
            f"Customer order {order_id!r} was already paid at {pickup.store_id!r}'s desk."
        )
    if pickup.state in _CLOSED:
        return CUSTOMER_ORDER_CLOSED, (
            f"Customer order {order_id!r} was {pickup.state} before this sale paid it."
        )
    return "", ""


def settle(conn: sqlite3.Connection, store_id: str, sale: SaleRecord, at: str) -> None:
    """Mark the sale's orders paid by it (``refusal`` said it may)."""
    for order_id in order_ids(sale):
        conn.execute(
            "INSERT INTO customer_order_payments (order_id, sale_id, store_id, paid_at) "
            "VALUES (?, ?, ?, ?)",
            (order_id, sale.id, store_id, at),
        )
        row = conn.execute("SELECT item FROM customer_orders WHERE id = ?", (order_id,)).fetchone()
        order = CustomerOrder.model_validate_json(row[0]).model_copy(update={"paid": True})
        conn.execute(
            "UPDATE customer_orders SET item = ? WHERE id = ?", (order.model_dump_json(), order_id)
        )
        pickup = load(conn, order_id)
        if pickup is not None:
            save(conn, pickup.model_copy(update={"paid": True, "sale_id": sale.id,
                                                 "updated_at": at}))  # fmt: skip
            conn.execute("DELETE FROM loyalty_orders WHERE order_id = ?", (order_id,))
