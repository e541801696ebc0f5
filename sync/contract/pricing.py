"""Lines priced by central with the shared promotion engine (``pos.domain.promotions``):
online carts, click-and-collect orders, and the quote any channel may ask for.

A line carries what it was sold at online, so the till charges the same. Since contract
v2 the discount is not folded into the unit price: ``unit_price_cents`` is the catalog
price, ``promotions`` lists what each promotion took off the line (its item promotions,
then its share of each basket promotion), ``discount_cents`` is their sum and
``total_cents = gross - discount_cents`` (gross: ``list * quantity``, ``/ 1000`` half up
for grams). ``promotion``, the largest of them, is kept for version 1 readers, whose
total is ``total_cents``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from sync.contract.promotions import Channel, CouponCode, PromotionKindV2
from sync.contract.scalars import (
    WIRE,
    Cents,
    Count,
    CustomerId,
    NonEmptyName,
    ProductId,
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
    """The promotion (from the ``promotions`` feed) that took the most off a line: the
    version 1 field; ``PricedLine.promotions`` has them all."""

    model_config = WIRE

    id: Seq
    name: NonEmptyName
    kind: PromotionKindV2
    value: Count  # basis points for the *percent kinds, cents for the others


class LinePromotionWire(BaseModel):
    """What one promotion took off: a line (on ``PricedLine``) or the whole basket (a
    quote's ``basket_promotions``, whose per-line shares add up to it exactly)."""

    model_config = WIRE

    promotion_id: Seq
    name: NonEmptyName
    discount_cents: Cents


class PricedLine(BaseModel):
    """One product at the price central gave it when the cart, order or quote was made.

    ``list_price_cents`` is the catalog price (per kg when sold by weight). With
    ``promotions``, ``unit_price_cents`` equals it and ``discount_cents`` is their sum; a
    line stored before contract v2 has none and its discount folded into
    ``unit_price_cents``. Either way ``total_cents`` is what the line costs.
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
    promotions: Annotated[list[LinePromotionWire], Field(max_length=1000)] = []


Lines = Annotated[list[LineRequest], Field(min_length=1, max_length=MAX_LINES)]


class QuoteRequest(BaseModel):
    """``POST /v1/stores/{store_id}/pricing``: price a basket as the till would. Lines are
    priced as given (two lines of one SKU stay two lines, as two weighings do at a till).
    ``coupons``: shared codes the customer gave; a code central does not know (or a
    single-use one, reserved separately) is ignored. ``customer_id`` stands for a
    customer attached to the sale (customer-only promotions apply)."""

    model_config = WIRE

    lines: Lines
    customer_id: CustomerId | None = None
    coupons: Annotated[list[CouponCode], Field(max_length=20)] = []
    channel: Channel = "store"


class QuoteVat(BaseModel):
    """One row of the VAT table, as the till prints it (``pos.domain.vat``)."""

    model_config = WIRE

    vat_bp: VatBp
    base_cents: Cents
    vat_cents: Cents
    total_cents: Cents


class Quote(BaseModel):
    """The basket priced: each line with its promotions, the basket promotions whole,
    what they took off in all, the total to pay and its VAT table (highest rate first)."""

    model_config = WIRE

    lines: list[PricedLine]
    basket_promotions: list[LinePromotionWire]
    discount_cents: Cents
    total_cents: Cents
    vat: list[QuoteVat]
