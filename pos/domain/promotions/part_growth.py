"""A part of the item stage grown by one line, worked out from the part it grew from.

A scan often adds a line to a large part (``parts``): a per-unit promotion on a
department or a brand meets a promotion on one SKU of it, so every line of the
department is linked, and the part, a new memo key, would be priced again whole. Its
outcome is the old part's plus the new line priced alone when nothing the new line
brings can change a choice the greedy made on the old lines. That holds when every
item promotion ``T`` matching the new line ``L``

1. is a per-unit one (percent, amount off): it takes all the free units of a line, or
   none;
2. is the only one of its priority on ``L`` (so within that priority only ``T`` looks
   at ``L``, and ``L`` alone gives what it gives in the part); and
3. if ``T`` links lines, already took every line of the old part it matches that a
   per-unit promotion of a higher priority had not taken whole, and no pooled
   promotion of ``T``'s priority that saves anything matches any of them (so at
   ``T``'s priority every take of such a line is all its free units).

Why (within one priority; the priorities run one after the other, and entering each
the old lines are as before): ``L`` only adds to ``T``'s saving, so ``T`` is chosen at
the same step or earlier. At its old step ``T``'s lines still free at its priority
were all free (it took them all), so no promotion chosen before it had taken one of
them or saved anything on one; choosing ``T`` earlier changes none of their savings,
and only lowers the savings of ``T``'s rivals, already chosen after it. The greedy
then makes the same choices on the old lines, and ``T`` takes ``L``. A part failing a
condition is priced whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pos.domain.promotions.items import Match
from pos.domain.promotions.kinds import item_take
from pos.domain.promotions.model import PER_UNIT_KINDS, AppliedPromotion, PricingLine, Promotion

#: (items per line, net per line, saved) of one part, by position in the part.
PartOutcome = tuple[tuple[tuple[AppliedPromotion, ...], ...], tuple[int, ...], int]
#: The item promotions matching a line of an article (sku, department, brand), by id.
ItemPromotions = Callable[[tuple[str, str, str]], Sequence[Promotion]]
#: ``parts._price``: each line's item promotions and what it still costs, lines alone.
PriceAlone = Callable[
    [list[PricingLine], ItemPromotions], tuple[list[tuple[AppliedPromotion, ...]], list[int]]
]


def grown_part(
    part: list[int],
    key: tuple[object, ...],
    lines: Sequence[PricingLine],
    memo: dict,
    matches: Sequence[Match],
    item_promotions: ItemPromotions,
    linking: set[int] | frozenset[int],
    price_alone: PriceAlone,
) -> tuple[PartOutcome, bool] | None:
    """The outcome of ``part`` (basket indexes, sorted; ``key`` its memo key) from the
    memo's outcome of the part less its last line, and whether that line had to be
    priced (not in the memo alone); None when the module's conditions do not hold or
    the smaller part is not remembered."""
    new = lines[part[-1]]
    own = new._part_key or new.part_key()
    base = memo.get(key[: -len(own)])
    if base is None:
        return None
    brought = item_promotions(new._article or new.article())
    if not _may_grow(brought, part, lines, base, matches, item_promotions, linking):
        return None
    alone = memo.get(own)
    if alone is None:
        found_items, found_nets = price_alone([new], item_promotions)
        line_items, net, priced = found_items[0], found_nets[0], True
    else:
        line_items, net, priced = alone[0][0], alone[1][0], False
    saved = base[2] + new.gross_cents - net
    return ((*base[0], line_items), (*base[1], net), saved), priced


def _may_grow(
    brought: Sequence[Promotion],
    part: list[int],
    lines: Sequence[PricingLine],
    base: PartOutcome,
    matches: Sequence[Match],
    item_promotions: ItemPromotions,
    linking: set[int] | frozenset[int],
) -> bool:
    """Conditions 1 to 3 of the module docstring."""
    priorities = set()
    for promotion in brought:
        if promotion.kind not in PER_UNIT_KINDS or promotion.priority in priorities:
            return False
        priorities.add(promotion.priority)
    linked = [promotion.id for promotion in brought if promotion.id in linking]
    if not linked:
        return True
    where = {i: position for position, i in enumerate(part[:-1])}
    of = {promotion.id: indexes for promotion, indexes in matches}
    new = part[-1]
    priority = {promotion.id: promotion.priority for promotion in brought}
    idle: dict[int, bool] = {}
    for pid in linked:
        level = priority[pid]
        for i in of.get(pid, ()):
            if i == new:
                continue
            position = where.get(i)
            if position is None:
                return False
            article = lines[i]._article or lines[i].article()
            on_line = {p.id: p for p in item_promotions(article)}
            for p in on_line.values():  # a pooled rival may take some of its units, unseen
                pooled = p.priority == level and p.kind not in PER_UNIT_KINDS
                if pooled and not _never_takes(p, of.get(p.id, ()), lines, idle):
                    return False
            took = [on_line[a.promotion_id] for a in base[0][position]]
            if not any(
                p.id == pid or (p.priority > level and p.kind in PER_UNIT_KINDS) for p in took
            ):  # neither taken by ``T``, nor whole before its priority
                return False
    return True


def _never_takes(
    promotion: Promotion, indexes: Sequence[int], lines: Sequence[PricingLine], idle: dict
) -> bool:
    """Whether a pooled promotion saves nothing on its lines even with every unit of
    them free (a "3 for 2" on one line of one unit): it then takes no unit, ever (a
    saving only shrinks as units are taken: ``items``). Kept in ``idle`` by id."""
    found = idle.get(promotion.id)
    if found is None:
        free = {i: 1 if lines[i].weighed else lines[i].quantity for i in indexes}
        found = idle[promotion.id] = item_take(promotion, indexes, lines, free).saving <= 0
    return found
