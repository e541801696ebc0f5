"""Till acts kept beside the till day: a sale cancelled with its lines, the drawer opened
without a sale (issue 12: "never silent").

Two operation kinds, pushed like every operation and idempotent by ``op_id``
(``cancel-<sale id>``, ``drawer-<opening id>``). Each names the approval that allowed it
when a manager approved it, so the operator can read one beside the other. Central keeps
each terminal's acts (``GET /v1/admin/terminals/{store_id}/{terminal_id}/till-acts``).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StrictBool, StrictInt, StrictStr, field_validator

from sync.contract.scalars import (
    MAX_CENTS,
    WIRE,
    Name,
    OpId,
    ProductId,
    ShortText,
    Sku,
    StoreId,
    TerminalId,
    Timestamp,
)
from sync.contract.till_days import StaffOnWire

#: A cancelled ticket may hold returned lines (issue 14): their quantity and amounts are
#: negative, and so are the refunds already placed and the total of a return ticket.
SignedCents = Annotated[StrictInt, Field(ge=-MAX_CENTS, le=MAX_CENTS)]

SALE_CANCELLED = "sale_cancelled"
DRAWER_OPENED = "drawer_opened"


class CancelledLine(BaseModel):
    """A line of the basket as it was when cancelled (a voided one too, flagged)."""

    model_config = WIRE

    product_id: ProductId
    sku: Sku
    name: Name
    # units, or grams by weight; below zero: a returned line
    quantity: Annotated[StrictInt, Field(ge=-10_000_000, le=10_000_000)]
    net_cents: SignedCents  # the line's price after its own discount
    voided: StrictBool

    @field_validator("quantity")
    @classmethod
    def _not_zero(cls, quantity: int) -> int:
        if quantity == 0:
            raise ValueError("a cancelled line has a quantity")
        return quantity


class CancelledTender(BaseModel):
    model_config = WIRE

    kind: ShortText
    amount_cents: SignedCents  # < 0: a refund placed on a return ticket


class SaleCancelledPayload(BaseModel):
    """``sale_cancelled``: who abandoned which basket, its lines, total and tenders taken."""

    model_config = WIRE

    sale_id: OpId
    terminal_id: TerminalId
    by: StaffOnWire
    lines: Annotated[list[CancelledLine], Field(max_length=500)]
    total_cents: SignedCents
    tenders: Annotated[list[CancelledTender], Field(max_length=50)]
    started_at: Timestamp
    at: Timestamp
    approval_id: OpId | None


class DrawerOpenedPayload(BaseModel):
    """``drawer_opened``: the cash drawer opened without a sale, and why."""

    model_config = WIRE

    opening_id: OpId
    terminal_id: TerminalId
    by: StaffOnWire
    reason: Annotated[StrictStr, Field(min_length=1, max_length=200)]
    at: Timestamp
    approval_id: OpId | None


class TillActsView(BaseModel):
    """``GET /v1/admin/terminals/{store_id}/{terminal_id}/till-acts``: oldest first."""

    model_config = WIRE

    store_id: StoreId
    terminal_id: TerminalId
    cancelled_sales: list[SaleCancelledPayload]
    drawer_openings: list[DrawerOpenedPayload]
