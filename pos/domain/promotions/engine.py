"""The combination rule, applied: item promotions, then basket ones, then exclusives.

``resolve`` takes the basket's lines sorted by line id and the eligible promotions that
match them (``book.EligibleIndex.matches``) and returns the ``PricingResult``. Every
choice it makes is ordered by saving, priority and id, never by the order lines were
scanned, so the same basket gives the same result on every till and on the server.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pos.domain.discount import allocate
from pos.domain.promotions.items import Match, Outcome, apply_items
from pos.domain.promotions.kinds import basket_discount, item_take, unit_off
from pos.domain.promotions.model import (
    BASKET_KINDS,
    PER_UNIT_KINDS,
    AppliedBasketPromotion,
    Kind,
    Level,
    PricingLine,
    PricingResult,
    Promotion,
)
from pos.domain.promotions.parts import ItemStage, PartKey, PartOutcome, apply_items_by_part

#: What each exclusive promotion saved alone on the basket less its last line (by id),
#: if known, and what keeps the basket's (``alone_savings``).
Alone = tuple[dict[int, int] | None, Callable[[dict[int, int]], None]]
#: For the item stage by parts (``parts``): the memo, what gives the non-exclusive item
#: promotions of an article, the ids of the promotions linking lines of the basket,
#: the parts they make (``parts.part_of``) when known, else None, the item stage of the
#: basket less its last line when known, else None, and what keeps this basket's.
Parts = tuple[
    dict[PartKey, PartOutcome],
    Callable[[tuple[str, str, str]], Sequence[Promotion]],
    set[int] | frozenset[int],
    dict[int, list[int]] | None,
    ItemStage | None,
    Callable[[ItemStage], None],
]


def resolve(
    matches: Sequence[Match], lines: Sequence[PricingLine], parts: Parts | None = None
) -> PricingResult:
    """Rule 4: the outcome of the non-exclusive promotions, unless one exclusive
    promotion alone saves strictly more (the lowest id of equal exclusives). With
    ``parts`` (memo, item promotions of an article, ids of the linking promotions,
    the parts if known), the non-exclusive item stage is taken part by part from its memo."""
    items, baskets, exclusives = [], [], []
    for match in matches:  # split once: ``level`` is a property, asked 60 times a scan
        promotion = match[0]
        if promotion.exclusive:
            exclusives.append(match)
        elif promotion.kind in BASKET_KINDS:
            baskets.append(match)
        else:
            items.append(match)
    return resolve_groups(items, baskets, exclusives, lines, parts)


def resolve_groups(
    items: Sequence[Match],
    baskets: Sequence[Match],
    exclusives: Sequence[Match],
    lines: Sequence[PricingLine],
    parts: Parts | None = None,
    ids: list[int] | None = None,
    alone: Alone | None = None,
) -> PricingResult:
    """``resolve`` of matches already split: the non-exclusive item and basket ones
    and the exclusive ones, each in id order (``book.EligibleIndex.matched``);
    ``ids``: the lines' ids, if known (``matched.Matched.line_ids``); ``alone``: what
    each exclusive promotion saved alone on these lines less the last, if known, and
    what keeps these lines' (``alone_savings``)."""
    if ids is None:
        ids = [line.line_id for line in lines]
    best = _outcome(items, baskets, lines, ids, parts)
    best_id = None
    savings = alone_savings(exclusives, lines, alone[0] if alone is not None else None)
    if alone is not None:
        alone[1](savings)
    for match in exclusives:
        if savings[match[0].id] > best.saved:
            only = ([], [match]) if match[0].kind in BASKET_KINDS else ([match], [])
            best, best_id = _outcome(*only, lines, ids), match[0].id
    if best.unshared:  # the answer: its last basket promotions shared now
        _share(best, ids, final=True)
    found = best.items if parts is not None and best_id is None else map(tuple, best.items)
    return PricingResult(
        dict(zip(ids, found, strict=True)),
        tuple(best.basket),
        best.saved,
        best_id,
    )


def alone_savings(
    exclusives: Sequence[Match], lines: Sequence[PricingLine], before: dict[int, int] | None
) -> dict[int, int]:
    """What each exclusive promotion saves alone on ``lines`` (``_alone``), by id;
    ``before``: those of ``lines`` less the last one, when known. A per-unit one's
    saving is the sum of its lines' (every unit free, each line rounded alone): the
    last line's is added to it if the promotion is on that line (then its last index),
    else it is unchanged. Another kind is worked out again."""
    last = len(lines) - 1
    found = {}
    for match in exclusives:
        promotion, indexes = match
        known = None if before is None else before.get(promotion.id)
        if known is None or promotion.kind not in PER_UNIT_KINDS:
            found[promotion.id] = _alone(match, lines)
        elif indexes and indexes[-1] == last:
            found[promotion.id] = known + _alone((promotion, [last]), lines)
        else:
            found[promotion.id] = known
    return found


def _alone(match: Match, lines: Sequence[PricingLine]) -> int:
    """What one promotion saves alone on the basket (no outcome built)."""
    promotion, indexes = match
    if promotion.level is Level.BASKET:
        return basket_discount(promotion, sum([lines[i].gross_cents for i in indexes]))
    kind = promotion.kind
    if kind is Kind.PERCENT:  # every unit free: the per-unit sum, no parts built
        value = promotion.value
        return sum([
            (2 * (line.gross_cents if line.weighed else line.unit_price_cents * line.quantity)
             * value + 10_000) // 20_000
            for line in map(lines.__getitem__, indexes)
        ])  # fmt: skip
    if kind is Kind.AMOUNT_OFF:
        return sum([
            unit_off(promotion, line, 1 if line.weighed else line.quantity)
            for line in map(lines.__getitem__, indexes)
            if line.weighed or line.quantity
        ])  # fmt: skip
    free = {i: 1 if lines[i].weighed else lines[i].quantity for i in indexes}  # all it reads
    return item_take(promotion, indexes, lines, free).saving


def _outcome(
    items: Sequence[Match],
    baskets: Sequence[Match],
    lines: Sequence[PricingLine],
    ids: list[int],
    parts: Parts | None = None,
) -> Outcome:
    if parts is not None:  # the parts set every promotable line's items; none count free
        memo, item_promotions, linking, known_parts, before, keep = parts
        if items and before is not None and len(before[1]) == len(lines) - 1:
            outcome = Outcome([], [], [])  # set from ``before`` (``parts._after_one_more``)
        else:
            outcome = Outcome([], [line.gross_cents for line in lines], [()] * len(lines))
        if items:
            keep(apply_items_by_part(items, lines, outcome, memo, item_promotions, linking,
                                     known_parts, before))  # fmt: skip
    else:
        nets = [line.gross_cents for line in lines]
        outcome = Outcome(
            [(1 if line.weighed else line.quantity) if line.promotable else 0 for line in lines],
            nets,
            [[] for _ in lines],
        )
        if items:
            apply_items(items, lines, outcome)
    if baskets:
        _apply_baskets(baskets, ids, outcome)
    return outcome


def _apply_baskets(matches: Sequence[Match], ids: list[int], out: Outcome) -> None:
    """Rule 3: the best non-stackable basket promotion (on the basket after item
    promotions; ties: higher priority, then lowest id) and every stackable one, by
    priority then id, each on what the previous ones left. ``ids``: the line ids.
    A match on as many lines as the basket has is on all of them, in order (a
    promotion on everything, every line promotable).

    Only their totals decide which outcome wins, so they are left unshared
    (``Outcome.unshared``) while the amount each is judged on follows from the totals
    alone: a promotion on everything is judged on the lines less every earlier total;
    one on some lines that could take nothing even before the earlier ones' shares
    takes nothing, as does one on none of their lines (``_apart``), and after one on
    everything it may be known from the bounds of its share (``_bounded``). Any other
    is judged after sharing the earlier ones (``_share``)."""
    nets = out.nets
    every = len(nets)
    chosen = [match for match in matches if match[0].stackable]
    best, best_key = None, (0, 0, 0)
    amounts: dict[int, int] = {}  # by id of the index list: everything ones share theirs
    for match in matches:
        if not match[0].stackable:
            promotion, indexes = match
            amount = amounts.get(id(indexes))
            if amount is None:
                amount = amounts[id(indexes)] = (
                    sum(nets) if len(indexes) == every else sum([nets[i] for i in indexes])
                )
            saving = basket_discount(promotion, amount)
            key = (saving, promotion.priority, -promotion.id)
            if saving > 0 and (best is None or key > best_key):
                best, best_key = match, key
    if best is not None:
        chosen.append(best)
    chosen.sort(key=lambda match: (-match[0].priority, match[0].id))
    unshared: list[tuple[Promotion, int, list[int]]] = []
    out.unshared = unshared
    for promotion, indexes in chosen:
        if len(indexes) == every:  # every earlier share is on its lines
            off = basket_discount(promotion, sum(nets) - sum([u[1] for u in unshared]))
        else:
            amount = sum([nets[i] for i in indexes])
            off = basket_discount(promotion, amount)
            if off and unshared:  # less after their shares?
                bounded = _bounded(promotion, amount, len(indexes), unshared, nets)
                if bounded is not None:
                    off = bounded
                elif not _apart(indexes, unshared):
                    _share(out, ids)
                    off = basket_discount(promotion, sum([nets[i] for i in indexes]))
        if off:
            unshared.append((promotion, off, indexes))
            out.saved += off


def _apart(indexes: list[int], unshared: list[tuple[Promotion, int, list[int]]]) -> bool:
    """Whether no unshared promotion is on any of ``indexes`` (their shares change
    nothing there: promotions on a few articles each, as most are)."""
    mine = set(indexes)
    return all(mine.isdisjoint(other) for _, _, other in unshared)


def _bounded(
    promotion: Promotion,
    amount: int,
    count: int,
    unshared: list[tuple[Promotion, int, list[int]]],
    nets: list[int],
) -> int | None:
    """What ``promotion`` on ``count`` lines worth ``amount`` takes after one unshared
    promotion on every line, when that follows from the bounds of its share of them,
    else None. That share is ``off × amount / sum(nets)`` give or take one cent a line
    (the largest remainder rounds each line's share down or up), and what a basket
    promotion takes never falls when its amount grows: equal at both ends, it is known
    (the demo's "-3 € dès 30 € au rayon hygiène" after its "-10 € dès 50 €")."""
    if len(unshared) != 1 or len(unshared[0][2]) != len(nets):
        return None
    off = unshared[0][1]
    share = off * amount // sum(nets)
    low = basket_discount(promotion, amount - min(off, share + count))
    return low if low == basket_discount(promotion, amount - max(0, share - count)) else None


def _share(out: Outcome, ids: list[int], final: bool = False) -> None:
    """Share ``out``'s unshared basket promotions over their lines, in the order they
    applied, each by what the earlier ones left (cent-exact: ``allocate``); ``final``:
    no basket promotion comes after them."""
    nets, every = out.nets, len(out.nets)
    unshared = out.unshared or []
    last = len(unshared) - 1 if final else len(unshared)
    for n, (promotion, off, indexes) in enumerate(unshared):
        whole = len(indexes) == every
        if len(indexes) == 1:  # all of it on its line (``allocate``'s answer, cheaper)
            shares = [off]
        else:
            shares = allocate(off, nets if whole else [nets[i] for i in indexes])
        if n < last:  # what the last one leaves is asked by nobody
            for i, share in zip(indexes, shares, strict=True):
                nets[i] -= share
        lines = ids if whole else [ids[i] for i in indexes]
        out.basket.append(
            AppliedBasketPromotion(
                promotion.id, promotion.name, off, tuple(zip(lines, shares, strict=True))
            )
        )
    unshared.clear()
