"""The one error body of the API: a stable code for programs, a sentence for people."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictStr

from sync.contract.scalars import WIRE, Count, CustomerId, Message

ErrorCode = Literal[
    "bad_request",
    "bad_cursor",
    "unauthorized",
    "forbidden_store",
    "not_found",
    "conflict",
    "cart_expired",
    "cart_converted",
    "payload_too_large",
    "too_many_attempts",
    "internal",
    # returns and credit notes (issue 14, ``sync.contract.returns``)
    "op_id_reused",
    "not_returnable",
    "not_handed_over",
    "claim_consumed",
    "credit_note_spent",
    "credit_note_expired",
    # loyalty (issue 15, ``sync.contract.loyalty``)
    "loyalty_balance",
    "loyalty_below_minimum",
    # coupons (issue 15, ``sync.contract.coupons``)
    "coupon_used",
    "coupon_expired",
    "coupon_not_started",
    "coupon_other_store",
    "coupon_unknown",
    "coupon_already_applied",
    # customers (issue 15, ``sync.contract.customers``)
    "customer_exists",
    "customer_unknown",  # an order for a customer central does not know (yet)
]


class RemainingLine(BaseModel):
    """What is still returnable of an original line (a ``not_returnable`` refusal)."""

    model_config = WIRE

    origin_sale_id: Annotated[StrictStr, Field(min_length=1, max_length=128)]
    origin_line_no: Annotated[int, Field(ge=1, le=1000)]
    remaining: Count


class ErrorBody(BaseModel):
    model_config = WIRE

    code: ErrorCode
    message: Message
    remaining: Annotated[list[RemainingLine], Field(max_length=1000)] | None = None
    #: ``customer_exists``: the active customer who already has that email or phone.
    customer_id: CustomerId | None = None


class ErrorResponse(BaseModel):
    """Every non-2xx answer: ``{"error": {"code": ..., "message": ...}}``."""

    model_config = WIRE

    error: ErrorBody
