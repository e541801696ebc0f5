"""Loyalty (issue 15): the rule central serves, the ledger's redemptions and the account.

The balance is central's: a ledger of entries idempotent by ``op_id`` (a sale earns once
under its sale id, a return takes back under its own id, a redemption is its till's op
id). The ``customers`` feed's ``loyalty_points`` is that balance; each change bumps the
customer's ``version`` so every till pulls it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictInt, StrictStr

# The refusal codes and push warnings are plain strings in ``refusals``: the till's start
# names them without loading the models.
from sync.contract.refusals import (  # noqa: F401
    LOYALTY_BALANCE,
    LOYALTY_BELOW_MINIMUM,
    LOYALTY_SHORTFALL,
    LOYALTY_UNKNOWN_CUSTOMER,
)
from sync.contract.scalars import WIRE, Count, CustomerId, OpId, Seq, Timestamp

MAX_POINTS = 10**12
Points = Annotated[StrictInt, Field(ge=1, le=MAX_POINTS)]
Department = Annotated[StrictStr, Field(min_length=1, max_length=64)]


class DepartmentMultiplier(BaseModel):
    model_config = WIRE

    department: Department
    percent: Annotated[StrictInt, Field(ge=0, le=10_000)]  # 150: ×1.5; 0: earns nothing


class LoyaltyRuleUpsert(BaseModel):
    """The one rule (``pos.domain.loyalty.LoyaltyRule``): ``points_per_euro`` per whole
    euro paid, weighted per department; ``redeem_points`` points are worth
    ``redeem_cents`` cents; a redemption is at least ``min_redeem_points``. The
    operator's ``PUT /v1/admin/loyalty/rule`` body."""

    model_config = WIRE

    points_per_euro: Annotated[StrictInt, Field(ge=0, le=1000)]
    departments: Annotated[list[DepartmentMultiplier], Field(max_length=200)]
    redeem_points: Annotated[StrictInt, Field(ge=1, le=1_000_000)]
    redeem_cents: Annotated[StrictInt, Field(ge=1, le=1_000_000)]
    min_redeem_points: Count


class LoyaltyRuleModel(LoyaltyRuleUpsert):
    """The rule as served, with its version (+1 per change)."""

    version: Seq


class LoyaltyRedemption(BaseModel):
    """Spend ``points`` (a tender or a reward); ``op_id`` is the till's, stable across
    retries (e.g. ``<sale_id>:t<seq>``); ``sale_id`` names the sale it pays, if any."""

    model_config = WIRE

    op_id: OpId
    points: Points
    sale_id: OpId | None = None


class LoyaltyRedemptionResult(BaseModel):
    """A redemption and the balance after it (``version``: the customer's in the feed)."""

    model_config = WIRE

    customer_id: CustomerId
    op_id: OpId
    points: Points
    value_cents: Count
    status: Literal["applied", "reversed"]
    balance: Count
    version: Seq


class LoyaltyEntry(BaseModel):
    """One ledger entry: ``points`` is the signed change it made to the balance."""

    model_config = WIRE

    op_id: Annotated[StrictStr, Field(min_length=1, max_length=300)]
    kind: Literal["earn", "redeem", "reverse", "adjust"]
    points: Annotated[StrictInt, Field(ge=-MAX_POINTS, le=MAX_POINTS)]
    source_id: Annotated[StrictStr, Field(max_length=300)] | None
    at: Timestamp


class LoyaltyAccount(BaseModel):
    """A customer's balance and latest entries (newest first, at most 100)."""

    model_config = WIRE

    customer_id: CustomerId
    balance: Count
    version: Seq
    entries: Annotated[list[LoyaltyEntry], Field(max_length=100)]
