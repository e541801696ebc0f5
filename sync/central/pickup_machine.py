"""The pickup state machine as central applies it, whoever asks, and the orders' storage.

Stock follows the state. An open order holds (``reserved``) what it may still hand over:
every ordered unit until it is ready, then what was picked (the missing units go back on
sale at once). Collecting releases the hold and takes what was handed over off
``on_hand``, unless a sale (``sale_id``) took the payment: a sale moves stock itself, so
the handover must not move it twice. Cancelling or expiring releases the hold.

Callers check who may ask for what (a desk, the web shop, the expiry run); ``apply``
checks the counts and computes the next order, with the stock changes it implies.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from sync.central import instants
from sync.central.db import next_change_seqs
from sync.central.pricing import portion_cents
from sync.central.stock import StockChanges
from sync.contract.operations import CONFLICT, INVALID_LINES
from sync.contract.pickups import PICKUP_HOLD_DAYS, PickupEvent, PickupLine, PickupOrder

HANDED_OVER = frozenset({"collected", "partially_collected"})
_DONE = {
    "received": "placed",
    "preparing": "taken into preparation",
    "ready": "made ready",
    "collected": "collected",
    "partially_collected": "partially collected",
    "cancelled": "cancelled",
    "expired": "expired unclaimed",
}


class Refused(Exception):
    """A move central will not make: a stable code (an operation's rejection code) and a
    sentence for the staff."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


@dataclass(frozen=True, slots=True)
class Actor:
    channel: str  # web, terminal, central
    terminal_id: str | None = None
    staff: str | None = None
    op_id: str | None = None


@dataclass(frozen=True, slots=True)
class Move:
    to_state: str
    at: str  # when it happened, house format
    counts: Mapping[str, int] | None = None  # picked (to ready) or handed over, per SKU
    sale_id: str | None = None
    reason: str | None = None


def held(line: PickupLine, state: str) -> int:
    """What the line holds in the store's ``reserved`` while the order is in ``state``."""
    if state in ("received", "preparing"):
        return line.quantity
    if state == "ready":
        return line.picked_quantity or 0
    return 0


def describe(order: PickupOrder) -> str:
    """What last happened to the order, by whom and when: "cancelled online at …"."""
    event = order.history[-1]
    if event.channel == "web":
        where = "online"
    elif event.channel == "terminal":
        where = f"at terminal {event.terminal_id}" + (f" by {event.staff}" if event.staff else "")
    else:
        where = "by central"
    return f"{_DONE[order.state]} {where} at {event.at}"


def conflict(order: PickupOrder, from_state: str, expected_version: int) -> Refused:
    return Refused(
        CONFLICT,
        f"Order {order.id} is {order.state} (version {order.version}): {describe(order)}. "
        f"This move expected it {from_state} at version {expected_version}.",
    )


def apply(
    order: PickupOrder, move: Move, actor: Actor, now: str, stock: StockChanges
) -> PickupOrder:
    """The order after ``move`` (legal from its state: the caller checked), its stock
    changes added to ``stock``; Refused (``invalid_lines``) when the counts do not fit."""
    lines = _next_lines(order, move)
    for before, after in zip(order.lines, lines, strict=True):
        released = held(before, order.state) - held(after, move.to_state)
        if released:
            stock.reserve(after.product_id, after.sku, -released)
        if move.to_state in HANDED_OVER and move.sale_id is None and after.collected_quantity:
            stock.move(
                after.product_id, after.sku, -after.collected_quantity, "pickup", order.id,
                actor.op_id,
            )  # fmt: skip
    event = PickupEvent.model_validate(
        {
            "version": order.version + 1,
            "from_state": order.state,
            "state": move.to_state,
            "at": move.at,
            "recorded_at": now,
            "channel": actor.channel,
            "terminal_id": actor.terminal_id,
            "staff": actor.staff,
            "op_id": actor.op_id,
            "reason": move.reason,
        }
    )
    expires_at = order.expires_at
    if move.to_state == "ready":
        expires_at = max(expires_at, instants.later(now, days=PICKUP_HOLD_DAYS))
    return PickupOrder.model_validate(
        order.model_dump()
        | {
            "state": move.to_state,
            "version": order.version + 1,
            "lines": [line.model_dump() for line in lines],
            "picked_total_cents": _total(lines, "picked_quantity"),
            "collected_total_cents": _total(lines, "collected_quantity"),
            "partial": any(
                line.picked_quantity is not None and line.picked_quantity < line.quantity
                for line in lines
            ),
            "sale_id": move.sale_id or order.sale_id,
            "expires_at": expires_at,
            "updated_at": now,
            "history": [*order.model_dump()["history"], event.model_dump()],
        }
    )


def _total(lines: list[PickupLine], field: str) -> int | None:
    counts = [getattr(line, field) for line in lines]
    if any(count is None for count in counts):
        return None
    return sum(portion_cents(line, count) for line, count in zip(lines, counts, strict=True))


def _next_lines(order: PickupOrder, move: Move) -> list[PickupLine]:
    counts = move.counts
    if counts is not None:
        if move.to_state not in ("ready", *HANDED_OVER):
            raise Refused(INVALID_LINES, f"Moving to {move.to_state} takes no lines.")
        unknown = sorted(set(counts) - {line.sku for line in order.lines})
        if unknown:
            raise Refused(INVALID_LINES, f"Order {order.id} has no line for {unknown[0]!r}.")
    if move.to_state == "ready":
        return _picked(order, counts or {})
    if move.to_state in HANDED_OVER:
        return _handed_over(order, move.to_state, counts or {})
    return list(order.lines)


def _picked(order: PickupOrder, counts: Mapping[str, int]) -> list[PickupLine]:
    lines = []
    for line in order.lines:
        picked = counts.get(line.sku, line.quantity)
        if picked > line.quantity:
            raise Refused(
                INVALID_LINES, f"{picked} of {line.sku!r} picked, only {line.quantity} ordered."
            )
        lines.append(line.model_copy(update={"picked_quantity": picked}))
    if not any(line.picked_quantity for line in lines):
        raise Refused(INVALID_LINES, "Nothing was picked: cancel the order instead.")
    return lines


def _handed_over(order: PickupOrder, to_state: str, counts: Mapping[str, int]) -> list[PickupLine]:
    lines = []
    for line in order.lines:
        picked = line.picked_quantity or 0
        given = counts.get(line.sku, picked)
        if given > picked:
            raise Refused(
                INVALID_LINES, f"{given} of {line.sku!r} handed over, only {picked} picked."
            )
        lines.append(line.model_copy(update={"collected_quantity": given}))
    short = any((line.collected_quantity or 0) < (line.picked_quantity or 0) for line in lines)
    if not any(line.collected_quantity for line in lines):
        raise Refused(INVALID_LINES, "Nothing was handed over: cancel the order instead.")
    if to_state == "collected" and short:
        raise Refused(INVALID_LINES, "Less than was picked was handed over: partially_collected.")
    if to_state == "partially_collected" and not short:
        raise Refused(INVALID_LINES, "Everything picked was handed over: that is collected.")
    return lines


# -- storage --------------------------------------------------------------------------


def load(conn: sqlite3.Connection, order_id: str) -> PickupOrder | None:
    row = conn.execute("SELECT item FROM pickups WHERE id = ?", (order_id,)).fetchone()
    return PickupOrder.model_validate_json(row[0]) if row else None


def save(conn: sqlite3.Connection, order: PickupOrder, request_hash: str = "") -> None:
    """Write the order with a fresh change_seq (it reaches its store's ``pickups`` feed);
    ``request_hash`` only when it is created."""
    seq = next_change_seqs(conn, 1)
    conn.execute(
        "INSERT INTO pickups (id, store_id, code, state, version, expires_at, request, item, "
        "change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "state = excluded.state, version = excluded.version, "
        "expires_at = excluded.expires_at, item = excluded.item, "
        "change_seq = excluded.change_seq",
        (order.id, order.store_id, order.pickup_code, order.state, order.version,
         order.expires_at, request_hash, order.model_dump_json(), seq),
    )  # fmt: skip
