"""A promotion from its stored fields: one reading for the till and the reference server.

Both keep a promotion as contract v2 states it (``sync.contract.promotions``): a few
columns and the other fields as a ``rule`` mapping. Building the engine's ``Promotion``
here, once, is what makes "the same promotions" true on both sides: a default, a time
zone or a coupon token read differently on one side would be a different price.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from pos.domain.promotions.model import CHANNELS, Kind, Promotion, Target

#: The contract v2 fields kept as a stored promotion's ``rule`` (the till's table and
#: central's alike): all of them but its identity, kind, value and window.
RULE_FIELDS = (
    "skus", "departments", "brands", "everything", "priority", "exclusive", "stackable",
    "stores", "channels", "customer_only", "coupon_code", "single_use_codes", "n", "m",
    "threshold_cents",
)  # fmt: skip

#: A promotion with no start or no end is open on that side.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9999, 12, 31, tzinfo=UTC)


def granted_coupon(promotion_id: int) -> str:
    """The code a single-use coupon stands for once central has reserved it for a sale:
    the promotion's own token, never a code a customer could type (it starts with #)."""
    return f"#{promotion_id}"


def instant(text: str | None, default: datetime) -> datetime:
    """An ISO 8601 instant ("...Z" or an offset); a naive one is taken as UTC."""
    if not text:
        return default
    value = datetime.fromisoformat(text)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def promotion_from_fields(
    promotion_id: int,
    name: str,
    kind: str,
    value: int,
    starts_at: str | None,
    ends_at: str | None,
    rule: Mapping[str, Any],
) -> Promotion:
    """The engine's promotion; ``PosError`` (code ``promotion_invalid``) if it cannot be.

    ``rule`` holds the v2 fields; a v1 promotion's is ``{"skus": [...]}`` or empty."""
    single_use = bool(rule.get("single_use_codes", False))
    return Promotion(
        id=promotion_id,
        name=name,
        kind=Kind(kind),
        value=value,
        target=Target(
            skus=frozenset(rule.get("skus", ())),
            departments=frozenset(rule.get("departments", ())),
            brands=frozenset(rule.get("brands", ())),
            everything=bool(rule.get("everything", False)),
        ),
        starts_at=instant(starts_at, EARLIEST),
        ends_at=instant(ends_at, LATEST),
        priority=int(rule.get("priority", 0)),
        exclusive=bool(rule.get("exclusive", False)),
        stackable=bool(rule.get("stackable", False)),
        stores=frozenset(rule.get("stores", ())),
        channels=frozenset(rule.get("channels", CHANNELS)),
        customer_only=bool(rule.get("customer_only", False)),
        coupon_code=granted_coupon(promotion_id) if single_use else rule.get("coupon_code", ""),
        n=int(rule.get("n", 0)),
        m=int(rule.get("m", 0)),
        threshold_cents=int(rule.get("threshold_cents", 0)),
    )
