"""The till acts pushed beside the till day (kinds ``sale_cancelled`` and
``drawer_opened``): a cancelled sale with its lines, the drawer opened without a sale.

Each is queued in the transaction that records it at the till, so central (and Medusa's
Comptoir plugin) keep what the till keeps, with the approval that allowed it. The wire
shapes are ``sync.contract.till_acts``'s; this layer does not import it, so the field
names are spelt here once.
"""

from __future__ import annotations

import sqlite3
import uuid

from pos.domain.basket import Basket, BasketLine
from pos.domain.rights import Actor
from pos.store import outbox
from pos.store.cancelled_sales import CancelledSale

SALE_CANCELLED = "sale_cancelled"
DRAWER_OPENED = "drawer_opened"


def _by(actor: Actor) -> dict:
    return {"staff_id": actor.staff_id, "name": actor.display_name}


def _line(line: BasketLine) -> dict:
    return {
        "product_id": line.product.id,
        "sku": line.product.sku,
        "name": line.product.name,
        "quantity": line.quantity,
        "net_cents": 0 if line.voided else line.net_cents,
        "voided": line.voided,
    }


def queue_cancelled(
    conn: sqlite3.Connection, sale: CancelledSale, basket: Basket, actor: Actor
) -> None:
    """Call inside the transaction that records the cancel (``cancelled_sales.record``)."""
    payload = {
        "sale_id": sale.sale_id,
        "terminal_id": sale.terminal_id,
        "by": _by(actor),
        "lines": [_line(line) for line in basket.lines],
        "total_cents": sale.total_cents,
        "tenders": [
            {"kind": str(t["kind"]), "amount_cents": int(t["amount_cents"])} for t in sale.tenders
        ],
        "started_at": sale.started_at,
        "at": sale.at,
        "approval_id": sale.approval_id,
    }
    outbox.enqueue(conn, f"cancel-{sale.sale_id}", SALE_CANCELLED, payload, now=sale.at)


def cancelled_detail(sale: CancelledSale, basket: Basket) -> dict:
    """The JET's ``sale_cancelled`` detail: the basket's lines (ids, not names) and the
    tenders taken, in cents."""
    lines = []
    for line in basket.lines:
        entry = _line(line)
        del entry["name"]
        lines.append(entry)
    return {
        "sale_id": sale.sale_id,
        "total_cents": sale.total_cents,
        "lines": lines,
        "tenders": [
            {"kind": str(t["kind"]), "amount_cents": int(t["amount_cents"])} for t in sale.tenders
        ],
        "approval_id": sale.approval_id,
    }


def queue_drawer_opened(
    conn: sqlite3.Connection,
    terminal_id: str,
    actor: Actor,
    reason: str,
    approval_id: str | None,
    at: str,
) -> None:
    """Call inside the transaction that records the opening in ``drawer_events``."""
    opening_id = str(uuid.uuid4())
    payload = {
        "opening_id": opening_id,
        "terminal_id": terminal_id,
        "by": _by(actor),
        "reason": reason,
        "at": at,
        "approval_id": approval_id,
    }
    outbox.enqueue(conn, f"drawer-{opening_id}", DRAWER_OPENED, payload, now=at)
