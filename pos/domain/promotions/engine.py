"""The combination rule, applied: item promotions, then basket ones, then exclusives.

``resolve`` takes the basket's lines sorted by line id and the eligible promotions that
match them (``book.EligibleIndex.matches``) and returns the ``PricingResult``. Every
choice it makes is ordered by saving, priority and id, never by the order lines were
scanned, so the same basket gives the same result on every till and on the server.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pos.domain.discount import allocate
from pos.domain.promotions.kinds import Take, basket_discount, item_take
from pos.domain.promotions.model import (
    AppliedBasketPromotion,
    AppliedPromotion,
    Level,
    PricingLine,
    PricingResult,
    Promotion,
)

#: A promotion and the indexes (in the line-id-sorted basket) of the lines it matches.
Match = tuple[Promotion, list[int]]


@dataclass(slots=True)
class _Outcome:
    """One way of pricing the basket: per line index what is still free and owed."""

    free: list[int]
    nets: list[int]
    items: list[list[AppliedPromotion]]
    basket: list[AppliedBasketPromotion] = field(default_factory=list)
    saved: int = 0


def resolve(matches: Sequence[Match], lines: Sequence[PricingLine]) -> PricingResult:
    """Rule 4: the outcome of the non-exclusive promotions, unless one exclusive
    promotion alone saves strictly more (the lowest id of equal exclusives)."""
    normal = [match for match in matches if not match[0].exclusive]
    best = _outcome(normal, lines)
    best_id = None
    for match in matches:
        if match[0].exclusive:
            alone = _outcome([match], lines)
            if alone.saved > best.saved:
                best, best_id = alone, match[0].id
    return PricingResult(
        {line.line_id: tuple(best.items[i]) for i, line in enumerate(lines)},
        tuple(best.basket),
        best.saved,
        best_id,
    )


def _outcome(matches: Sequence[Match], lines: Sequence[PricingLine]) -> _Outcome:
    outcome = _Outcome(
        [(1 if line.weighed else line.quantity) if line.promotable else 0 for line in lines],
        [line.gross_cents for line in lines],
        [[] for _ in lines],
    )
    items = [match for match in matches if match[0].level is Level.ITEM]
    if items:
        _apply_items(items, lines, outcome)
    baskets = [match for match in matches if match[0].level is Level.BASKET]
    if baskets:
        _apply_baskets(baskets, lines, outcome)
    return outcome


def _apply_items(matches: Sequence[Match], lines: Sequence[PricingLine], out: _Outcome) -> None:
    """Rule 2: by priority, highest first; within one, the largest saving on the units
    still free, again and again (ties: the lowest id), until nothing saves more."""
    watchers: dict[int, list[int]] = {}  # line index -> ids of promotions looking at it
    for promotion, indexes in matches:
        for i in indexes:
            watchers.setdefault(i, []).append(promotion.id)
    for priority in sorted({match[0].priority for match in matches}, reverse=True):
        pending = {p.id: (p, ix) for p, ix in matches if p.priority == priority}
        known: dict[int, Take] = {}
        while pending:
            best: Take | None = None
            for pid, (promotion, indexes) in pending.items():  # id order: ties to the lowest
                take = known.get(pid)
                if take is None:
                    take = known[pid] = item_take(promotion, indexes, lines, out.free)
                if best is None or take.saving > best.saving:
                    best = take
            if best is None or best.saving <= 0:
                break
            del pending[best.promotion.id]
            _take(best, out)
            for i, _, _ in best.parts:
                for pid in watchers[i]:
                    known.pop(pid, None)


def _take(take: Take, out: _Outcome) -> None:
    promotion = take.promotion
    for i, off, units in take.parts:
        out.free[i] -= units
        if off:
            out.nets[i] -= off
            out.items[i].append(AppliedPromotion(promotion.id, promotion.name, off))
    out.saved += take.saving


def _apply_baskets(matches: Sequence[Match], lines: Sequence[PricingLine], out: _Outcome) -> None:
    """Rule 3: the best non-stackable basket promotion (on the basket after item
    promotions; ties: higher priority, then lowest id) and every stackable one, by
    priority then id, each on what the previous ones left."""
    nets = out.nets
    chosen = [match for match in matches if match[0].stackable]
    best, best_key = None, (0, 0, 0)
    for match in matches:
        if not match[0].stackable:
            promotion, indexes = match
            saving = basket_discount(promotion, sum(nets[i] for i in indexes))
            key = (saving, promotion.priority, -promotion.id)
            if saving > 0 and (best is None or key > best_key):
                best, best_key = match, key
    if best is not None:
        chosen.append(best)
    chosen.sort(key=lambda match: (-match[0].priority, match[0].id))
    for promotion, indexes in chosen:
        weights = [nets[i] for i in indexes]
        off = basket_discount(promotion, sum(weights))
        if not off:
            continue
        shares = allocate(off, weights)
        for i, share in zip(indexes, shares, strict=True):
            nets[i] -= share
        out.basket.append(
            AppliedBasketPromotion(
                promotion.id,
                promotion.name,
                off,
                tuple((lines[i].line_id, share) for i, share in zip(indexes, shares, strict=True)),
            )
        )
        out.saved += off
