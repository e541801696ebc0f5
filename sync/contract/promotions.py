"""A promotion on the wire (contract v2): everything the shared engine needs to price it.

``pos.domain.promotions`` is the engine; these fields are its ``Promotion`` one for one,
so the till (from the ``promotions`` feed) and central (from its own table) build the
same promotions and price a basket the same to the cent. Version 1 items (``percent`` or
``amount_off`` on a list of SKUs) are still valid: every new field has a default that
means what version 1 meant.

Coupons: ``coupon_code`` is a shared code (any number of customers, checked at the till
even offline); ``single_use_codes`` means central issues individual codes, each valid
once, reserved centrally by the till that takes it (never known to tills in advance).
The checks below mirror the engine's own, so central never serves a promotion a till
would refuse; the till still skips (and reports) one it cannot build.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictStr, model_validator

from sync.contract.scalars import (
    MAX_CENTS,
    WIRE,
    Flag,
    Name,
    ShortText,
    Sku,
    StoreId,
)

PromotionKindV2 = Literal[
    "percent",  # value bp off each matching unit (or weighed line)
    "amount_off",  # value cents off each unit, per kg for weighed goods
    "n_for_m",  # "3 pour 2": of every n units, the m dearest are paid
    "nth_percent",  # "2e a -50 %": every n-th unit at value bp off
    "bundle_price",  # n units for value cents
    "threshold",  # value cents off once the target reaches threshold_cents
    "basket_percent",  # value bp off the target's amount
    "basket_amount",  # value cents off the target's amount
]
PERCENT_KINDS = frozenset({"percent", "nth_percent", "basket_percent"})
POOLED_KINDS = frozenset({"n_for_m", "nth_percent", "bundle_price"})
Channel = Literal["store", "web"]
Priority = Annotated[int, Field(ge=-1000, le=1000, strict=True)]
Small = Annotated[int, Field(ge=0, le=1000, strict=True)]
PromoCents = Annotated[int, Field(ge=0, le=MAX_CENTS, strict=True)]
CouponCode = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9 _-]{0,32}$")]


class PromotionRule(BaseModel):
    """The v2 fields shared by the feed item and the operator's upsert.

    ``skus``/``departments``/``brands``/``everything`` say which lines it looks at (a
    line matches if any does); ``stores`` empty means every store."""

    model_config = WIRE

    kind: PromotionKindV2
    value: PromoCents  # basis points for the *percent kinds, cents for the others
    skus: Annotated[list[Sku], Field(max_length=10_000)] = []
    departments: Annotated[list[ShortText], Field(max_length=200)] = []
    brands: Annotated[list[Name], Field(max_length=200)] = []
    everything: Flag = False
    priority: Priority = 0
    exclusive: Flag = False
    stackable: Flag = False
    stores: Annotated[list[StoreId], Field(max_length=1000)] = []
    channels: Annotated[list[Channel], Field(min_length=1, max_length=2)] = ["store", "web"]
    customer_only: Flag = False
    coupon_code: CouponCode = ""
    single_use_codes: Flag = False
    n: Small = 0
    m: Small = 0
    threshold_cents: PromoCents = 0

    @model_validator(mode="after")
    def _engine_would_accept(self) -> PromotionRule:
        """The engine's own checks (``pos.domain.promotions.model``), said on the wire."""
        kind, value = self.kind, self.value
        if kind in PERCENT_KINDS and not 0 < value <= 10_000:
            raise ValueError("a percent promotion takes between 1 and 10000 basis points off")
        if kind not in PERCENT_KINDS and value <= 0:
            raise ValueError("the promotion's amount must be positive")
        if kind in POOLED_KINDS and self.n < 2:
            raise ValueError("a group promotion needs n of at least 2")
        if kind == "n_for_m" and not 0 < self.m < self.n:
            raise ValueError("n_for_m needs 0 < m < n")
        if kind == "threshold" and self.threshold_cents <= 0:
            raise ValueError("a threshold promotion needs a positive threshold_cents")
        if self.single_use_codes and self.coupon_code:
            raise ValueError("single-use codes are issued by central, not a shared coupon_code")
        return self


def targets_something(rule: PromotionRule) -> None:
    """The operator's check: a promotion that targets nothing is a mistake (a feed item
    may still target nothing, e.g. once its articles are gone: it then matches nothing)."""
    if not (rule.everything or rule.skus or rule.departments or rule.brands):
        raise ValueError("the promotion targets nothing")


def ends_after_start(starts_at: str, ends_at: str) -> None:
    if datetime.fromisoformat(ends_at) <= datetime.fromisoformat(starts_at):
        raise ValueError("ends_at must come after starts_at")
