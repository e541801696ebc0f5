"""The ``pickups`` feed into the store: each order exactly as central last sent it,
replaced only by a newer version (a page applied twice, or out of date, changes nothing).
The desk's own moves are laid over these rows when read (``pos.store.pickup_orders``)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from pos.domain.text_keys import name_key
from pos.store.feed_cursors import forget, page_transaction
from pos.store.sale_codec import utc_now

FEED = "pickups"


# -- what the feed sends (sync.contract's PickupOrder fits) -----------------------------


class _CustomerLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def phone(self) -> str: ...


class PickupItemLike(Protocol):
    """An order as the pickups feed sends it; its lines, promotion and history events
    are read by attribute the same way (see ``_line_row`` and ``_history``)."""

    @property
    def id(self) -> str: ...
    @property
    def store_id(self) -> str: ...
    @property
    def pickup_code(self) -> str: ...
    @property
    def qr_text(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def customer(self) -> _CustomerLike: ...
    @property
    def paid(self) -> bool: ...
    @property
    def lines(self) -> Sequence[Any]: ...
    @property
    def total_cents(self) -> int: ...
    @property
    def picked_total_cents(self) -> int | None: ...
    @property
    def collected_total_cents(self) -> int | None: ...
    @property
    def partial(self) -> bool: ...
    @property
    def sale_id(self) -> str | None: ...
    @property
    def created_at(self) -> str: ...
    @property
    def due_at(self) -> str | None: ...
    @property
    def expires_at(self) -> str: ...
    @property
    def updated_at(self) -> str: ...
    @property
    def history(self) -> Sequence[Any]: ...


_VERSIONS = "SELECT id, version FROM pickup_orders WHERE id IN (SELECT value FROM json_each(?))"
_UPSERT = """
INSERT INTO pickup_orders (id, store_id, pickup_code, qr_text, state, version, customer_name,
    customer_email, customer_phone, paid, partial, total_cents, picked_total_cents,
    collected_total_cents, sale_id, created_at, due_at, expires_at, updated_at, history,
    search_key, pulled_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    store_id = excluded.store_id, pickup_code = excluded.pickup_code,
    qr_text = excluded.qr_text, state = excluded.state, version = excluded.version,
    customer_name = excluded.customer_name, customer_email = excluded.customer_email,
    customer_phone = excluded.customer_phone, paid = excluded.paid,
    partial = excluded.partial, total_cents = excluded.total_cents,
    picked_total_cents = excluded.picked_total_cents,
    collected_total_cents = excluded.collected_total_cents, sale_id = excluded.sale_id,
    created_at = excluded.created_at, due_at = excluded.due_at,
    expires_at = excluded.expires_at, updated_at = excluded.updated_at,
    history = excluded.history, search_key = excluded.search_key,
    pulled_at = excluded.pulled_at
"""
_DROP_LINES = "DELETE FROM pickup_lines WHERE order_id = ?"
_PUT_LINE = "INSERT INTO pickup_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"


def apply_page(conn: sqlite3.Connection, items: Iterable[PickupItemLike], next_cursor: str) -> int:
    """Store a page of orders and ``next_cursor`` in one transaction; return the number
    of items. An item replaces the stored order only when its version is newer."""
    latest: dict[str, PickupItemLike] = {}
    count = 0
    for item in items:  # change order: a later item of the same order is newer
        count += 1
        if item.id not in latest or item.version > latest[item.id].version:
            latest[item.id] = item
    stamp = utc_now()
    with page_transaction(conn, FEED, next_cursor):
        known = dict(conn.execute(_VERSIONS, (json.dumps(list(latest)),)).fetchall())
        for item in latest.values():
            if item.version > known.get(item.id, 0):
                _store(conn, item, stamp)
    return count


def restart(conn: sqlite3.Connection) -> None:
    """Pull the orders again from the beginning (the API refused our cursor); stored
    orders stay until newer versions replace them."""
    forget(conn, FEED)


def _store(conn: sqlite3.Connection, item: PickupItemLike, stamp: str) -> None:
    customer = item.customer
    conn.execute(
        _UPSERT,
        (
            item.id, item.store_id, item.pickup_code, item.qr_text, item.state, item.version,
            customer.name, customer.email, customer.phone, int(item.paid), int(item.partial),
            item.total_cents, item.picked_total_cents, item.collected_total_cents, item.sale_id,
            item.created_at, item.due_at, item.expires_at, item.updated_at,
            json.dumps(_history(item.history), ensure_ascii=False),
            search_key(item.id, item.pickup_code, customer.name, customer.email, customer.phone),
            stamp,
        ),
    )  # fmt: skip
    conn.execute(_DROP_LINES, (item.id,))
    conn.executemany(_PUT_LINE, [_line_row(item.id, line) for line in item.lines])


def _line_row(order_id: str, line: Any) -> tuple[object, ...]:
    promotion = line.promotion.name if line.promotion is not None else None
    return (
        order_id, line.line_no, line.product_id, line.sku, line.name, str(line.sold_by),
        line.quantity, line.list_price_cents, line.unit_price_cents, line.vat_bp, promotion,
        line.discount_cents, line.total_cents, line.picked_quantity, line.collected_quantity,
        getattr(line, "short_quantity", 0), _promotions(line),
    )  # fmt: skip


def _promotions(line: Any) -> str:
    """Central's promotions on the line (contract v2), as ``[[id, name, cents], ...]``;
    with them the unit price is the list price and they take off the rest."""
    found = getattr(line, "promotions", None) or []
    return json.dumps([[p.promotion_id, p.name, p.discount_cents] for p in found],
                      ensure_ascii=False)  # fmt: skip


_EVENT_FIELDS = ("version", "from_state", "state", "at", "channel", "terminal_id", "staff",
                 "reason")  # fmt: skip


def _history(events: Sequence[Any]) -> list[dict[str, Any]]:
    """The events as ``OrderEvent`` reads them back (``recorded_at`` and ``op_id`` are
    central's bookkeeping)."""
    return [{name: getattr(event, name) for name in _EVENT_FIELDS} for event in events]


def search_key(order_id: str, code: str, name: str, email: str, phone: str) -> str:
    """Words an order is found by, whatever the case, accents, hyphens or spaces typed."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    parts = (name_key(order_id), order_id.lower(), name_key(code), code.replace("-", "").lower(),
             name_key(name), name_key(email), email.lower(), digits)  # fmt: skip
    return " ".join(part for part in parts if part)


# -- reading -------------------------------------------------------------------------------
