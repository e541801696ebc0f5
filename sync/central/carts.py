"""Online carts: made and priced for the web shop, loaded and converted by a till.

The cart keeps the prices it was given until it expires, so the till charges what the
customer saw online even if a promotion ended in between. A cart becomes one sale: a
till retrying its conversion (same sale id) gets the same answer; another sale is refused
(409 ``cart_converted``), and a till loading a spent or expired cart is told why (410).
"""

from __future__ import annotations

import secrets
import sqlite3

from sync.central import instants
from sync.central.auth import Terminal
from sync.central.db import Database, utc_now
from sync.central.errors import ApiError, bad_request, not_found
from sync.central.pricing import price_lines
from sync.central.short_codes import mint
from sync.contract.carts import CART_HOURS, CART_MAX_DAYS, Cart, CartConvertRequest, CartRequest
from sync.contract.codes import cart_qr_text, normalize_code, parse_cart_qr

_CODE_TAKEN = "SELECT 1 FROM carts WHERE code = ?"


def put(db: Database, request: CartRequest) -> tuple[Cart, bool]:
    """Make the cart, or replace an open one's lines; return it and whether it is new."""
    now = utc_now()
    expires_at = _expiry(request.expires_at, now)
    with db.write() as conn:
        existing = _load(conn, "id", request.cart_id) if request.cart_id else None
        if existing is not None and existing.state == "converted":
            raise _converted(existing, 409)
        _check_refs(conn, request)
        lines = price_lines(
            conn,
            request.lines,
            instants.parse(now),
            store_id=request.store_id,
            customer_id=request.customer_id,
        )
        cart_id = request.cart_id or f"cart-{secrets.token_hex(8)}"
        code = existing.code if existing else mint(conn, _CODE_TAKEN)
        cart = Cart.model_validate(
            {
                "cart_id": cart_id,
                "code": code,
                "qr_text": cart_qr_text(code),
                "state": "open",
                "store_id": request.store_id,
                "customer_id": request.customer_id,
                "lines": [line.model_dump() for line in lines],
                "total_cents": sum(line.total_cents for line in lines),
                "discount_cents": sum(line.discount_cents for line in lines),
                "created_at": existing.created_at if existing else now,
                "updated_at": now,
                "expires_at": expires_at,
                "sale_id": None,
                "converted_at": None,
                "converted_store_id": None,
                "converted_terminal_id": None,
            }
        )
        _save(conn, cart)
    return cart, existing is None


def _expiry(given: str | None, now: str) -> str:
    if given is None:
        return instants.later(now, hours=CART_HOURS)
    at = instants.normalize(given)
    if at <= now:
        raise bad_request(f"expires_at {given} has already passed.")
    if at > instants.later(now, days=CART_MAX_DAYS):
        raise bad_request(f"A cart lives at most {CART_MAX_DAYS} days.")
    return at


def _check_refs(conn: sqlite3.Connection, request: CartRequest) -> None:
    """The store and the customer, when named, must exist (the till will look them up)."""
    checks = (
        ("store", request.store_id, "SELECT 1 FROM stores WHERE id = ?"),
        ("customer", request.customer_id, "SELECT 1 FROM customers WHERE id = ? AND active = 1"),
    )
    for what, value, sql in checks:
        if value is not None and conn.execute(sql, (value,)).fetchone() is None:
            raise not_found(f"There is no {what} {value!r}.")


def find(db: Database, text: str) -> Cart:
    """The cart for a typed code or a scanned cart QR text, if it can still be sold."""
    with db.read() as conn:
        cart = _by_code(conn, text)
    if cart.state == "converted":
        raise _converted(cart, 410)
    _check_alive(cart, utc_now())
    return cart


def convert(db: Database, terminal: Terminal, text: str, request: CartConvertRequest) -> Cart:
    now = utc_now()
    with db.write() as conn:
        cart = _by_code(conn, text)
        if cart.state == "converted":
            if cart.sale_id == request.sale_id:
                return cart
            raise _converted(cart, 409)
        _check_alive(cart, now)
        cart = Cart.model_validate(
            cart.model_dump()
            | {
                "state": "converted",
                "sale_id": request.sale_id,
                "converted_at": now,
                "converted_store_id": terminal.store_id,
                "converted_terminal_id": terminal.terminal_id,
                "updated_at": now,
            }
        )
        _save(conn, cart)
    return cart


def _check_alive(cart: Cart, now: str) -> None:
    if cart.expires_at <= now:
        raise ApiError(410, "cart_expired", f"Cart {cart.code} expired at {cart.expires_at}.")


def _converted(cart: Cart, status: int) -> ApiError:
    return ApiError(
        status,
        "cart_converted",
        f"Cart {cart.code} already became sale {cart.sale_id} at terminal "
        f"{cart.converted_terminal_id} of {cart.converted_store_id} at {cart.converted_at}.",
    )


def _by_code(conn: sqlite3.Connection, text: str) -> Cart:
    code = parse_cart_qr(text) or normalize_code(text)
    cart = _load(conn, "code", code) if code else None
    if cart is None:
        raise not_found(f"There is no cart with the code {text!r}.")
    return cart


def _load(conn: sqlite3.Connection, column: str, value: str) -> Cart | None:
    sql = {
        "id": "SELECT item FROM carts WHERE id = ?",
        "code": "SELECT item FROM carts WHERE code = ?",
    }
    row = conn.execute(sql[column], (value,)).fetchone()
    return Cart.model_validate_json(row[0]) if row else None


def _save(conn: sqlite3.Connection, cart: Cart) -> None:
    conn.execute(
        "INSERT INTO carts (id, code, expires_at, sale_id, item) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at, "
        "sale_id = excluded.sale_id, item = excluded.item",
        (cart.cart_id, cart.code, cart.expires_at, cart.sale_id, cart.model_dump_json()),
    )
