"""Till acts kept beside the till day: a sale cancelled with its lines, the drawer opened
without a sale (issue 12: "never silent").

Two operation kinds, pushed like every operation and idempotent by ``op_id``
(``cancel-<sale id>``, ``drawer-<opening id>``). Each names the approval that allowed it
when a manager approved it, so the operator can read one beside the other. Central keeps
each terminal's acts (``GET /v1/admin/terminals/{store_id}/{terminal_id}/till-acts``).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StrictBool, StrictInt, StrictStr

from sync.contract.scalars import (
    WIRE,
    Cents,
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

SALE_CANCELLED = "sale_cancelled"
DRAWER_OPENED = "drawer_opened"


class CancelledLine(BaseModel):
    """A line of the basket as it was when cancelled (a voided one too, flagged)."""

    model_config = WIRE

    product_id: ProductId
    sku: Sku
    name: Name
    quantity: Annotated[StrictInt, Field(ge=1, le=10_000_000)]  # units, or grams by weight
    net_cents: Cents  # the line's price after its own discount
    voided: StrictBool


class CancelledTender(BaseModel):
    model_config = WIRE

    kind: ShortText
    amount_cents: Cents


class SaleCancelledPayload(BaseModel):
    """``sale_cancelled``: who abandoned which basket, its lines, total and tenders taken."""

    model_config = WIRE

    sale_id: OpId
    terminal_id: TerminalId
    by: StaffOnWire
    lines: Annotated[list[CancelledLine], Field(max_length=500)]
    total_cents: Cents
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
