"""The web shop's channel: availability across stores, and reservations holding stock.

A reservation raises the store's ``reserved`` (so the stock feed shows it to the tills)
and is idempotent by id: the same request again answers the same reservation; the same
id with other lines or another store is a conflict. Releasing twice is harmless.
"""

from __future__ import annotations

import json
import sqlite3

from sync.central.db import Database, utc_now
from sync.central.errors import conflict, not_found
from sync.central.stock import StockChanges, level
from sync.contract.web import (
    AvailabilityResponse,
    ReservationLine,
    ReservationRequest,
    ReservationResponse,
    StoreAvailability,
)


def availability(db: Database, sku: str) -> AvailabilityResponse:
    with db.read() as conn:
        product = conn.execute("SELECT id FROM products WHERE sku = ?", (sku,)).fetchone()
        if product is None:
            raise not_found(f"There is no product {sku!r}.")
        stores = [row[0] for row in conn.execute("SELECT id FROM stores ORDER BY id")]
        levels = [(store_id, level(conn, store_id, product[0]) or (0, 0)) for store_id in stores]
    return AvailabilityResponse(
        sku=sku,
        stores=[
            StoreAvailability(
                store_id=store_id, on_hand=on_hand, reserved=reserved, available=on_hand - reserved
            )
            for store_id, (on_hand, reserved) in levels
        ],
    )


def _lines_json(lines: list[ReservationLine]) -> str:
    return json.dumps([line.model_dump() for line in lines], separators=(",", ":"))


def _response(reservation_id: str, store_id: str, status: str, lines: str) -> ReservationResponse:
    return ReservationResponse.model_validate(
        {
            "reservation_id": reservation_id,
            "store_id": store_id,
            "status": status,
            "lines": json.loads(lines),
        }
    )


def reserve(db: Database, request: ReservationRequest) -> ReservationResponse:
    """Hold the lines in the store; refuse (409) more than is available, all or nothing."""
    lines = _lines_json(request.lines)
    with db.write() as conn:
        existing = conn.execute(
            "SELECT store_id, lines, status FROM reservations WHERE id = ?",
            (request.reservation_id,),
        ).fetchone()
        if existing is not None:
            if (existing[0], existing[1]) != (request.store_id, lines):
                raise conflict(
                    f"Reservation {request.reservation_id!r} exists with other lines or store."
                )
            store_id, lines, status = existing
            return _response(request.reservation_id, store_id, status, lines)
        if (
            conn.execute("SELECT 1 FROM stores WHERE id = ?", (request.store_id,)).fetchone()
            is None
        ):
            raise not_found(f"There is no store {request.store_id!r}.")
        changes = StockChanges(request.store_id, utc_now())
        for product_id, sku, quantity in _wanted(conn, request):
            on_hand, reserved = level(conn, request.store_id, product_id) or (0, 0)
            if on_hand - reserved < quantity:
                raise conflict(
                    f"Only {max(on_hand - reserved, 0)} of {sku!r} available in "
                    f"{request.store_id!r}, {quantity} asked."
                )
            changes.reserve(product_id, sku, quantity)
        changes.flush(conn)
        conn.execute(
            "INSERT INTO reservations (id, store_id, lines, status, created_at) "
            "VALUES (?, ?, ?, 'held', ?)",
            (request.reservation_id, request.store_id, lines, changes.at),
        )
    return _response(request.reservation_id, request.store_id, "held", lines)


def _wanted(conn: sqlite3.Connection, request: ReservationRequest) -> list[tuple[int, str, int]]:
    """``(product_id, sku, quantity)`` per product, lines of one SKU added up."""
    totals: dict[str, int] = {}
    for line in request.lines:
        totals[line.sku] = totals.get(line.sku, 0) + line.quantity
    wanted = []
    for sku, quantity in totals.items():
        row = conn.execute("SELECT id FROM products WHERE sku = ?", (sku,)).fetchone()
        if row is None:
            raise not_found(f"There is no product {sku!r}.")
        wanted.append((int(row[0]), sku, quantity))
    return wanted


def release(db: Database, reservation_id: str) -> ReservationResponse:
    with db.write() as conn:
        row = conn.execute(
            "SELECT store_id, lines, status FROM reservations WHERE id = ?", (reservation_id,)
        ).fetchone()
        if row is None:
            raise not_found(f"There is no reservation {reservation_id!r}.")
        store_id, lines, status = row
        if status == "held":
            changes = StockChanges(store_id, utc_now())
            request = ReservationRequest.model_validate(
                {"reservation_id": reservation_id, "store_id": store_id, "lines": json.loads(lines)}
            )
            for product_id, sku, quantity in _wanted(conn, request):
                changes.reserve(product_id, sku, -quantity)
            changes.flush(conn)
            conn.execute(
                "UPDATE reservations SET status = 'released', released_at = ? WHERE id = ?",
                (changes.at, reservation_id),
            )
    return _response(reservation_id, store_id, "released", lines)
