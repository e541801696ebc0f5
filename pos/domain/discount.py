"""Discounts as a percentage or a fixed amount, and a cent-exact allocation.

A ticket discount is shared across lines in proportion to their amounts with the
largest-remainder method: the shares add up to exactly the discount, no line gets more
than its own amount, and each line's VAT rate then applies to what was really paid.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.errors import PosError
from pos.domain.money import check_amount, format_eur, mul_div_half_up


@dataclass(frozen=True, slots=True)
class Discount:
    """Either ``percent_bp`` (1000 = 10 %) or ``amount_cents``, never both;
    ``approval_id``: the manager's approval it was given under, if any."""

    percent_bp: int = 0
    amount_cents: int = 0
    approval_id: str | None = None

    @classmethod
    def percent(cls, percent_bp: int) -> Discount:
        if isinstance(percent_bp, bool) or not isinstance(percent_bp, int):
            raise PosError("A discount percentage must be a number.", code="discount_invalid")
        if not 0 < percent_bp <= 10000:
            raise PosError("A discount must be between 0 and 100 %.", code="discount_out_of_range")
        return cls(percent_bp=percent_bp)

    @classmethod
    def amount(cls, cents: int) -> Discount:
        return cls(amount_cents=check_amount(cents, what="discount", allow_zero=False))

    def share_bp(self, gross_cents: int) -> int:
        """This discount as a share of ``gross_cents`` in basis points, rounded up (an
        amount on a zero line counts as everything)."""
        if self.percent_bp:
            return self.percent_bp
        if gross_cents <= 0:
            return 10000
        return -(-self.amount_cents * 10000 // gross_cents)

    def on(self, gross_cents: int) -> int:
        """The discount in cents on ``gross_cents``; refuses more than the amount itself."""
        if self.percent_bp:
            return mul_div_half_up(gross_cents, self.percent_bp, 10000)
        if self.amount_cents > gross_cents:
            raise PosError(
                f"A discount of {format_eur(self.amount_cents)} is more than the "
                f"{format_eur(gross_cents)} it applies to.",
                code="discount_too_large",
            )
        return self.amount_cents


def allocate(total: int, weights: list[int]) -> list[int]:
    """Split ``total`` cents across ``weights`` proportionally; shares sum to ``total``.

    Requires ``0 <= total <= sum(weights)`` and non-negative weights, so no share can
    exceed its weight. Ties in remainders go to the earlier line (deterministic: a
    stable sort keeps equal remainders in line order). Priced on every scan by the
    promotions: one loop over a list of ints, which the compiled build
    (``pos/domain/_native.py``) runs on machine integers.
    """
    if total < 0:
        raise ValueError("allocate needs non-negative amounts")
    weight_sum = 0
    for weight in weights:
        if weight < 0:
            raise ValueError("allocate needs non-negative amounts")
        weight_sum += weight
    if total > weight_sum:
        raise ValueError("cannot allocate more than the weights add up to")
    count = len(weights)
    if total == 0 or weight_sum == 0:
        return [0] * count
    shares = [0] * count
    remainders = [0] * count
    left = total
    for i in range(count):
        product = total * weights[i]
        share = product // weight_sum
        shares[i] = share
        remainders[i] = product - share * weight_sum
        left -= share
    if left:
        for index in sorted(range(count), key=remainders.__getitem__, reverse=True)[:left]:
            shares[index] += 1
    return shares
