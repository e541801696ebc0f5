"""Each kind's arithmetic, on the units a promotion may still take.

Rounding is half up on a line's units together (a percent on 3 yogurts rounds once, not
three times); an item discount never exceeds what the units it takes are worth, so no
line goes below zero. The pooled kinds (n for m, n-th unit, bundle) pool every free unit
of the matching unit lines, dearest first (then by line id), cut them into groups of n,
and give each complete group's discount to its cheapest units: the customer gets the
cheapest articles free, as every French shop does it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from pos.domain.discount import allocate
from pos.domain.money import mul_div_half_up
from pos.domain.promotions.model import Kind, PricingLine, Promotion


class Take(NamedTuple):
    """What one item promotion would take now: (line index, discount cents, units
    used) per line touched, and the total saving."""

    promotion: Promotion
    parts: tuple[tuple[int, int, int], ...]
    saving: int


def item_take(
    promotion: Promotion,
    indexes: Sequence[int],
    lines: Sequence[PricingLine],
    free: list[int] | dict[int, int],
) -> Take:
    """What ``promotion`` saves on the free units of the lines at ``indexes`` (``free``
    is read at those indexes only)."""
    kind = promotion.kind
    if kind is Kind.PERCENT or kind is Kind.AMOUNT_OFF:
        parts = _per_unit(promotion, indexes, lines, free)
    else:
        runs = sorted(
            (-lines[i].unit_price_cents, lines[i].line_id, i)
            for i in indexes
            if free[i] and not lines[i].weighed
        )
        if kind is Kind.BUNDLE_PRICE:
            parts = _bundles(promotion, [(i, -neg, free[i]) for neg, _, i in runs])
        else:
            parts = _every_nth(promotion, [(i, -neg, free[i]) for neg, _, i in runs])
    return Take(promotion, tuple(parts), sum(part[1] for part in parts))


def _per_unit(
    promotion: Promotion,
    indexes: Sequence[int],
    lines: Sequence[PricingLine],
    free: list[int] | dict[int, int],
) -> list[tuple[int, int, int]]:
    parts = []
    if promotion.kind is Kind.PERCENT:  # unit_off inlined: the hottest loop of a scan
        value = promotion.value
        for i in indexes:
            units = free[i]
            if units:
                line = lines[i]
                amount = line.gross_cents if line.weighed else line.unit_price_cents * units
                off = (2 * amount * value + 10_000) // 20_000
                if off:
                    parts.append((i, off, units))
        return parts
    for i in indexes:
        units = free[i]
        if units:
            off = unit_off(promotion, lines[i], units)
            if off:
                parts.append((i, off, units))
    return parts


def unit_off(promotion: Promotion, line: PricingLine, units: int) -> int:
    """What a percent or amount-off promotion takes off ``units`` free units of
    ``line`` (a weighed line: its one unit, the amount per kg); half up, exactly."""
    value = promotion.value
    if promotion.kind is Kind.PERCENT:
        amount = line.gross_cents if line.weighed else line.unit_price_cents * units
        return (2 * amount * value + 10_000) // 20_000
    if line.weighed:
        return min((2 * value * line.quantity + 1000) // 2000, line.gross_cents)
    return min(value, line.unit_price_cents) * units


def _below(position: int, n: int, paid: int) -> int:
    """How many of the pooled positions ``[0, position)`` are discounted ones (offset
    ``>= paid`` in their group of ``n``)."""
    groups, offset = divmod(position, n)
    return groups * (n - paid) + max(0, offset - paid)


def _every_nth(
    promotion: Promotion, runs: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """n for m (the n - m cheapest of each group free) and n-th at value bp off (the
    last of each group), over runs of (line index, unit price, free units)."""
    n = promotion.n
    paid = promotion.m if promotion.kind is Kind.N_FOR_M else n - 1
    end = sum(units for _, _, units in runs) // n * n  # the incomplete group takes nothing
    parts, start = [], 0
    for i, price, units in runs:
        if start >= end:
            break
        stop = min(start + units, end)
        cheap = _below(stop, n, paid) - _below(start, n, paid)
        if promotion.kind is Kind.N_FOR_M:
            off = price * cheap
        else:
            off = mul_div_half_up(price * cheap, promotion.value, 10_000)
        parts.append((i, off, stop - start))
        start += units
    return parts


def _bundles(promotion: Promotion, runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Each complete group of n for ``value`` cents, while a group costs more than that
    (groups only get cheaper, dearest first); its saving spread over its lines."""
    n, price_of_group = promotion.n, promotion.value
    off: dict[int, int] = {}
    used: dict[int, int] = {}
    queue = [[i, price, units] for i, price, units in runs]
    head, left = 0, sum(units for _, _, units in runs)
    while left >= n:
        left -= n
        pieces, wanted = [], n
        while wanted:
            run = queue[head]
            take = min(wanted, run[2])
            pieces.append((run[0], run[1], take))
            run[2] -= take
            wanted -= take
            if not run[2]:
                head += 1
        total = sum(price * take for _, price, take in pieces)
        if total <= price_of_group:
            break
        shares = allocate(total - price_of_group, [price * take for _, price, take in pieces])
        for (i, _, take), share in zip(pieces, shares, strict=True):
            off[i] = off.get(i, 0) + share
            used[i] = used.get(i, 0) + take
    return [(i, off[i], used[i]) for i in off]


def basket_discount(promotion: Promotion, amount: int) -> int:
    """What a basket promotion takes off ``amount`` (the target's lines after item
    promotions and earlier basket ones); never more than ``amount``."""
    if amount <= 0:
        return 0
    kind = promotion.kind
    if kind is Kind.BASKET_PERCENT:
        return mul_div_half_up(amount, promotion.value, 10_000)
    if kind is Kind.THRESHOLD and amount < promotion.threshold_cents:
        return 0
    return min(promotion.value, amount)
