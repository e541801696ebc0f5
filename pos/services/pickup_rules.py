"""The desk's checks and advice, apart from its moves: is the order ready, does the code
match, how many may be handed over, and what to do about a move central refused."""

from __future__ import annotations

from collections.abc import Mapping

from pos.domain.errors import PosError
from pos.domain.pickup import OPEN_STATES, Picking, PickupState, check_move
from pos.domain.rights import Actor, Right, require
from pos.services.pickup_views import DeskConflict, HandoverSlip, SlipLine
from pos.store import pickup_orders
from pos.store.pickup_orders import DeskLine, DeskOrder
from sync.contract.codes import normalize_code, parse_pickup_qr

HANDED_OVER = (PickupState.COLLECTED, PickupState.PARTIALLY_COLLECTED)
MAX_STAFF_CHARS = 200


def check_ready(order: DeskOrder) -> None:
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


def slip_line(line: DeskLine, quantity: int) -> SlipLine:
    total = line.cost_of(quantity)  # with central's promotions: its share of the line
    return SlipLine(line.sku, line.name, line.sold_by, quantity, line.unit_price_cents, total)


def picked_counts(order: DeskOrder, picking: Picking) -> dict[str, int]:
    picked = {line.sku: line.picked for line in picking.lines}
    if sorted(picked) != sorted(ln.sku for ln in order.lines) or any(
        picked[ln.sku] > ln.quantity for ln in order.lines
    ):
        raise PosError(
            "This picking is for another version of the order: start picking again.",
            code="pickup_picking_mismatch",
        )
    return picked


def given_counts(
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


def staff_name(staff: Actor) -> str:
    """The name a move records; the desk's every move needs ``PICKUP_DESK``."""
    require(staff, Right.PICKUP_DESK)
    return staff.display_name[:MAX_STAFF_CHARS]


def code_matches(order: DeskOrder, text: str) -> bool:
    """Whether ``text`` (typed code or scanned QR) is this order's pickup code."""
    text = text.strip()
    scanned = parse_pickup_qr(text)
    if scanned is not None:
        return scanned == (order.id, order.pickup_code)
    return normalize_code(text) == order.pickup_code


def not_found(text: str) -> PosError:
    return PosError(
        f"No order of this store has the code or number “{text}”: check it with the "
        "customer, or sync the desk and try again.",
        code="pickup_not_found",
        text=text,
    )


#: The advice for a refusal the till has no words for: central's own reason is the help.
CALL_SUPPORT = "pickup_call_support"


def advice_for(move: pickup_orders.DeskMove, order: DeskOrder) -> tuple[str, str]:
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
    if now in HANDED_OVER:
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


def desk_conflict(move: pickup_orders.DeskMove, order: DeskOrder) -> DeskConflict:
    """A move central refused, as the desk lists it: with what to do about it."""
    advice_code, advice = advice_for(move, order)
    return DeskConflict(
        order.id, order.pickup_code, order.customer_name, move.op_id, move.to_state,
        move.staff, move.at, move.rejected_code or "rejected", move.rejected_reason,
        move.rejected_at, order.state, advice_code, advice,
    )  # fmt: skip


def handover_slip(order: DeskOrder, staff: Actor, at: str) -> HandoverSlip:
    """What the hand-over slip prints: the lines handed over, and those not (short)."""
    given, short = [], []
    for ln in order.lines:
        handed = ln.collected_quantity or 0
        if handed:
            given.append(slip_line(ln, handed))
        if handed < ln.quantity:
            short.append(slip_line(ln, ln.quantity - handed))
    return HandoverSlip(
        order.id, order.pickup_code, order.customer_name, order.customer_email,
        order.customer_phone, order.state, tuple(given), tuple(short),
        sum(line.total_cents for line in given), order.paid, order.sale_id, staff_name(staff), at,
    )  # fmt: skip
