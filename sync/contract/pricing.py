"""Lines priced by central for the web channel: online carts and click-and-collect orders.

A line carries the price it was sold at online, so the till charges the same: it keeps
``unit_price_cents`` for the line instead of its own catalog price. The promotion is
folded into the unit price (``list - discount per unit``), so the till's own arithmetic,
``unit_price * quantity`` (``/ 1000`` half up for grams), gives back ``total_cents``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from sync.contract.scalars import (
    WIRE,
    Cents,
    Count,
    NonEmptyName,
    ProductId,
    PromotionKind,
    Quantity,
    Seq,
    Sku,
    SoldBy,
    VatBp,
)

MAX_LINES = 200


class LineRequest(BaseModel):
    """What the web shop asks for: units, or grams for goods sold by weight. Lines of one
    SKU are added up into one priced line."""

    model_config = WIRE

    sku: Sku
    quantity: Quantity


class AppliedPromotion(BaseModel):
    """The promotion (from the ``promotions`` feed) that lowered a line's unit price."""

    model_config = WIRE

    id: Seq
    name: NonEmptyName
    kind: PromotionKind
    value: Count  # basis points for percent, cents (per unit, per kg by weight) for amount_off


class PricedLine(BaseModel):
    """One product at the price central gave it when the cart or order was made.

    ``list_price_cents`` is the catalog price, ``unit_price_cents`` what is charged per
    unit (per kg when sold by weight) after ``promotion``; ``discount_cents`` is what the
    promotion took off the whole line, ``total_cents`` what the line costs.
    """

    model_config = WIRE

    line_no: Seq
    product_id: ProductId
    sku: Sku
    name: NonEmptyName
    sold_by: SoldBy
    quantity: Quantity
    list_price_cents: Cents
    unit_price_cents: Cents
    vat_bp: VatBp
    promotion: AppliedPromotion | None
    discount_cents: Cents
    total_cents: Cents


Lines = Annotated[list[LineRequest], Field(min_length=1, max_length=MAX_LINES)]
