"""The store's click-and-collect orders, as the desk sees them: central's state with the
desk's own moves laid over it, so the desk works at once and offline.

Two sources, never mixed on disk:

* ``pickup_orders``/``pickup_lines``: each order exactly as the ``pickups`` feed last
  brought it. A page item replaces the stored order only if its version is newer, so a
  page applied twice, or out of date, changes nothing.
* ``pickup_moves``: each move made at this desk, committed with its ``pickup_transition``
  outbox row (same op_id, same transaction). Its fate is that row's: pending,
  acknowledged, or rejected.

Reading folds the moves over central's order, in outbox order. A move counts while
central has not reached the version it produces (``expected_version + 1``): so a pull of
an older or equal version never undoes it, an acknowledged move holds until the pull
that shows it, and once central is past it the pulled order is the truth. A rejected
move never counts (the order falls back to central's state) and is listed as a conflict,
with the server's reason, until the staff dismiss it. A move whose predecessor was
rejected no longer follows on from the state shown, so it stops counting too.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pos.domain.discount import allocate
from pos.domain.pickup import OPEN_STATES, PickupState
from pos.domain.product import SoldBy
from pos.domain.quantity import line_gross, line_portion
from pos.domain.sale import LinePromotion
from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.outbox import enqueue
from pos.store.sale_codec import utc_now

KIND = "pickup_transition"
_OPEN_SQL = "state IN ('received', 'preparing', 'ready')"  # OPEN_STATES, as central has them


# -- what the desk reads -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeskLine:
    """One ordered product at the order's price; quantities are units or grams."""

    line_no: int
    product_id: int
    sku: str
    name: str
    sold_by: SoldBy
    quantity: int  # ordered
    list_price_cents: int
    unit_price_cents: int  # what the customer pays per unit (per kg by weight)
    vat_bp: int
    promotion: str | None
    discount_cents: int
    total_cents: int
    picked_quantity: int | None  # once ready
    collected_quantity: int | None  # once handed over
    short_quantity: int = 0  # lacking at this store when the order was placed
    promotions: tuple[LinePromotion, ...] = ()  # central's (contract v2): unit = list price

    def cost_of(self, count: int) -> int:
        """What ``count`` of the ordered quantity costs: with central's promotions, the
        line's total in proportion, half up (all of it: exactly ``total_cents``), as
        central prices a partial pickup; before them, the discounted unit price."""
        if not self.promotions:
            return line_gross(self.unit_price_cents, count, self.sold_by)
        return line_portion(self.total_cents, self.quantity, count)

    def promotions_of(self, count: int) -> tuple[LinePromotion, ...]:
        """Central's promotions on ``count`` of the line: what they take off that part
        (its list price less ``cost_of``), shared in proportion to their amounts."""
        if not self.promotions or count == self.quantity:
            return self.promotions
        off = line_gross(self.unit_price_cents, count, self.sold_by) - self.cost_of(count)
        shares = allocate(off, [p.discount_cents for p in self.promotions])
        return tuple(
            replace(p, discount_cents=cents)
            for p, cents in zip(self.promotions, shares, strict=True)
            if cents > 0
        )


@dataclass(frozen=True, slots=True)
class OrderEvent:
    """One step of central's history: who moved the order where, and when."""

    version: int
    from_state: str | None
    state: str
    at: str
    channel: str  # web, terminal, central
    terminal_id: str | None
    staff: str | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class DeskOrder:
    """An order as the desk shows it: ``state``/``version`` include this desk's moves in
    effect; ``central_*`` are what central said last; ``unsynced`` counts moves made here
    that central has not acknowledged yet."""

    id: str
    store_id: str
    pickup_code: str
    qr_text: str
    state: PickupState
    version: int
    central_state: PickupState
    central_version: int
    customer_name: str
    customer_email: str
    customer_phone: str
    paid: bool
    partial: bool
    total_cents: int
    picked_total_cents: int | None
    collected_total_cents: int | None
    sale_id: str | None
    created_at: str
    due_at: str | None
    expires_at: str
    updated_at: str
    lines: tuple[DeskLine, ...]
    history: tuple[OrderEvent, ...]
    unsynced: int

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def short_lines(self) -> tuple[DeskLine, ...]:
        """Lines the store lacked stock for when the order was placed (to tell the customer)."""
        return tuple(line for line in self.lines if line.short_quantity > 0)


@dataclass(frozen=True, slots=True)
class DeskMove:
    """A move made at this desk and what became of its outbox row."""

    op_id: str
    order_id: str
    from_state: str
    to_state: str
    expected_version: int
    counts: Mapping[str, int] | None
    staff: str
    at: str
    sale_id: str | None
    reason: str | None
    acked: bool
    rejected_code: str | None  # set when central refused it for good
    rejected_reason: str
    rejected_at: str | None


@dataclass(frozen=True, slots=True)
class MoveRequest:
    """What a use case asks for, decided against the order as it is in the transaction."""

    to_state: PickupState
    staff: str
    at: str  # the desk's clock, ISO 8601 with an offset
    counts: Mapping[str, int] | None = None  # picked (to ready) or handed over, per SKU
    sale_id: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """A move central refused, and the order as it stands now (central's state)."""

    move: DeskMove
    order: DeskOrder


# -- the pickups feed ----------------------------------------------------------------------

_ORDER_COLUMNS = """id, store_id, pickup_code, qr_text, state, version, customer_name,
    customer_email, customer_phone, paid, partial, total_cents, picked_total_cents,
    collected_total_cents, sale_id, created_at, due_at, expires_at, updated_at, history"""
_LINES = """
SELECT order_id, line_no, product_id, sku, name, sold_by, quantity, list_price_cents,
    unit_price_cents, vat_bp, promotion, discount_cents, total_cents, picked_quantity,
    collected_quantity, short_quantity, promotions
FROM pickup_lines WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, line_no
"""
_MOVES = """
SELECT m.op_id, m.order_id, m.from_state, m.to_state, m.expected_version, m.counts, m.staff,
    m.at, m.sale_id, m.reason, x.acked_at IS NOT NULL, x.rejected_code,
    coalesce(x.last_error, ''), x.rejected_at
FROM pickup_moves AS m JOIN outbox AS x ON x.op_id = m.op_id
WHERE m.order_id IN (SELECT value FROM json_each(?)) ORDER BY x.seq
"""
_CONFLICTS = """
SELECT m.order_id, m.op_id FROM outbox AS x JOIN pickup_moves AS m ON m.op_id = x.op_id
WHERE x.rejected_at IS NOT NULL AND m.dismissed_at IS NULL ORDER BY x.seq
"""


def get(conn: sqlite3.Connection, order_id: str) -> DeskOrder | None:
    found = _load(conn, "id = ?", (order_id,))
    return found[0] if found else None


def by_code(conn: sqlite3.Connection, code: str) -> DeskOrder | None:
    """The order with this canonical ``XXXX-XXXX`` pickup code (unique in the store)."""
    found = _load(conn, "pickup_code = ?", (code,))
    return found[0] if found else None


def open_orders(conn: sqlite3.Connection) -> list[DeskOrder]:
    """Orders still open as the desk sees them, by due time (none last), then age."""
    orders = _load(conn, _OPEN_SQL, ())
    return sorted(
        (order for order in orders if order.is_open),
        key=lambda o: (o.due_at is None, o.due_at or "", o.created_at),
    )


def search(conn: sqlite3.Connection, words: Sequence[str], limit: int = 50) -> list[DeskOrder]:
    """Orders where every word (already folded by ``text_keys``) starts a word of the
    search key, newest first, open or not."""
    if not words:
        return []
    where = " AND ".join("instr(' ' || search_key, ?) > 0" for _ in words)
    params = tuple(f" {word}" for word in words)
    return _load(conn, where, params, order="created_at DESC", limit=limit)


def moves(conn: sqlite3.Connection, order_id: str) -> list[DeskMove]:
    """Every move made here on the order, in outbox order."""
    with translate_errors():
        return [_move(row) for row in conn.execute(_MOVES, (json.dumps([order_id]),))]


def conflicts(conn: sqlite3.Connection) -> list[Conflict]:
    """Moves central refused and the staff have not dismissed, oldest first."""
    with translate_errors():
        rows = conn.execute(_CONFLICTS).fetchall()
    orders = {o.id: o for o in _load(conn, "id IN (SELECT value FROM json_each(?))",
                                     (json.dumps(sorted({r[0] for r in rows})),))}  # fmt: skip
    found = []
    for order_id, op_id in rows:
        order = orders[order_id]
        move = next(m for m in moves(conn, order_id) if m.op_id == op_id)
        found.append(Conflict(move, order))
    return found


def dismiss(conn: sqlite3.Connection, order_id: str, *, now: str | None = None) -> int:
    """The staff dealt with the order's conflicts: stop listing them. Returns how many."""
    sql = (
        "UPDATE pickup_moves SET dismissed_at = ? WHERE order_id = ? AND dismissed_at IS NULL "
        "AND op_id IN (SELECT op_id FROM outbox WHERE rejected_at IS NOT NULL)"
    )
    with write_transaction(conn), translate_errors():
        return conn.execute(sql, (now or utc_now(), order_id)).rowcount


def barcodes(conn: sqlite3.Connection, product_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """The catalog barcodes of each product (what a picker may scan)."""
    sql = (
        "SELECT product_id, code FROM barcodes "
        "WHERE product_id IN (SELECT value FROM json_each(?)) ORDER BY product_id, code"
    )
    found: dict[int, tuple[str, ...]] = {}
    with translate_errors():
        for product_id, code in conn.execute(sql, (json.dumps(sorted(set(product_ids))),)):
            found[product_id] = (*found.get(product_id, ()), code)
    return found


def _load(
    conn: sqlite3.Connection,
    where: str,
    params: tuple[object, ...],
    *,
    order: str = "id",
    limit: int = -1,
) -> list[DeskOrder]:
    sql = f"SELECT {_ORDER_COLUMNS} FROM pickup_orders WHERE {where} ORDER BY {order} LIMIT ?"
    with translate_errors():
        rows = conn.execute(sql, (*params, limit)).fetchall()
        ids = json.dumps([row[0] for row in rows])
        lines: dict[str, list[DeskLine]] = {}
        for row in conn.execute(_LINES, (ids,)):
            lines.setdefault(row[0], []).append(_line(row[1:]))
        desk_moves: dict[str, list[DeskMove]] = {}
        for row in conn.execute(_MOVES, (ids,)):
            desk_moves.setdefault(row[1], []).append(_move(row))
    return [fold(_central(row, lines.get(row[0], [])), desk_moves.get(row[0], [])) for row in rows]


def _line(row: Sequence[Any]) -> DeskLine:
    promotions = tuple(LinePromotion(*p) for p in json.loads(row[-1] or "[]"))
    return DeskLine(*row[:4], SoldBy(row[4]), *row[5:-1], promotions)


def _move(row: Sequence[Any]) -> DeskMove:
    counts = json.loads(row[5]) if row[5] is not None else None
    return DeskMove(*row[:5], counts, *row[6:10], bool(row[10]), *row[11:])


def _central(row: Sequence[Any], lines: list[DeskLine]) -> DeskOrder:
    (order_id, store_id, code, qr_text, state, version, name, email, phone, paid, partial,
     total, picked_total, collected_total, sale_id, created_at, due_at, expires_at,
     updated_at, history) = row  # fmt: skip
    events = tuple(OrderEvent(**event) for event in json.loads(history))
    return DeskOrder(
        order_id, store_id, code, qr_text, PickupState(state), version, PickupState(state),
        version, name, email, phone, bool(paid), bool(partial), total, picked_total,
        collected_total, sale_id, created_at, due_at, expires_at, updated_at, tuple(lines),
        events, 0,
    )  # fmt: skip


# -- the fold: central's order with this desk's moves in effect ---------------------------


def fold(order: DeskOrder, desk_moves: Iterable[DeskMove]) -> DeskOrder:
    """Lay the moves (outbox order) over central's order; see the module docstring."""
    for move in desk_moves:
        if move.rejected_code is not None or move.expected_version < order.version:
            continue  # refused, or central already shows it (or moved past it)
        if move.expected_version != order.version or move.from_state != order.state:
            continue  # follows a move that no longer counts
        order = _moved(order, move)
    return order


def _moved(order: DeskOrder, move: DeskMove) -> DeskOrder:
    target = PickupState(move.to_state)
    counts = move.counts or {}
    lines = order.lines
    if target is PickupState.READY:
        lines = tuple(replace(ln, picked_quantity=counts.get(ln.sku, ln.quantity)) for ln in lines)
    elif target in (PickupState.COLLECTED, PickupState.PARTIALLY_COLLECTED):
        lines = tuple(
            replace(ln, collected_quantity=counts.get(ln.sku, ln.picked_quantity or 0))
            for ln in lines
        )
    return replace(
        order,
        state=target,
        version=order.version + 1,
        lines=lines,
        partial=any(
            ln.picked_quantity is not None and ln.picked_quantity < ln.quantity for ln in lines
        ),
        picked_total_cents=_total(lines, "picked_quantity"),
        collected_total_cents=_total(lines, "collected_quantity"),
        sale_id=move.sale_id or order.sale_id,
        unsynced=order.unsynced + (0 if move.acked else 1),
    )


def _total(lines: Sequence[DeskLine], field: str) -> int | None:
    counts = [getattr(line, field) for line in lines]
    if not lines or any(count is None for count in counts):
        return None
    return sum(line.cost_of(count) for line, count in zip(lines, counts, strict=True))


# -- moving an order -----------------------------------------------------------------------

_PUT_MOVE = """
INSERT INTO pickup_moves (op_id, order_id, from_state, to_state, expected_version, counts,
    staff, at, sale_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""

Plan = Callable[[DeskOrder], MoveRequest]


class OrderGone(LookupError):
    """No such order in this store's pulled orders."""


def record_move(
    conn: sqlite3.Connection, order_id: str, plan: Plan, *, op_id: str, now: str | None = None
) -> DeskOrder:
    """Decide and record one move in one transaction: the order as the desk sees it is
    read under the write lock, ``plan`` checks it and says what to do (raising refuses,
    nothing is written), then the move and its outbox row commit together. Returns the
    order after the move. OrderGone if the order is unknown."""
    with write_transaction(conn), translate_errors():
        order = get(conn, order_id)
        if order is None:
            raise OrderGone(order_id)
        request = plan(order)
        payload = transition_payload(order, request)
        enqueue(conn, op_id, KIND, payload, now=now)
        counts = None if request.counts is None else json.dumps(dict(request.counts))
        conn.execute(
            _PUT_MOVE,
            (op_id, order.id, order.state.value, request.to_state.value, order.version, counts,
             request.staff, request.at, request.sale_id, request.reason),
        )  # fmt: skip
        after = get(conn, order_id)
    if after is None:  # cannot happen: read in this very transaction
        raise OrderGone(order_id)
    return after


def transition_payload(order: DeskOrder, request: MoveRequest) -> dict[str, Any]:
    """The ``pickup_transition`` operation (API v1): from what the desk sees now."""
    payload: dict[str, Any] = {
        "order_id": order.id,
        "from_state": order.state.value,
        "to_state": request.to_state.value,
        "expected_version": order.version,
        "staff": request.staff,
        "at": request.at,
    }
    if request.counts is not None:
        payload["lines"] = [{"sku": sku, "quantity": q} for sku, q in request.counts.items()]
    if request.sale_id is not None:
        payload["sale_id"] = request.sale_id
    if request.reason:
        payload["reason"] = request.reason
    return payload
