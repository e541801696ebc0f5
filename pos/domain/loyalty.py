"""The loyalty rule and its arithmetic, shared by central and the till on purpose.

Central's ledger earns with ``points_earned`` when it ingests a sale; the till prints the
same call's answer on the receipt: one function, so both agree to the point. Points are
earned per whole euro of the basket (after every discount), each line weighted by its
department's multiplier first; returned lines and lines below zero earn nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

_EURO_CENTS = 100
_PERCENT = 100


@dataclass(frozen=True, slots=True)
class LoyaltyRule:
    """``points_per_euro`` per whole euro paid; a department's multiplier in percent (150:
    ×1.5, 0: earns nothing; absent: 100). ``redeem_points`` points are worth
    ``redeem_cents`` cents (100 and 100: 100 points = 1 €); a redemption is at least
    ``min_redeem_points``."""

    points_per_euro: int = 1
    department_percent: Mapping[str, int] = field(default_factory=dict)
    redeem_points: int = 100
    redeem_cents: int = 100
    min_redeem_points: int = 100

    def percent(self, department: str | None) -> int:
        if department is None:
            return _PERCENT
        return self.department_percent.get(department, _PERCENT)


@dataclass(frozen=True, slots=True)
class EarningLine:
    """What a line paid (cents, VAT included, after its discounts) and its department."""

    total_cents: int
    department: str | None = None


def points_earned(lines: Iterable[EarningLine], rule: LoyaltyRule) -> int:
    """Points a basket earns: the lines' weighted cents summed, then whole euros only
    (floor), times ``points_per_euro``. Never negative."""
    weighted = sum(max(line.total_cents, 0) * rule.percent(line.department) for line in lines)
    return weighted // (_EURO_CENTS * _PERCENT) * rule.points_per_euro


def redemption_cents(points: int, rule: LoyaltyRule) -> int:
    """What ``points`` are worth in cents, rounded down (a point never pays a fraction)."""
    return points * rule.redeem_cents // rule.redeem_points
