"""Click-and-collect orders from the web shop's side, the desk's code lookup, and expiry.

An order is priced by central when it is placed (catalog and active promotions: the
price the customer paid or will pay) and reserves its lines in the store at once, all or
nothing, so ``available`` drops for the web and every till. Placing is idempotent by
order id: the same request again answers the order as it is now; the same id with another
request is a conflict.
"""

from __future__ import annotations

import hashlib

from sync.central import instants
from sync.central.db import Database, utc_now
from sync.central.errors import conflict, not_found
from sync.central.loyalty_ledger import balance
from sync.central.pickup_machine import Actor, Move, apply, describe, load, save
from sync.central.pricing import price_lines
from sync.central.short_codes import mint
from sync.central.stock import StockChanges, level
from sync.contract.codes import normalize_code, parse_pickup_qr, pickup_qr_text
from sync.contract.pickups import (
    OPEN_PICKUP_STATES,
    PICKUP_HOLD_DAYS,
    ExpiredPickup,
    ExpireResponse,
    PickupCancelRequest,
    PickupLine,
    PickupOrder,
    PickupOrderRequest,
)
from sync.contract.pricing import PricedLine

_EXPIRE_BATCH = 1000
_CODE_TAKEN = "SELECT 1 FROM pickups WHERE store_id = ? AND code = ?"
_WAREHOUSE = "SELECT 1 FROM warehouses WHERE store_id = ?"  # stock, no desk (issue 16)


def place(db: Database, request: PickupOrderRequest) -> PickupOrder:
    # Without a customer the fingerprint is the one an order placed before issue 15 had.
    unset = {"customer_id"} if request.customer_id is None else None
    fingerprint = hashlib.sha256(request.model_dump_json(exclude=unset).encode()).hexdigest()
    now = utc_now()
    with db.write() as conn:
        row = conn.execute(
            "SELECT request, item FROM pickups WHERE id = ?", (request.order_id,)
        ).fetchone()
        if row is not None:
            if row[0] != fingerprint:
                raise conflict(f"Order {request.order_id!r} exists with another request.")
            return PickupOrder.model_validate_json(row[1])
        if (
            conn.execute("SELECT 1 FROM stores WHERE id = ?", (request.store_id,)).fetchone()
            is None
        ):
            raise not_found(f"There is no store {request.store_id!r}.")
        if conn.execute(
            "SELECT 1 FROM warehouses WHERE store_id = ?", (request.store_id,)
        ).fetchone():
            raise conflict(f"{request.store_id!r} is a warehouse: it takes no pickup orders.")
        if request.customer_id is not None and balance(conn, request.customer_id) is None:
            raise not_found(f"There is no customer {request.customer_id!r}.")
        priced = price_lines(
            conn,
            request.lines,
            instants.parse(now),
            store_id=request.store_id,
            customer_id=request.customer_id,
        )
        stock = StockChanges(request.store_id, now)
        for line in priced:
            on_hand, reserved = level(conn, request.store_id, line.product_id) or (0, 0)
            if on_hand - reserved < line.quantity:
                raise conflict(
                    f"Only {max(on_hand - reserved, 0)} of {line.sku!r} available in "
                    f"{request.store_id!r}, {line.quantity} ordered."
                )
            stock.reserve(line.product_id, line.sku, line.quantity)
        code = mint(conn, _CODE_TAKEN, (request.store_id,))
        order = _new_order(request, priced, code, now)
        stock.flush(conn)
        save(conn, order, fingerprint)
        if request.customer_id is not None:
            conn.execute(
                "INSERT INTO loyalty_orders (order_id, customer_id) VALUES (?, ?)",
                (order.id, request.customer_id),
            )
    return order


def _new_order(
    request: PickupOrderRequest, priced: list[PricedLine], code: str, now: str
) -> PickupOrder:
    due_at = instants.normalize(request.due_at) if request.due_at else None
    return PickupOrder.model_validate(
        {
            "id": request.order_id,
            "store_id": request.store_id,
            "pickup_code": code,
            "qr_text": pickup_qr_text(request.order_id, code),
            "state": "received",
            "version": 1,
            "customer": request.customer.model_dump(),
            "paid": request.paid,
            "lines": [
                PickupLine.model_validate(
                    line.model_dump() | {"picked_quantity": None, "collected_quantity": None}
                ).model_dump()
                for line in priced
            ],
            "total_cents": sum(line.total_cents for line in priced),
            "picked_total_cents": None,
            "collected_total_cents": None,
            "partial": False,
            "sale_id": None,
            "created_at": now,
            "due_at": due_at,
            "expires_at": instants.later(due_at or now, days=PICKUP_HOLD_DAYS),
            "updated_at": now,
            "history": [
                {
                    "version": 1,
                    "from_state": None,
                    "state": "received",
                    "at": now,
                    "recorded_at": now,
                    "channel": "web",
                    "terminal_id": None,
                    "staff": None,
                    "op_id": None,
                    "reason": None,
                }
            ],
        }
    )


def get(db: Database, order_id: str) -> PickupOrder:
    with db.read() as conn:
        order = load(conn, order_id)
    if order is None:
        raise not_found(f"There is no pickup order {order_id!r}.")
    return order


def cancel(db: Database, order_id: str, request: PickupCancelRequest) -> PickupOrder:
    """Cancel online; cancelling a cancelled order answers it again (a retry is safe)."""
    now = utc_now()
    with db.write() as conn:
        order = load(conn, order_id)
        if order is None:
            raise not_found(f"There is no pickup order {order_id!r}.")
        if order.state == "cancelled":
            return order
        if order.state not in OPEN_PICKUP_STATES:
            raise conflict(f"Order {order_id} can no longer be cancelled: {describe(order)}.")
        stock = StockChanges(order.store_id, now)
        order = apply(
            order, Move("cancelled", now, reason=request.reason), Actor("web"), now, stock
        )
        stock.flush(conn)
        save(conn, order)
    return order


def find_by_code(db: Database, store_id: str, text: str) -> PickupOrder:
    """The store's order for a typed code or a scanned QR text. A QR's order id must match
    the code's order: a forged or garbled code finds nothing (404), nor another store's."""
    scanned = parse_pickup_qr(text)
    code = scanned[1] if scanned else normalize_code(text)
    row = None
    if code is not None:
        with db.read() as conn:
            row = conn.execute(
                "SELECT id, item FROM pickups WHERE store_id = ? AND code = ?", (store_id, code)
            ).fetchone()
    if row is None or (scanned and row[0] != scanned[0]):
        raise not_found(f"No pickup order of this store has the code {text!r}.")
    return PickupOrder.model_validate_json(row[1])


def expire(db: Database, now_text: str | None) -> ExpireResponse:
    """Expire open orders whose ``expires_at`` has passed (no-shows), releasing their stock."""
    clock = utc_now()
    now = instants.normalize(now_text) if now_text else clock
    expired: list[ExpiredPickup] = []
    with db.write() as conn:
        rows = conn.execute(
            "SELECT item FROM pickups WHERE state IN ('received', 'preparing', 'ready') "
            "AND expires_at <= ? ORDER BY expires_at LIMIT ?",
            (now, _EXPIRE_BATCH + 1),
        ).fetchall()
        for (item,) in rows[:_EXPIRE_BATCH]:
            order = PickupOrder.model_validate_json(item)
            stock = StockChanges(order.store_id, clock)
            save(conn, apply(order, Move("expired", now), Actor("central"), clock, stock))
            stock.flush(conn)
            expired.append(
                ExpiredPickup(order_id=order.id, store_id=order.store_id, from_state=order.state)
            )
    return ExpireResponse(now=now, expired=expired, has_more=len(rows) > _EXPIRE_BATCH)
