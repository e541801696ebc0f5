"""A desk's ``pickup_transition`` operation, applied inside its push's transaction.

The desk names the state and version it saw; the move applies only if the order is still
exactly there. Pushes hold the single write lock, so of two desks handing over the same
order at once, the first moves it and the second finds a new version: ``conflict``, with
a reason naming what happened ("collected at terminal T02 by Inès at …"). Rejections are
final, as for every operation: versions only grow, so a stale move never becomes good.
"""

from __future__ import annotations

import sqlite3

from sync.central.instants import normalize
from sync.central.loyalty_ledger import earn_order
from sync.central.origins import WEB_PAYMENT_PREFIX
from sync.central.pickup_machine import (
    HANDED_OVER,
    Actor,
    Move,
    Refused,
    apply,
    conflict,
    load,
    save,
)
from sync.central.stock import StockChanges
from sync.contract.operations import (
    ILLEGAL_TRANSITION,
    INVALID_LINES,
    INVALID_PAYLOAD,
    NOT_FOUND,
    UNPAID_HANDOVER,
)
from sync.contract.pickups import (
    DESK_TARGETS,
    PICKUP_TRANSITIONS,
    PickupOrder,
    PickupRefund,
    PickupTransitionPayload,
)


def transition(
    conn: sqlite3.Connection,
    terminal: tuple[str, str],
    op_id: str,
    payload: PickupTransitionPayload,
    stock: StockChanges,
    now: str,
) -> list[str]:
    """Move the order; its warnings, or Refused. ``stock`` is the pushing store's."""
    store_id, terminal_id = terminal
    order = load(conn, payload.order_id)
    if order is None or order.store_id != store_id:
        raise Refused(NOT_FOUND, f"Store {store_id!r} has no pickup order {payload.order_id!r}.")
    if payload.to_state not in DESK_TARGETS or payload.to_state not in PICKUP_TRANSITIONS.get(
        payload.from_state, frozenset()
    ):
        raise Refused(
            ILLEGAL_TRANSITION,
            f"A desk cannot move an order from {payload.from_state} to {payload.to_state}.",
        )
    if (order.state, order.version) != (payload.from_state, payload.expected_version):
        raise conflict(order, payload.from_state, payload.expected_version)
    _check_payment(payload, paid=order.paid)
    move = Move(
        payload.to_state,
        normalize(payload.at),
        counts=_counts(payload),
        sale_id=payload.sale_id,
        reason=payload.reason,
    )
    actor = Actor("terminal", terminal_id, payload.staff, op_id)
    moved = _refund_short(conn, apply(order, move, actor, now, stock), op_id, now)
    save(conn, moved)
    if moved.state in HANDED_OVER and moved.paid:  # paid at the desk: its sale earns
        earn_order(conn, moved, now)
    unpaid = payload.to_state in HANDED_OVER and not order.paid and payload.sale_id is None
    return [UNPAID_HANDOVER] if unpaid else []


def _refund_short(
    conn: sqlite3.Connection, order: PickupOrder, op_id: str, now: str
) -> PickupOrder:
    """A paid order handed over short: what the missing units cost goes back to the online
    payment at once (a ``refunds`` row against the order), shown on the order. An order
    paid by a till's sale (the endless aisle: ``sale_id`` set) had no online payment to
    refund: the store whose till took the money settles the difference."""
    if order.state not in HANDED_OVER or not order.paid or order.sale_id is not None:
        return order
    missing = order.total_cents - (order.collected_total_cents or 0)
    if missing <= 0:
        return order
    conn.execute(
        "INSERT OR IGNORE INTO refunds (origin_id, kind, reference, amount_cents, reason, ref, "
        "at) VALUES (?, 'card', ?, ?, 'short_pickup', ?, ?)",
        (order.id, WEB_PAYMENT_PREFIX + order.id, missing, op_id, now),
    )
    refund = PickupRefund(amount_cents=missing, reason="short_pickup", at=now, op_id=op_id)
    return order.model_copy(update={"refunds": [*order.refunds, refund]})


def _check_payment(payload: PickupTransitionPayload, *, paid: bool) -> None:
    """``sale_id`` names the sale that took an unpaid order's money, at its handover."""
    if payload.sale_id is None:
        return
    if payload.to_state not in HANDED_OVER:
        raise Refused(INVALID_PAYLOAD, "sale_id comes with a handover (collected) only.")
    if paid:
        raise Refused(INVALID_PAYLOAD, "This order was paid online: no sale takes its payment.")


def _counts(payload: PickupTransitionPayload) -> dict[str, int] | None:
    if payload.lines is None:
        return None
    counts = {line.sku: line.quantity for line in payload.lines}
    if len(counts) != len(payload.lines):
        raise Refused(INVALID_LINES, "A SKU is listed twice.")
    return counts
