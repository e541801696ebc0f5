"""Online carts a customer brings to the till as a code or a QR, at the price seen online.

The web shop makes the cart; central prices it (catalog and active promotions) and keeps
those prices until the cart expires, so the till that loads it charges what the customer
was shown. A cart becomes one sale, once: converting is idempotent for that sale only.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from sync.contract.pricing import MAX_LINES, Lines, PricedLine
from sync.contract.scalars import (
    WIRE,
    CartId,
    Cents,
    CustomerId,
    Instant,
    OpId,
    QrText,
    ShortCode,
    StoreId,
    TerminalId,
    Timestamp,
)

CartState = Literal["open", "converted"]
#: Lifetime of a cart whose request names no ``expires_at``.
CART_HOURS = 24
#: The longest a cart may live.
CART_MAX_DAYS = 30


class CartRequest(BaseModel):
    """``POST /v1/web/carts``. Without ``cart_id`` a new cart is made; with one, that cart
    is made or replaced (same code, lines priced again, lifetime renewed)."""

    model_config = WIRE

    cart_id: CartId | None = None
    store_id: StoreId | None = None  # where the customer means to go; any store may load it
    lines: Lines
    customer_id: CustomerId | None = None
    expires_at: Instant | None = None  # default: CART_HOURS from now


class Cart(BaseModel):
    """A priced cart. ``total_cents`` is what the lines cost, ``discount_cents`` what the
    promotions took off them. The ``converted_*`` fields say which sale it became."""

    model_config = WIRE

    cart_id: CartId
    code: ShortCode
    qr_text: QrText
    state: CartState
    store_id: StoreId | None
    customer_id: CustomerId | None
    lines: Annotated[list[PricedLine], Field(min_length=1, max_length=MAX_LINES)]
    total_cents: Cents
    discount_cents: Cents
    created_at: Timestamp
    updated_at: Timestamp
    expires_at: Timestamp
    sale_id: OpId | None
    converted_at: Timestamp | None
    converted_store_id: StoreId | None
    converted_terminal_id: TerminalId | None


class CartConvertRequest(BaseModel):
    """The sale (its id, the ``sale`` operation's op_id) that charged the cart."""

    model_config = WIRE

    sale_id: OpId
