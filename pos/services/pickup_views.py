"""What the pickup desk shows and prints: its counts, a picking list, a hand-over slip, a
line the till rings up for an order paid in store, and a move central refused.

Plain frozen values, so the desk's worker thread hands them to the screen as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.pickup import Picking, PickOutcome, PickupLine, PickupState
from pos.domain.product import SoldBy
from pos.domain.sale import LinePromotion


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
    promotions: tuple[LinePromotion, ...] = ()  # central's, on the picked part


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
