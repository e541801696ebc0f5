"""Coupon codes (issue 15): a till checks a code and, for a single-use one, reserves it
centrally for its sale, idempotently.

A promotion with ``coupon_code`` has a SHARED code (any number of customers; the till
knows it from the ``promotions`` feed and accepts it offline). One with
``single_use_codes`` has codes central issues (``POST /v1/admin/promotions/{id}/coupons``),
each valid once: the till reserves it for its sale, the sale's push consumes it, and a
reservation no push consumed is free again after central's hold (24 hours by default).
A reservation's ``token`` is what the till puts in ``PricingContext.coupons``: the
promotion's ``granted_coupon`` ("#<id>") for a single-use code, the shared code itself
(as the engine normalises it) for a shared one.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictInt, StrictStr, model_validator

# The refusal codes (409 on a reservation, nothing changed; 404 for an unknown code) are
# plain strings in ``refusals``: the till's start names them without loading the models.
from sync.contract.refusals import (  # noqa: F401
    COUPON_ALREADY_APPLIED,
    COUPON_EXPIRED,
    COUPON_NOT_STARTED,
    COUPON_OTHER_STORE,
    COUPON_UNKNOWN,
    COUPON_USED,
)
from sync.contract.scalars import WIRE, OpId, Timestamp

#: What a typed code may hold before it is normalised (letters, digits, spaces, dashes).
TypedCode = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9 _-]{1,40}$")]
#: A code as central keeps it: upper case, no spaces or dashes.
IssuedCode = Annotated[StrictStr, Field(pattern=r"^[A-Z0-9]{4,32}$")]
MAX_ISSUE = 1000


def normalise_coupon(text: str) -> str:
    """A code as compared: upper case, without spaces, dashes or underscores ("ab-12 cd"
    = "AB12CD"), so a code read aloud or printed in groups is the same code."""
    return "".join(ch for ch in text.upper() if ch not in " \t-_")


class CouponReservationRequest(BaseModel):
    """Reserve ``code`` for the till's sale ``sale_id`` (the sale's own id: its push
    consumes the reservation). The same sale again answers the same reservation."""

    model_config = WIRE

    code: TypedCode
    sale_id: OpId


class CouponReservation(BaseModel):
    """A code checked (and, single-use, reserved): ``token`` goes in the pricing
    context's coupons. ``reserved_for`` is the sale holding it (null for a shared
    code: nothing is reserved); ``expires_at`` when the hold lapses unless the sale is
    pushed (null for a shared code)."""

    model_config = WIRE

    code: StrictStr
    promotion_id: Annotated[StrictInt, Field(ge=1)]
    promotion_name: StrictStr
    token: StrictStr
    single_use: bool
    reserved_for: OpId | None
    expires_at: Timestamp | None


class CouponRelease(BaseModel):
    """A release's answer: ``released`` (it was this sale's, it is free again),
    ``not_reserved`` (it was not this sale's: nothing done) or ``consumed`` (this
    sale was pushed: the code stays used)."""

    model_config = WIRE

    code: StrictStr
    sale_id: OpId
    status: Literal["released", "not_reserved", "consumed"]


class CouponIssueRequest(BaseModel):
    """The operator issues ``count`` new random codes, or the ``codes`` given (their own
    spelling, normalised; a code already this promotion's is issued again harmlessly, one
    another promotion holds is 409 ``conflict``)."""

    model_config = WIRE

    count: Annotated[StrictInt, Field(ge=1, le=MAX_ISSUE)] | None = None
    codes: Annotated[list[TypedCode], Field(min_length=1, max_length=MAX_ISSUE)] | None = None

    @model_validator(mode="after")
    def _one_of(self) -> CouponIssueRequest:
        if (self.count is None) == (self.codes is None):
            raise ValueError("give either count or codes")
        for code in self.codes or ():
            if not 4 <= len(normalise_coupon(code)) <= 32:
                raise ValueError(f"{code!r}: a code has 4 to 32 letters or digits")
        return self


class CouponIssueResult(BaseModel):
    """The promotion's codes issued by this call, normalised, in the order asked."""

    model_config = WIRE

    promotion_id: Annotated[StrictInt, Field(ge=1)]
    codes: Annotated[list[IssuedCode], Field(max_length=MAX_ISSUE)]
