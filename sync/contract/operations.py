"""Pushes: a batch of the terminal's outbox operations, answered one result per operation.

The envelope is validated as a whole (a malformed envelope is a 400, nothing applied);
each ``payload`` is validated on its own against ``PAYLOAD_MODELS[kind]``, so one bad
operation is ``rejected`` with a reason while the others in the batch still apply.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StrictInt, StrictStr

from sync.contract.chains import ChainEntryPayload
from sync.contract.deliveries import DeliveryReceivedPayload, TransferSentPayload
from sync.contract.pickups import PickupTransitionPayload
from sync.contract.sales import SalePayload
from sync.contract.scalars import (
    MAX_OPERATIONS,
    WIRE,
    Instant,
    Message,
    OpId,
    ProductId,
    Seq,
    ShortText,
    Sku,
)
from sync.contract.staff import ApprovalPayload, StaffId
from sync.contract.till_acts import DrawerOpenedPayload, SaleCancelledPayload
from sync.contract.till_days import (
    CashMovementPayload,
    TillSessionClosedPayload,
    TillSessionOpenedPayload,
)

OperationKind = Literal[
    "sale",
    "stock_movement",
    "pickup_transition",
    "till_session_opened",
    "cash_movement",
    "till_session_closed",
    "approval",
    "sale_cancelled",
    "drawer_opened",
    "chain_entry",
    "delivery_received",
    "transfer_sent",
    "stock_count",
]
OperationStatus = Literal["accepted", "duplicate", "rejected"]

# Rejection codes (``OperationResult.code``): stable identifiers, final verdicts.
OP_ID_REUSED = "op_id_reused"  # same op_id, different kind or payload
INVALID_PAYLOAD = "invalid_payload"  # the payload does not match its kind's model
UNKNOWN_KIND = "unknown_kind"
UNKNOWN_PRODUCT = "unknown_product"  # a stock movement for a product central does not know
NOT_FOUND = "not_found"  # a pickup order central does not know in this store
CONFLICT = "conflict"  # the order is no longer in the state and version the desk saw
ILLEGAL_TRANSITION = "illegal_transition"  # a move the pickup state machine does not have
INVALID_LINES = "invalid_lines"  # picked/handed-over quantities that do not fit the order
WRONG_TERMINAL = "wrong_terminal"  # a sale (or till day record) naming another terminal
APPROVER_LACKS_RIGHT = "approver_lacks_right"  # central's staff list has no such manager
IMPLAUSIBLE_QUANTITY = "implausible_quantity"  # a movement beyond MAX_UNIT_DELTA for a unit product
# A sale paying a customer order (sale record v5, issue 16) that cannot pay it: kept at
# the till's attention list (the customer paid: refund or settle by hand).
CUSTOMER_ORDER_UNKNOWN = "customer_order_unknown"  # central placed no such order
CUSTOMER_ORDER_PAID = "customer_order_paid"  # already paid (online, at a desk, another sale)
CUSTOMER_ORDER_CLOSED = "customer_order_closed"  # cancelled or expired before this sale

#: Why a terminal moves stock; anything else is refused (``invalid_payload``).
StockReason = Literal[
    "receipt", "return", "damage", "breakage", "theft", "count", "transfer", "correction",
    "found", "sample", "own_use",  # a manager's adjustments at the till (issue 16)
]  # fmt: skip
#: The largest movement a terminal may push: 10,000 units, or 10 t (grams) by weight.
MAX_UNIT_DELTA = 10_000
MAX_WEIGHT_DELTA = 10_000_000
MovementDelta = Annotated[StrictInt, Field(ge=-MAX_WEIGHT_DELTA, le=MAX_WEIGHT_DELTA)]

# Warnings on an accepted sale: the chain the server witnessed for this terminal.
CHAIN_BREAK = "chain_break"  # seq or prev_hash does not follow the last witnessed entry
CHAIN_REWRITE = "chain_rewrite"  # a second, different hash for a seq already witnessed
HASH_MISMATCH = "hash_mismatch"  # the hash is not sha256(prev_hash + "\n" + sale)
# Warnings on an accepted signed entry (a sale's seal or a ``chain_entry``), issue 13.
BAD_SIGNATURE = "bad_signature"  # the signature does not verify under the entry's key
UNKNOWN_KEY = "unknown_key"  # the entry's key was never registered for this terminal
# Warning on an accepted handover.
UNPAID_HANDOVER = "unpaid_handover"  # an order not paid online, handed over without a sale_id


class StockMovementPayload(BaseModel):
    """Stock flows as deltas, never as absolute levels from a terminal."""

    model_config = WIRE

    product_id: ProductId
    sku: Sku
    delta: MovementDelta  # units (at most MAX_UNIT_DELTA), or grams by weight
    reason: StockReason
    ref: Annotated[StrictStr, Field(max_length=128)] | None = None
    # Who moved it and when, for an adjustment made at the till (a sale's lines need
    # neither: the sale names its cashier). Optional: older tills send neither.
    staff_id: StaffId | None = None
    at: Instant | None = None


#: The most lines one ``stock_count`` operation carries (a bigger count is several ops).
MAX_COUNT_LINES = 500
CountedQuantity = Annotated[StrictInt, Field(ge=0, le=MAX_WEIGHT_DELTA)]


class CountLine(BaseModel):
    """One article counted: what was found, when, and what the till showed at that instant
    (kept for the record; central judges the variance against its own level at
    ``counted_at``, so other tills' sales during the count are counted right)."""

    model_config = WIRE

    product_id: ProductId
    sku: Sku
    counted: CountedQuantity  # units, or grams by weight
    counted_at: Instant
    expected: Annotated[StrictInt, Field(ge=-MAX_WEIGHT_DELTA, le=MAX_WEIGHT_DELTA)]
    staff_id: StaffId  # who counted it


class StockCountPayload(BaseModel):
    """A shelf, a department or the whole store counted, and approved by a manager. A full
    or department count carries a zero line (``counted`` 0, at the approval instant) for
    each article of its scope with stock that nobody counted: explicit, so central needs
    no rule of its own about what "not counted" means."""

    model_config = WIRE

    count_id: Annotated[StrictStr, Field(min_length=1, max_length=64)]
    scope: Annotated[StrictStr, Field(max_length=120)]  # "full", "department:X", "shelf:X"
    approved_by: StaffId
    approved_at: Instant
    lines: Annotated[list[CountLine], Field(min_length=1, max_length=MAX_COUNT_LINES)]


#: The payload model of each operation kind.
PAYLOAD_MODELS: dict[str, type[BaseModel]] = {
    "sale": SalePayload,
    "stock_movement": StockMovementPayload,
    "pickup_transition": PickupTransitionPayload,
    "till_session_opened": TillSessionOpenedPayload,
    "cash_movement": CashMovementPayload,
    "till_session_closed": TillSessionClosedPayload,
    "approval": ApprovalPayload,
    "sale_cancelled": SaleCancelledPayload,
    "drawer_opened": DrawerOpenedPayload,
    "chain_entry": ChainEntryPayload,
    "delivery_received": DeliveryReceivedPayload,
    "transfer_sent": TransferSentPayload,
    "stock_count": StockCountPayload,
}


class Operation(BaseModel):
    """One outbox row: ``op_id`` is its idempotency key, ``seq`` the outbox order."""

    model_config = WIRE

    op_id: OpId
    seq: Seq
    kind: Annotated[StrictStr, Field(min_length=1, max_length=32)]
    payload: Annotated[
        dict[str, Any],
        Field(
            description="SalePayload for kind 'sale', StockMovementPayload for "
            "'stock_movement', PickupTransitionPayload for 'pickup_transition', "
            "TillSessionOpenedPayload, CashMovementPayload and TillSessionClosedPayload for "
            "'till_session_opened', 'cash_movement' and 'till_session_closed'; "
            "ApprovalPayload for 'approval'; SaleCancelledPayload and DrawerOpenedPayload "
            "for 'sale_cancelled' and 'drawer_opened'; ChainEntryPayload for "
            "'chain_entry'; DeliveryReceivedPayload and TransferSentPayload for "
            "'delivery_received' and 'transfer_sent'; StockCountPayload for 'stock_count'."
        ),
    ]


class PushRequest(BaseModel):
    model_config = WIRE

    operations: Annotated[list[Operation], Field(min_length=1, max_length=MAX_OPERATIONS)]


class OperationResult(BaseModel):
    """``code`` and ``reason`` are set when ``rejected``; ``warnings`` flag an accepted
    sale that broke the witnessed chain, or an unpaid handover (a duplicate repeats the
    original warnings)."""

    model_config = WIRE

    op_id: OpId
    status: OperationStatus
    code: ShortText | None = None
    reason: Message | None = None
    warnings: Annotated[list[ShortText], Field(max_length=10, default_factory=list)]


class PushResponse(BaseModel):
    """One result per operation, in the request's order."""

    model_config = WIRE

    results: Annotated[list[OperationResult], Field(max_length=MAX_OPERATIONS)]
