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
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from hardware.barcodes import BarcodeError, MeasureKind, VariableMeasure, parse_scan
from pos.domain.errors import PosError
from pos.domain.pickup import (
    OPEN_STATES,
    Picking,
    PickOutcome,
    PickupLine,
    PickupState,
    check_move,
)
from pos.domain.product import SoldBy
from pos.domain.quantity import line_gross
from pos.domain.rights import Actor, Approval, Right, require
from pos.services.approvals import authorize
from pos.store import pickup_orders
from pos.store.local_store import LocalStore
from pos.store.pickup_orders import DeskLine, DeskOrder, MoveRequest, OrderGone
from pos.store.text_keys import query_words
from sync.contract.codes import (
    CART_QR_PREFIX,
    PICKUP_QR_PREFIX,
    normalize_code,
    parse_pickup_qr,
)

__all__ = [
    "DeskConflict",
    "DeskCounts",
    "DeskLine",
    "DeskOrder",
    "HandoverSlip",
    "OrderSaleLine",
    "PickResult",
    "PickingList",
    "PickupDesk",
    "SlipLine",
]

_HANDED_OVER = (PickupState.COLLECTED, PickupState.PARTIALLY_COLLECTED)
MAX_STAFF_CHARS = 200
MAX_REASON_CHARS = 2000


@dataclass(frozen=True, slots=True)
class DeskCounts:
    """The desk's badge: orders to prepare, ready, due today, overdue, and conflicts."""

    to_prepare: int
    ready: int
    due_today: int
    overdue: int
    conflicts: int


@dataclass(frozen=True, slots=True)
class PickResult:
    picking: Picking  # the session after this scan: keep it for the next one
    outcome: PickOutcome
    line: PickupLine


@dataclass(frozen=True, slots=True)
class PickingLine:
    line_no: int
    sku: str
    name: str
    sold_by: SoldBy
    quantity: int  # ordered: units, or grams
    barcodes: tuple[str, ...]
    department: str


@dataclass(frozen=True, slots=True)
class PickingList:
    """What to fetch from the shelves, for the screen or a printed list."""

    order_id: str
    pickup_code: str
    customer_name: str
    due_at: str | None
    lines: tuple[PickingLine, ...]


@dataclass(frozen=True, slots=True)
class SlipLine:
    sku: str
    name: str
    sold_by: SoldBy
    quantity: int  # handed over (or, in ``short``, not handed over)
    unit_price_cents: int
    total_cents: int


@dataclass(frozen=True, slots=True)
class HandoverSlip:
    """What the handover slip prints: who took what, from whom, when."""

    order_id: str
    pickup_code: str
    customer_name: str
    customer_email: str
    customer_phone: str
    state: PickupState  # collected or partially_collected
    lines: tuple[SlipLine, ...]  # handed over
    short: tuple[SlipLine, ...]  # ordered but not handed over (missing or refused)
    total_cents: int  # of what was handed over, at the order's prices
    paid_online: bool
    sale_id: str | None  # the till's sale that took the payment, when paid in store
    staff: str
    at: str


@dataclass(frozen=True, slots=True)
class OrderSaleLine:
    """A line the till rings up for an order paid in store, at the order's price."""

    product_id: int
    sku: str
    name: str
    sold_by: SoldBy
    quantity: int  # picked: units, or grams
    unit_price_cents: int
    vat_bp: int


@dataclass(frozen=True, slots=True)
class DeskConflict:
    """A move central refused: its reason, the order as central has it, what to do."""

    order_id: str
    pickup_code: str
    customer_name: str
    op_id: str
    attempted: str  # the state this desk asked for
    staff: str
    at: str
    code: str  # central's rejection code: conflict, illegal_transition, …
    reason: str  # central's sentence ("… collected at terminal T02 by Inès at …")
    rejected_at: str | None
    state_now: PickupState
    advice_code: str
    advice: str


def _utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    """ISO 8601 UTC to the millisecond with ``Z``: how central writes times (so text
    comparison orders them)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class PickupDesk:
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
                raise _not_found(text)
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
            raise _not_found(text)
        return order

    def order(self, order_id: str) -> DeskOrder:
        order = self._get(order_id)
        if order is None:
            raise _not_found(order_id)
        return order

    # -- preparing and picking ------------------------------------------------------------

    def start_preparing(self, order_id: str, staff: Actor) -> DeskOrder:
        """Take a received order into preparation (before picking it)."""
        return self._move(order_id, staff, PickupState.PREPARING)

    def picking_list(self, order_id: str) -> PickingList:
        order = self.order(order_id)
        codes = pickup_orders.barcodes(self.store.conn, [ln.product_id for ln in order.lines])
        lines = tuple(
            PickingLine(
                ln.line_no, ln.sku, ln.name, ln.sold_by, ln.quantity,
                codes.get(ln.product_id, ()), self._department(ln.product_id),
            )
            for ln in order.lines
        )  # fmt: skip
        return PickingList(order.id, order.pickup_code, order.customer_name, order.due_at, lines)

    def start_picking(self, order_id: str) -> Picking:
        """A scan-to-pick session (immutable: each scan returns the next one). It may
        start on a received order, but only one in preparation can be made ready."""
        order = self.order(order_id)
        if order.state is PickupState.READY:
            raise PosError("This order is already ready.", code="pickup_already_ready")
        check_move(order.state, PickupState.CANCELLED)  # refuses a closed order
        listing = self.picking_list(order_id)
        prices = {ln.sku: ln for ln in order.lines}
        return Picking.start(
            PickupLine(
                line.sku, line.name, _scannable(line), line.quantity,
                prices[line.sku].unit_price_cents, prices[line.sku].vat_bp,
            )
            for line in listing.lines
        )  # fmt: skip

    def scan_pick(self, picking: Picking, scanned: str) -> PickResult:
        """Count one scanned item; PosError ``pick_wrong_item`` or ``pick_too_many``. A
        scale label counts its grams on the order's line sold by weight."""
        raw = scanned.strip()
        try:
            code = parse_scan(raw)  # UPC-A, GTIN-14 … read as the catalog stores them
        except BarcodeError:
            return PickResult(*picking.pick(raw))
        if code.measure is not None:
            return self._pick_weighed(picking, code.measure)
        try:
            return PickResult(*picking.pick(code.value))
        except PosError as error:
            if error.code == "pick_wrong_item" and any(raw in ln.barcodes for ln in picking.lines):
                return PickResult(*picking.pick(raw))
            raise

    def _pick_weighed(self, picking: Picking, measure: VariableMeasure) -> PickResult:
        product = self.store.catalog.by_plu(measure.item_code)
        sku = product.sku if product is not None else ""
        line = next((ln for ln in picking.lines if ln.sku == sku), None)
        if line is None:
            raise PosError(
                f"Wrong item: label {measure.item_code} is not in this order.",
                code="pick_wrong_item",
                barcode=measure.item_code,
            )
        if measure.kind is not MeasureKind.WEIGHT:
            raise PosError(
                f"{line.name}: this label gives a price, not a weight: weigh it and enter "
                "the grams.",
                code="pick_needs_weight",
                name=line.name,
            )
        after = self.set_picked(picking, sku, line.picked + measure.value)
        done = next(ln for ln in after.lines if ln.sku == sku)
        if after.complete:
            return PickResult(after, PickOutcome.ALL_DONE, done)
        outcome = PickOutcome.LINE_DONE if done.picked == done.ordered else PickOutcome.OK
        return PickResult(after, outcome, done)

    def set_picked(self, picking: Picking, sku: str, quantity: int) -> Picking:
        """Count a line by hand (goods sold by weight, in grams; an unreadable label)."""
        for index, line in enumerate(picking.lines):
            if line.sku == sku:
                if isinstance(quantity, bool) or not 0 <= quantity <= line.ordered:
                    raise PosError(
                        f"{line.name}: between 0 and {line.ordered} can be picked.",
                        code="pickup_bad_quantity",
                        ordered=line.ordered,
                    )
                lines = list(picking.lines)
                lines[index] = replace(line, picked=quantity)
                return Picking(tuple(lines))
        raise PosError(f"{sku} is not in this order.", code="pick_wrong_item", barcode=sku)

    def mark_ready(self, order_id: str, staff: Actor, picking: Picking) -> DeskOrder:
        """Ready for the customer; with lines missing, a partial preparation (the web
        shop tells the customer, and the missing units go back on sale)."""

        def plan(order: DeskOrder) -> MoveRequest:
            check_move(order.state, PickupState.READY)
            picked = _picked_counts(order, picking)
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

        return self._slip(self._record(order_id, plan), staff)

    def sale_lines_for(self, order_id: str) -> tuple[OrderSaleLine, ...]:
        """What the till rings up for a ready order paid in store: the picked quantities
        at the order's prices (``Checkout.add_priced``)."""
        order = self.order(order_id)
        self._check_pay_in_store(order)
        return tuple(
            OrderSaleLine(
                ln.product_id, ln.sku, ln.name, ln.sold_by, ln.picked_quantity or 0,
                ln.unit_price_cents, ln.vat_bp,
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

        return self._slip(self._record(order_id, plan), staff)

    def cancel(self, order_id: str, staff: Actor, reason: str = "") -> DeskOrder:
        """Cancel at the desk (the customer gave up, the goods are gone); the stock held
        for it is released by central."""
        reason = reason.strip()[:MAX_REASON_CHARS]
        return self._move(order_id, staff, PickupState.CANCELLED, reason or None)

    def _check_code(
        self, order_id: str, staff: Actor, code: str, approval: Approval | None
    ) -> None:
        _staff(staff)
        if not code.strip():
            authorize(self.store, staff, Right.HANDOVER_WITHOUT_CODE, approval)
        elif not _code_matches(self.order(order_id), code):
            raise PosError(
                "This code is not this order's: check the customer's confirmation.",
                code="pickup_code_wrong",
                order_id=order_id,
            )

    # -- what central refused -------------------------------------------------------------

    def conflicts(self) -> list[DeskConflict]:
        """Moves central refused, oldest first, with its reason and what to do."""
        found = []
        for conflict in pickup_orders.conflicts(self.store.conn):
            move, order = conflict.move, conflict.order
            advice_code, advice = _advice(move, order)
            found.append(
                DeskConflict(
                    order.id, order.pickup_code, order.customer_name, move.op_id, move.to_state,
                    move.staff, move.at, move.rejected_code or "rejected", move.rejected_reason,
                    move.rejected_at, order.state, advice_code, advice,
                )
            )  # fmt: skip
        return found

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

    def _record(self, order_id: str, plan: pickup_orders.Plan) -> DeskOrder:
        def checked(order: DeskOrder) -> MoveRequest:
            if not self._ours(order):
                raise _not_found(order_id)
            return plan(order)

        try:
            return pickup_orders.record_move(
                self.store.conn, order_id, checked, op_id=self._new_id(),
                now=stamp(self._clock()),
            )  # fmt: skip
        except OrderGone:
            raise _not_found(order_id) from None

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
            state, _staff(staff), stamp(self._clock()), counts, sale_id=sale_id, reason=reason
        )

    def _handover(
        self,
        order: DeskOrder,
        staff: Actor,
        lines: Mapping[str, int] | None,
        sale_id: str | None,
        approval: Approval | None = None,
    ) -> MoveRequest:
        _check_ready(order)
        picked = {ln.sku: ln.picked_quantity or 0 for ln in order.lines}
        given = dict(picked) if lines is None else _given_counts(order, picked, lines)
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
        _check_ready(order)

    def _slip(self, order: DeskOrder, staff: Actor) -> HandoverSlip:
        given, short = [], []
        for ln in order.lines:
            handed = ln.collected_quantity or 0
            if handed:
                given.append(_slip_line(ln, handed))
            if handed < ln.quantity:
                short.append(_slip_line(ln, ln.quantity - handed))
        return HandoverSlip(
            order.id, order.pickup_code, order.customer_name, order.customer_email,
            order.customer_phone, order.state, tuple(given), tuple(short),
            sum(line.total_cents for line in given), order.paid, order.sale_id, _staff(staff),
            pickup_orders.moves(self.store.conn, order.id)[-1].at,
        )  # fmt: skip


def _scannable(line: PickingLine) -> tuple[str, ...]:
    """What counts one unit when scanned: a line sold by weight is counted by hand."""
    if line.sold_by is SoldBy.WEIGHT:
        return ()
    return (*line.barcodes, line.sku)


def _check_ready(order: DeskOrder) -> None:
    """Only a ready order is handed over: say why not in the staff's terms."""
    if order.state is PickupState.READY:
        return
    if order.state in OPEN_STATES:
        raise PosError(
            f"This order is {order.state.value}, not ready yet: prepare it first.",
            code="pickup_not_ready",
            state=order.state.value,
        )
    check_move(order.state, PickupState.COLLECTED)  # closed: says what it became


def _slip_line(line: DeskLine, quantity: int) -> SlipLine:
    total = line_gross(line.unit_price_cents, quantity, line.sold_by)
    return SlipLine(line.sku, line.name, line.sold_by, quantity, line.unit_price_cents, total)


def _picked_counts(order: DeskOrder, picking: Picking) -> dict[str, int]:
    picked = {line.sku: line.picked for line in picking.lines}
    if sorted(picked) != sorted(ln.sku for ln in order.lines) or any(
        picked[ln.sku] > ln.quantity for ln in order.lines
    ):
        raise PosError(
            "This picking is for another version of the order: start picking again.",
            code="pickup_picking_mismatch",
        )
    return picked


def _given_counts(
    order: DeskOrder, picked: Mapping[str, int], lines: Mapping[str, int]
) -> dict[str, int]:
    unknown = sorted(set(lines) - set(picked))
    if unknown:
        raise PosError(f"{unknown[0]} is not in this order.", code="pick_wrong_item")
    given = {sku: lines.get(sku, count) for sku, count in picked.items()}
    for ln in order.lines:
        count = given[ln.sku]
        if (
            isinstance(count, bool)
            or not isinstance(count, int)
            or not 0 <= count <= picked[ln.sku]
        ):
            raise PosError(
                f"{ln.name}: between 0 and {picked[ln.sku]} can be handed over.",
                code="pickup_bad_quantity",
                picked=picked[ln.sku],
            )
    if not any(given.values()):
        raise PosError(
            "Nothing would be handed over: cancel the order instead.",
            code="pickup_nothing_handed_over",
        )
    return given


def _staff(staff: Actor) -> str:
    """The name a move records; the desk's every move needs ``PICKUP_DESK``."""
    require(staff, Right.PICKUP_DESK)
    return staff.display_name[:MAX_STAFF_CHARS]


def _code_matches(order: DeskOrder, text: str) -> bool:
    """Whether ``text`` (typed code or scanned QR) is this order's pickup code."""
    text = text.strip()
    scanned = parse_pickup_qr(text)
    if scanned is not None:
        return scanned == (order.id, order.pickup_code)
    return normalize_code(text) == order.pickup_code


def _not_found(text: str) -> PosError:
    return PosError(
        f"No order of this store has the code or number “{text}”: check it with the "
        "customer, or sync the desk and try again.",
        code="pickup_not_found",
        text=text,
    )


#: The advice for a refusal the till has no words for: central's own reason is the help.
CALL_SUPPORT = "pickup_call_support"


def _advice(move: pickup_orders.DeskMove, order: DeskOrder) -> tuple[str, str]:
    """What the staff should do about a refused move, from where the order is now."""
    now = order.state
    if move.sale_id and now in (PickupState.CANCELLED, PickupState.EXPIRED):
        return "pickup_refund", (
            f"The order is {now.value} but sale {move.sale_id} took its payment: refund the "
            "customer with a return of that sale, and put the items back on the shelves."
        )
    if now in (PickupState.CANCELLED, PickupState.EXPIRED):
        return "pickup_restock", (
            f"The order is {now.value}: do not hand it over; put its items back on the shelves."
        )
    if now in _HANDED_OVER:
        return "pickup_already_handed_over", (
            "The order was already handed over elsewhere: hand nothing more over; if the "
            "customer still has the items, call a manager."
        )
    if now.value == move.to_state:
        return "pickup_already_done", "Another desk already did this step: nothing to do."
    if now in OPEN_STATES and move.rejected_code == "conflict":
        return "pickup_redo", "Open the order again as it stands now and redo the step."
    return CALL_SUPPORT, (
        "Central refused this step for the reason above: the order is shown as central "
        "has it; call support if it looks wrong."
    )
