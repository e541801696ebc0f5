"""Click-and-collect orders: what the web shop places, the desk moves, and central decides.

Central owns each order's state and enforces one forward-only machine with a version
check, whoever asks (the web shop, a desk's pushed ``pickup_transition``, the operator's
expiry), so two desks, or a desk and a customer cancelling online, cannot both win.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from sync.contract.pricing import MAX_LINES, Lines, PricedLine
from sync.contract.scalars import (
    WIRE,
    Cents,
    Count,
    CustomerId,
    Email,
    Flag,
    Instant,
    Message,
    Name,
    NonEmptyName,
    OpId,
    OrderId,
    Phone,
    QrText,
    Seq,
    ShortCode,
    Sku,
    StoreId,
    TerminalId,
    Timestamp,
)

PickupState = Literal[
    "received", "preparing", "ready", "collected", "partially_collected", "cancelled", "expired"
]
#: States that still hold stock and can move on.
OPEN_PICKUP_STATES: frozenset[str] = frozenset({"received", "preparing", "ready"})
#: Every legal move. ``expired`` is central's alone (the operator's expiry call).
PICKUP_TRANSITIONS: Mapping[str, frozenset[str]] = {
    "received": frozenset({"preparing", "cancelled", "expired"}),
    "preparing": frozenset({"ready", "cancelled", "expired"}),
    "ready": frozenset({"collected", "partially_collected", "cancelled", "expired"}),
}
#: The states a desk may ask for.
DESK_TARGETS: frozenset[str] = frozenset(
    {"preparing", "ready", "collected", "partially_collected", "cancelled"}
)
#: Days an open order is held past its due date (or past being made ready) before expiry.
PICKUP_HOLD_DAYS = 7

Channel = Literal["web", "terminal", "central"]


class PickupCustomer(BaseModel):
    model_config = WIRE

    name: NonEmptyName
    email: Email = ""
    phone: Phone = ""


class PickupOrderRequest(BaseModel):
    """``POST /v1/web/pickup-orders``: idempotent by ``order_id``; prices are central's."""

    model_config = WIRE

    order_id: OrderId
    store_id: StoreId
    customer: PickupCustomer
    lines: Lines
    paid: Flag  # paid online; otherwise the desk takes the payment (``sale_id``)
    due_at: Instant | None = None  # when the customer said they would come
    #: Issue 15: the signed-in customer's id, who earns the order's loyalty points when it
    #: is handed over (paid online; one paid at the desk earns through its till sale).
    #: Kept by central beside the order, not served in it: older desks read every order.
    customer_id: CustomerId | None = None


class PickupCancelRequest(BaseModel):
    """The body of a web cancellation (may be ``{}``)."""

    model_config = WIRE

    reason: Message | None = None


class PickupLine(PricedLine):
    """A priced line and how far it went: ``picked_quantity`` once ready (less than
    ``quantity`` for a partial preparation), ``collected_quantity`` once handed over.
    ``short_quantity``: how many of ``quantity`` the store lacked when the order was
    placed (a backend that keeps such orders, as Medusa with Comptoir's plugin; central
    refuses them, so 0 there)."""

    picked_quantity: Count | None
    collected_quantity: Count | None
    short_quantity: Count = 0


class PickupEvent(BaseModel):
    """One step of the order's history: who moved it where, and when.

    ``at`` is when it happened by the actor's clock (a desk may push hours later);
    ``recorded_at`` when central accepted it.
    """

    model_config = WIRE

    version: Seq
    from_state: PickupState | None  # None for the order's creation
    state: PickupState
    at: Timestamp
    recorded_at: Timestamp
    channel: Channel
    terminal_id: TerminalId | None
    staff: Name | None
    op_id: OpId | None
    reason: Message | None


class PickupRefund(BaseModel):
    """Money central gave back to the order's online payment: the missing units of a
    paid order handed over short (``short_pickup``), to the cent of what they cost."""

    model_config = WIRE

    amount_cents: Annotated[int, Field(ge=1, le=100_000_000)]
    reason: Literal["short_pickup"]
    at: Timestamp
    op_id: OpId | None  # the handover that caused it


class PickupOrder(BaseModel):
    """An order as the web shop, the ``pickups`` feed and the desk's code lookup serve it.

    ``version`` starts at 1 and grows by one with each change; a desk's move names the
    version it saw. ``partial`` says the order was made ready with quantities missing
    (the customer is to be told). Totals follow the lines: as ordered, as picked, as
    handed over.
    """

    model_config = WIRE

    id: OrderId
    store_id: StoreId
    pickup_code: ShortCode
    qr_text: QrText
    state: PickupState
    version: Seq
    customer: PickupCustomer
    paid: Flag
    lines: Annotated[list[PickupLine], Field(min_length=1, max_length=MAX_LINES)]
    total_cents: Cents
    picked_total_cents: Cents | None
    collected_total_cents: Cents | None
    partial: Flag
    sale_id: OpId | None  # the in-store sale that took the payment
    created_at: Timestamp
    due_at: Timestamp | None
    expires_at: Timestamp  # an open order not collected by then expires
    updated_at: Timestamp
    history: Annotated[list[PickupEvent], Field(min_length=1, max_length=20)]
    #: Issue 14; left out of the JSON when empty, so a desk that predates it still reads
    #: every order that had no refund.
    refunds: Annotated[list[PickupRefund], Field(max_length=20, exclude_if=lambda v: not v)] = []


class PickupLineCount(BaseModel):
    """How many of one SKU were picked (moving to ``ready``) or handed over (to
    ``collected``/``partially_collected``)."""

    model_config = WIRE

    sku: Sku
    quantity: Count


class PickupTransitionPayload(BaseModel):
    """The ``pickup_transition`` operation: move ``order_id`` from the state and version
    the desk saw to ``to_state``. Without ``lines``, everything ordered is picked and
    everything picked is handed over."""

    model_config = WIRE

    order_id: OrderId
    from_state: PickupState
    to_state: PickupState
    expected_version: Seq
    lines: Annotated[list[PickupLineCount], Field(min_length=1, max_length=MAX_LINES)] | None = None
    staff: NonEmptyName
    at: Instant
    sale_id: OpId | None = None  # handover of an unpaid order: the sale that took the money
    reason: Message | None = None


class ExpireRequest(BaseModel):
    """``now`` defaults to the server's clock (a test or a catch-up run may set it)."""

    model_config = WIRE

    now: Instant | None = None


class ExpiredPickup(BaseModel):
    model_config = WIRE

    order_id: OrderId
    store_id: StoreId
    from_state: PickupState


class ExpireResponse(BaseModel):
    """``has_more``: call again, the run stopped at its batch size."""

    model_config = WIRE

    now: Timestamp
    expired: Annotated[list[ExpiredPickup], Field(max_length=1000)]
    has_more: Flag
