"""Deliveries and transfers between stores (issue 16, item 3).

A *delivery* is goods expected at one store: from a supplier (announced by the operator,
``POST /v1/admin/stores/{store_id}/deliveries``) or from another store (a transfer that
store sent). Tills read the ones for their store in the ``deliveries`` feed, check what
arrives against the expected lines (not blind: the sheet is the point of the check) and
push ONE ``delivery_received`` operation; central moves the stock once and keeps the
differences. A ``transfer_sent`` takes the stock out of the sending store and announces
the delivery at the other one, whose id is ``transfer:<transfer_id>``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictInt

from sync.contract.scalars import (
    WIRE,
    Instant,
    Message,
    Name,
    NonEmptyName,
    OrderId,
    ProductId,
    Seq,
    Sku,
    StoreId,
    Timestamp,
)
from sync.contract.staff import StaffId

MAX_DELIVERY_LINES = 500
#: The most units of one line a delivery or a transfer may carry (a pallet of screws).
MAX_LINE_UNITS = 100_000
LineUnits = Annotated[StrictInt, Field(ge=0, le=MAX_LINE_UNITS)]
DeliveryId = OrderId
DeliveryState = Literal["expected", "received"]
SourceKind = Literal["supplier", "transfer"]

# Rejection codes of the two operations (``OperationResult.code``).
WRONG_STORE = "wrong_store"  # a delivery for another store than the till's
ALREADY_RECEIVED = "already_received"  # received before, by another operation
UNKNOWN_STORE = "unknown_store"  # a transfer to a store central does not have
UNKNOWN_DELIVERY = "unknown_delivery"


def transfer_delivery_id(transfer_id: str) -> str:
    """The delivery a transfer announces at the receiving store."""
    return f"transfer:{transfer_id}"


class ExpectedLine(BaseModel):
    model_config = WIRE

    product_id: ProductId
    sku: Sku
    quantity: Annotated[StrictInt, Field(ge=1, le=MAX_LINE_UNITS)]


ExpectedLines = Annotated[list[ExpectedLine], Field(min_length=1, max_length=MAX_DELIVERY_LINES)]


class ReceivedLine(BaseModel):
    """One article as checked: ``expected`` 0 for an article not on the delivery (extra).
    ``received`` went on the shelf; ``damaged`` arrived unsellable and is not stocked."""

    model_config = WIRE

    product_id: ProductId
    sku: Sku
    expected: LineUnits
    received: LineUnits
    damaged: LineUnits = 0


ReceivedLines = Annotated[list[ReceivedLine], Field(min_length=1, max_length=MAX_DELIVERY_LINES)]


class DeliveryAnnouncement(BaseModel):
    """``POST /v1/admin/stores/{store_id}/deliveries``: a supplier's delivery to expect.
    Idempotent by ``delivery_id`` (the same announcement again answers the delivery)."""

    model_config = WIRE

    delivery_id: DeliveryId
    supplier: NonEmptyName
    lines: ExpectedLines
    expected_on: Timestamp | None = None


class Differences(BaseModel):
    """What did not arrive as expected, per SKU in units (each list empty when none)."""

    model_config = WIRE

    missing: Annotated[list[ExpectedLine], Field(max_length=MAX_DELIVERY_LINES)]
    extra: Annotated[list[ExpectedLine], Field(max_length=MAX_DELIVERY_LINES)]
    damaged: Annotated[list[ExpectedLine], Field(max_length=MAX_DELIVERY_LINES)]


class DeliveryItem(BaseModel):
    """An item of the ``deliveries`` feed (and the admin's view of one): the whole
    delivery as central knows it; once ``received``, what was checked and the gaps."""

    model_config = WIRE

    id: DeliveryId
    store_id: StoreId
    source_kind: SourceKind
    source: NonEmptyName  # the supplier's name, or the sending store's
    from_store_id: StoreId | None = None
    transfer_id: OrderId | None = None
    state: DeliveryState
    lines: ExpectedLines
    expected_on: Timestamp | None = None
    received: Annotated[list[ReceivedLine], Field(max_length=MAX_DELIVERY_LINES)] = []
    differences: Differences | None = None
    received_by: Name = ""
    received_at: Timestamp | None = None
    created_at: Timestamp
    version: Seq


class DeliveryReceivedPayload(BaseModel):
    """Operation ``delivery_received``: a till checked a delivery of its store. Central
    stocks ``received`` (damaged units are reported, not stocked), once."""

    model_config = WIRE

    delivery_id: DeliveryId
    lines: ReceivedLines
    staff_id: StaffId
    at: Instant
    note: Message = ""


class TransferSentPayload(BaseModel):
    """Operation ``transfer_sent``: goods leave the till's store for ``to_store_id``."""

    model_config = WIRE

    transfer_id: OrderId
    to_store_id: StoreId
    lines: ExpectedLines
    staff_id: StaffId
    at: Instant
    note: Message = ""
