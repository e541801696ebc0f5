"""Orders a till places for a customer (issue 16, the endless aisle).

``pickup``: a click-and-collect order at another store, placed exactly as the web shop
places one (``pickup_orders.place``: priced, its lines reserved there, served in that
store's pickups feed, paid at its desk), so the desk needs nothing new. ``delivery``: a
web order reserved at the web warehouse and left to pay online. Both are recorded here
whole, idempotent by order id: a till retrying after a lost reply gets the same order,
never a second one; the same id with another request is a 409.
"""

from __future__ import annotations

import hashlib
import sqlite3

from sync.central import instants
from sync.central.db import Database, utc_now
from sync.central.errors import ApiError, bad_request, conflict, not_found
from sync.central.network_stock import location, web_warehouse
from sync.central.pickup_orders import place as place_pickup
from sync.central.pricing import price_lines
from sync.central.stock import StockChanges, level
from sync.contract.network import CustomerOrder, CustomerOrderRequest
from sync.contract.pickups import PickupCustomer, PickupOrderRequest
from sync.contract.pricing import PricedLine


def place(db: Database, ordered_by: str, request: CustomerOrderRequest) -> CustomerOrder:
    fingerprint = hashlib.sha256(f"{ordered_by}\n{request.model_dump_json()}".encode()).hexdigest()
    with db.read() as conn:
        found = _recorded(conn, request.order_id, fingerprint)
        if found is not None:
            return found
        customer = _customer(conn, request.customer_id)
    if request.fulfilment == "pickup":
        return _pickup(db, ordered_by, request, customer, fingerprint)
    return _delivery(db, ordered_by, request, fingerprint)


def _recorded(conn: sqlite3.Connection, order_id: str, fingerprint: str) -> CustomerOrder | None:
    row = conn.execute(
        "SELECT request, item FROM customer_orders WHERE id = ?", (order_id,)
    ).fetchone()
    if row is None:
        return None
    if row[0] != fingerprint:
        raise conflict(f"Order {order_id!r} exists with another request.")
    return CustomerOrder.model_validate_json(row[1])


def _customer(conn: sqlite3.Connection, customer_id: str) -> PickupCustomer:
    row = conn.execute(
        "SELECT name, email, phone FROM customers WHERE id = ? AND active = 1", (customer_id,)
    ).fetchone()
    if row is None:
        raise ApiError(404, "customer_unknown", f"There is no customer {customer_id!r}.")
    return PickupCustomer(name=row[0] or customer_id, email=row[1], phone=row[2])


def _pickup(
    db: Database,
    ordered_by: str,
    request: CustomerOrderRequest,
    customer: PickupCustomer,
    fingerprint: str,
) -> CustomerOrder:
    store_id = request.pickup_store_id
    if store_id is None:
        raise bad_request("A pickup order needs pickup_store_id.")
    with db.read() as conn:
        found = location(conn, store_id)
    if found is None:
        raise not_found(f"There is no store {store_id!r}.")
    if found[1] != "store":
        raise conflict(f"{found[0]} is a warehouse: it takes no pickup orders.")
    pickup = place_pickup(
        db,
        PickupOrderRequest(
            order_id=request.order_id,
            store_id=store_id,
            customer=customer,
            lines=request.lines,
            paid=False,
            customer_id=request.customer_id,
        ),
    )
    order = CustomerOrder(
        order_id=pickup.id, fulfilment="pickup", location_id=store_id, location_name=found[0],
        ordered_by=ordered_by, customer_id=request.customer_id, state="received",
        paid=pickup.paid, pickup_code=pickup.pickup_code, total_cents=pickup.total_cents,
        lines=[PricedLine.model_validate(x.model_dump(include=_PRICED)) for x in pickup.lines],
        created_at=pickup.created_at,
    )  # fmt: skip
    return _record(db, order, fingerprint)


_PRICED = set(PricedLine.model_fields)


def _delivery(
    db: Database, ordered_by: str, request: CustomerOrderRequest, fingerprint: str
) -> CustomerOrder:
    if request.address is None:
        raise bad_request("A delivery order needs an address.")
    now = utc_now()
    with db.write() as conn:
        warehouse = web_warehouse(conn)
        if warehouse is None:
            raise conflict("There is no web warehouse to ship from.")
        priced = price_lines(
            conn, request.lines, instants.parse(now), store_id=warehouse,
            customer_id=request.customer_id,
        )  # fmt: skip
        stock = StockChanges(warehouse, now)
        for line in priced:
            on_hand, reserved = level(conn, warehouse, line.product_id) or (0, 0)
            if on_hand - reserved < line.quantity:
                raise conflict(
                    f"Only {max(on_hand - reserved, 0)} of {line.sku!r} available in "
                    f"{warehouse!r}, {line.quantity} ordered."
                )
            stock.reserve(line.product_id, line.sku, line.quantity)
        name = (location(conn, warehouse) or (warehouse, ""))[0]
        order = CustomerOrder(
            order_id=request.order_id, fulfilment="delivery", location_id=warehouse,
            location_name=name, ordered_by=ordered_by, customer_id=request.customer_id,
            state="received", paid=False, pickup_code=None,
            total_cents=sum(line.total_cents for line in priced), lines=priced, created_at=now,
        )  # fmt: skip
        stock.flush(conn)
        _insert(conn, order, fingerprint)
    return order


def _record(db: Database, order: CustomerOrder, fingerprint: str) -> CustomerOrder:
    """Record a pickup order placed just before (a crash in between: the retry places it
    again, which ``pickup_orders.place`` answers as placed, and records it then)."""
    with db.write() as conn:
        found = _recorded(conn, order.order_id, fingerprint)
        if found is not None:
            return found
        _insert(conn, order, fingerprint)
    return order


def _insert(conn: sqlite3.Connection, order: CustomerOrder, fingerprint: str) -> None:
    conn.execute(
        "INSERT INTO customer_orders (id, ordered_by, request, item, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (order.order_id, order.ordered_by, fingerprint, order.model_dump_json(), order.created_at),
    )
