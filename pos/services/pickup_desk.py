"""The click-and-collect desk's use cases: find an order, prepare and pick it, make it
ready, hand it over (prepaid, or paid by a sale at the till), cancel it, and see what
central refused.

Every move applies to the local order at once and queues its ``pickup_transition`` in
the same transaction (``pos.store.pickup_orders``), so the desk never waits on the
network and works offline; central, which has the last word, answers at the next push,
and a refusal comes back as a conflict with its reason and what to do.

No Qt: each call is short and runs on the desk's worker thread, with that thread's
``LocalStore``. Refusals are ``PosError`` with stable codes; the order is left as it was.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from pos.domain.errors import PosError
from pos.domain.pickup import (
    Picking,
    PickupState,
    check_move,
)
from pos.domain.rights import Actor, Approval, Right
from pos.domain.text_keys import query_words
from pos.services.approvals import authorize
from pos.services.pickup_picking import PickingSteps
from pos.services.pickup_rules import (
    CALL_SUPPORT,
    check_ready,
    code_matches,
    desk_conflict,
    given_counts,
    handover_slip,
    not_found,
    picked_counts,
    staff_name,
)
from pos.services.pickup_views import (
    DeskConflict,
    DeskCounts,
    HandoverSlip,
    OrderSaleLine,
    PickingLine,
    PickingList,
    PickResult,
    SlipLine,
)
from pos.store import pickup_orders
from pos.store.local_store import LocalStore
from pos.store.pickup_orders import DeskLine, DeskOrder, MoveRequest, OrderGone
from sync.contract.codes import (
    CART_QR_PREFIX,
    PICKUP_QR_PREFIX,
    normalize_code,
    parse_pickup_qr,
)

__all__ = [
    "CALL_SUPPORT",
    "DeskConflict",
    "DeskCounts",
    "DeskLine",
    "DeskOrder",
    "HandoverSlip",
    "OrderSaleLine",
    "PickResult",
    "PickingLine",
    "PickingList",
    "PickupDesk",
    "SlipLine",
]

MAX_REASON_CHARS = 2000


def _utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    """ISO 8601 UTC to the millisecond with ``Z``: how central writes times (so text
    comparison orders them)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class PickupDesk(PickingSteps):
    """The desk's use cases over one ``LocalStore`` (the calling thread's)."""

    def __init__(
        self,
        store: LocalStore,
        *,
        store_id: str | None = None,
        clock: Callable[[], datetime] = _utc_now,
        tz: tzinfo | None = None,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
    ) -> None:
        self.store = store
        self.store_id = store_id  # when set, another store's order is never shown
        self._clock = clock
        self._tz = tz  # the store's local time for "today"; None: this machine's
        self._new_id = new_id

    # -- lists, counts, search, lookup ----------------------------------------------------

    def to_prepare(self) -> list[DeskOrder]:
        """Received or being prepared, soonest due first."""
        return [o for o in self._open() if o.state is not PickupState.READY]

    def ready(self) -> list[DeskOrder]:
        return [o for o in self._open() if o.state is PickupState.READY]

    def due_today(self) -> list[DeskOrder]:
        start, end = self._today()
        return [o for o in self._open() if o.due_at is not None and start <= o.due_at < end]

    def overdue(self) -> list[DeskOrder]:
        """Still open and due before today."""
        start, _ = self._today()
        return [o for o in self._open() if o.due_at is not None and o.due_at < start]

    def counts(self) -> DeskCounts:
        orders = self._open()
        start, end = self._today()
        ready = sum(o.state is PickupState.READY for o in orders)
        due = [o.due_at for o in orders if o.due_at is not None]
        return DeskCounts(
            to_prepare=len(orders) - ready,
            ready=ready,
            due_today=sum(start <= d < end for d in due),
            overdue=sum(d < start for d in due),
            conflicts=len(pickup_orders.conflicts(self.store.conn)),
        )

    def search(self, query: str, limit: int = 50) -> list[DeskOrder]:
        """By order number, pickup code, customer name, email or phone; case and accents
        do not matter. Open or not, newest first."""
        found = pickup_orders.search(self.store.conn, query_words(query), limit)
        code = normalize_code(query)  # "k7m2q9xd", "K7M2 Q9XD", "k7m2-q9xo" …
        by_code = pickup_orders.by_code(self.store.conn, code) if code else None
        if by_code is not None and by_code.id not in {o.id for o in found}:
            found.insert(0, by_code)
        return [o for o in found if self._ours(o)]

    def find(self, text: str) -> DeskOrder:
        """The order for a typed pickup code, a scanned pickup QR text or an order number.

        A QR text must name the order its code belongs to: a mismatch is refused as a
        forgery (``pickup_code_mismatch``)."""
        text = text.strip()
        scanned = parse_pickup_qr(text)
        if scanned is not None:
            order_id, code = scanned
            order = self._get(order_id)
            if order is None:
                raise not_found(text)
            if order.pickup_code != code:
                raise PosError(
                    "This QR code does not match its order: ask the customer for the code "
                    "in their confirmation e-mail.",
                    code="pickup_code_mismatch",
                    order_id=order_id,
                )
            return order
        if text.startswith(CART_QR_PREFIX):
            raise PosError(
                "This is an online cart, not a pickup order: load it at the till.",
                code="pickup_is_cart",
            )
        if text.startswith(PICKUP_QR_PREFIX):
            raise PosError(
                "This pickup QR code cannot be read: type the code instead.",
                code="pickup_code_unreadable",
            )
        code = normalize_code(text)
        order = pickup_orders.by_code(self.store.conn, code) if code else None
        order = order or self._get(text)  # an order number
        if order is None or not self._ours(order):
            raise not_found(text)
        return order

    def order(self, order_id: str) -> DeskOrder:
        order = self._get(order_id)
        if order is None:
            raise not_found(order_id)
        return order

    # -- preparing and picking ------------------------------------------------------------

    def start_preparing(self, order_id: str, staff: Actor) -> DeskOrder:
        """Take a received order into preparation (before picking it)."""
        return self._move(order_id, staff, PickupState.PREPARING)

    def mark_ready(self, order_id: str, staff: Actor, picking: Picking) -> DeskOrder:
        """Ready for the customer; with lines missing, a partial preparation (the web
        shop tells the customer, and the missing units go back on sale)."""

        def plan(order: DeskOrder) -> MoveRequest:
            check_move(order.state, PickupState.READY)
            picked = picked_counts(order, picking)
            if not any(picked.values()):
                raise PosError(
                    "Nothing was picked: cancel the order instead.", code="pickup_nothing_picked"
                )
            complete = all(picked[ln.sku] == ln.quantity for ln in order.lines)
            return self._request(PickupState.READY, staff, None if complete else picked)

        return self._record(order_id, plan)

    # -- handing over ---------------------------------------------------------------------

    def hand_over(
        self,
        order_id: str,
        staff: Actor,
        lines: Mapping[str, int] | None = None,
        *,
        code: str = "",
        approval: Approval | None = None,
    ) -> HandoverSlip:
        """Hand a prepaid order over: everything picked, or ``lines`` ({sku: quantity})
        when the customer takes less. Returns what the handover slip prints. ``code`` is
        the pickup code the customer showed (typed or scanned); without it the handover
        needs ``HANDOVER_WITHOUT_CODE`` (or a manager's approval)."""
        self._check_code(order_id, staff, code, approval)

        def plan(order: DeskOrder) -> MoveRequest:
            if not order.paid:
                raise PosError(
                    "This order is paid in store: ring it up at the till, then hand it over.",
                    code="pickup_pay_in_store",
                )
            return self._handover(order, staff, lines, None, approval)

        return self._slip_for(self._record(order_id, plan), staff)

    def sale_lines_for(self, order_id: str) -> tuple[OrderSaleLine, ...]:
        """What the till rings up for a ready order paid in store: the picked quantities
        at the order's prices (``Checkout.add_priced``)."""
        order = self.order(order_id)
        self._check_pay_in_store(order)
        return tuple(
            OrderSaleLine(
                ln.product_id, ln.sku, ln.name, ln.sold_by, ln.picked_quantity or 0,
                ln.unit_price_cents, ln.vat_bp, ln.promotions_of(ln.picked_quantity or 0),
            )
            for ln in order.lines
            if ln.picked_quantity
        )  # fmt: skip

    def hand_over_paid_in_store(
        self,
        order_id: str,
        staff: Actor,
        sale_id: str,
        *,
        code: str = "",
        approval: Approval | None = None,
    ) -> HandoverSlip:
        """Record the handover once the till's sale ``sale_id`` took the payment: what it
        sold of the order (up to what was picked) is what was handed over. ``code`` and
        ``approval`` as for ``hand_over``."""
        self._check_code(order_id, staff, code, approval)
        sale = self.store.sales.get(sale_id)
        if sale is None:
            raise PosError(
                "This sale is not recorded on this till: complete the sale first.",
                code="pickup_sale_unknown",
                sale_id=sale_id,
            )
        sold: dict[str, int] = {}
        for line in sale.draft.lines:
            sold[line.sku] = sold.get(line.sku, 0) + line.quantity

        def plan(order: DeskOrder) -> MoveRequest:
            self._check_pay_in_store(order)
            given = {
                ln.sku: min(ln.picked_quantity or 0, sold.get(ln.sku, 0)) for ln in order.lines
            }
            if not any(given.values()):
                raise PosError(
                    "This sale holds none of the order's items.", code="pickup_sale_mismatch"
                )
            return self._handover(order, staff, given, sale_id, approval)

        return self._slip_for(self._record(order_id, plan), staff)

    def cancel(self, order_id: str, staff: Actor, reason: str = "") -> DeskOrder:
        """Cancel at the desk (the customer gave up, the goods are gone); the stock held
        for it is released by central."""
        reason = reason.strip()[:MAX_REASON_CHARS]
        return self._move(order_id, staff, PickupState.CANCELLED, reason or None)

    def _check_code(
        self, order_id: str, staff: Actor, code: str, approval: Approval | None
    ) -> None:
        staff_name(staff)
        if not code.strip():
            authorize(self.store, staff, Right.HANDOVER_WITHOUT_CODE, approval)
        elif not code_matches(self.order(order_id), code):
            raise PosError(
                "This code is not this order's: check the customer's confirmation.",
                code="pickup_code_wrong",
                order_id=order_id,
            )

    # -- what central refused -------------------------------------------------------------

    def conflicts(self) -> list[DeskConflict]:
        """Moves central refused, oldest first, with its reason and what to do."""
        return [desk_conflict(c.move, c.order) for c in pickup_orders.conflicts(self.store.conn)]

    def dismiss_conflicts(self, order_id: str) -> int:
        """The staff dealt with the order's conflicts: stop listing them."""
        return pickup_orders.dismiss(self.store.conn, order_id, now=stamp(self._clock()))

    # -- plumbing -------------------------------------------------------------------------

    def _open(self) -> list[DeskOrder]:
        return [o for o in pickup_orders.open_orders(self.store.conn) if self._ours(o)]

    def _ours(self, order: DeskOrder) -> bool:
        return self.store_id is None or order.store_id == self.store_id

    def _get(self, order_id: str) -> DeskOrder | None:
        order = pickup_orders.get(self.store.conn, order_id)
        return order if order is not None and self._ours(order) else None

    def _today(self) -> tuple[str, str]:
        """[start, end) of today in the store's time, as UTC stamps."""
        now = self._clock().astimezone(self._tz)
        start = datetime.combine(date(now.year, now.month, now.day), time(), now.tzinfo)
        return stamp(start), stamp(start + timedelta(days=1))

    def _department(self, product_id: int) -> str:
        product = self.store.catalog.get(product_id)
        return product.department if product is not None else ""

    def _move(
        self, order_id: str, staff: Actor, state: PickupState, reason: str | None = None
    ) -> DeskOrder:
        def plan(order: DeskOrder) -> MoveRequest:
            check_move(order.state, state)
            return self._request(state, staff, None, reason=reason)

        return self._record(order_id, plan)

    def _slip_for(self, order: DeskOrder, staff: Actor) -> HandoverSlip:
        return handover_slip(order, staff, pickup_orders.moves(self.store.conn, order.id)[-1].at)

    def _record(self, order_id: str, plan: pickup_orders.Plan) -> DeskOrder:
        def checked(order: DeskOrder) -> MoveRequest:
            if not self._ours(order):
                raise not_found(order_id)
            return plan(order)

        try:
            return pickup_orders.record_move(
                self.store.conn, order_id, checked, op_id=self._new_id(),
                now=stamp(self._clock()),
            )  # fmt: skip
        except OrderGone:
            raise not_found(order_id) from None

    def _request(
        self,
        state: PickupState,
        staff: Actor,
        counts: Mapping[str, int] | None,
        *,
        sale_id: str | None = None,
        reason: str | None = None,
    ) -> MoveRequest:
        return MoveRequest(
            state, staff_name(staff), stamp(self._clock()), counts, sale_id=sale_id, reason=reason
        )

    def _handover(
        self,
        order: DeskOrder,
        staff: Actor,
        lines: Mapping[str, int] | None,
        sale_id: str | None,
        approval: Approval | None = None,
    ) -> MoveRequest:
        check_ready(order)
        picked = {ln.sku: ln.picked_quantity or 0 for ln in order.lines}
        given = dict(picked) if lines is None else given_counts(order, picked, lines)
        short = any(given[sku] < picked[sku] for sku in picked)
        state = PickupState.PARTIALLY_COLLECTED if short else PickupState.COLLECTED
        reason = (
            None
            if approval is None
            # the move's history says who allowed it
            else (
                f"Handed over without its code, approved by {approval.approved_by.display_name} "
                f"(approval {approval.approval_id})"
            )
        )
        return self._request(state, staff, given if short else None, sale_id=sale_id, reason=reason)

    def _check_pay_in_store(self, order: DeskOrder) -> None:
        if order.paid:
            raise PosError(
                "This order was paid online: hand it over without a sale.",
                code="pickup_prepaid",
            )
        check_ready(order)
