"""Rule 2 by independent parts of the basket, each remembered: a scan reprices only
the part the scanned line belongs to.

Two lines are linked when one item promotion's choice depends on both: a pooled one
(n for m, n-th, bundle) pools their units, and a per-unit one (percent, amount off)
that shares a line with another promotion of its priority competes on its total. A
per-unit promotion alone on each of its lines within its priority takes every line on
its own. Lines so linked, directly or through others, form a part, and ``apply_items``
on a part alone gives exactly what it gives those lines within the whole basket: the
greedy's choices on one part never change a saving on another, and a promotion that
links lines has all of them in the part.

A part's outcome then depends only on its lines' articles (which promotions match
them) and amounts, in line-id order; the eligible index that owns the memo fixes the
promotions. So the memo's key is exactly that, and a line id, a line's position in
the basket or the lines around the part are not in it: a hit is what a recomputation
would give, whichever basket asks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pos.domain.promotions.items import Match, Outcome, apply_items
from pos.domain.promotions.model import AppliedPromotion, PartOutcome, PricingLine, Promotion
from pos.domain.promotions.part_growth import grown_from, grown_part

#: (items per line, net per line, saved) of one part, by position in the part.
#: What a part is remembered by: each line's article and amounts (sku, department,
#: brand, unit price, quantity, gross, weighed), in line-id order, in one flat tuple
#: (one object to keep per part, not one per line: less for the garbage collector).
PartKey = tuple[str | int | bool, ...]
#: A basket's item stage: each line's item promotions and net after them (by index in
#: the line-id order), and what they save in all. Kept by the book with the basket's
#: matches (``matched.Matched``), so the next scan prices only the part it touches.
ItemStage = tuple[tuple[tuple[AppliedPromotion, ...], ...], tuple[int, ...], int]

#: The item promotions matching a line of an article (sku, department, brand), by id.
ItemPromotions = Callable[[tuple[str, str, str]], Sequence[Promotion]]


class PartMemo(dict[PartKey, PartOutcome]):
    """The parts already priced, by key; ``lines_priced`` counts the lines of the parts
    priced for it (not taken from it): how a test sees that a scan reprices only the
    part of the basket it touched."""

    __slots__ = ("lines_priced",)

    def __init__(self) -> None:
        super().__init__()
        self.lines_priced = 0


#: Parts remembered per eligible index (the book keeps up to 256 indexes): ten baskets'
#: worth; more would only lengthen the garbage collector's full passes.
_MEMO_LIMIT = 1024


def apply_items_by_part(
    matches: Sequence[Match],
    lines: Sequence[PricingLine],
    out: Outcome,
    memo: dict[PartKey, PartOutcome],
    item_promotions: ItemPromotions,
    linking: set[int] | frozenset[int],
    known_parts: dict[int, list[int]] | None = None,
    before: ItemStage | None = None,
) -> ItemStage:
    """``apply_items(matches, lines, out)``, part by part, from ``memo`` when it can;
    returns the item stage it gave (``ItemStage``), for the next scan's ``before``.

    ``matches`` are the non-exclusive item promotions matching the basket;
    ``item_promotions(article)`` gives, in id order, those matching one article's
    line (it only serves to price a part the memo has not seen); ``linking`` holds the
    ids of those that link a line of the basket (pooled, or meeting another of their
    priority on a line: ``book.EligibleIndex.linking``). ``before``: the item stage of
    these lines less the last one, when known (``_after_one_more``)."""
    parts = known_parts if known_parts is not None else part_of(matches, linking)
    if before is not None and len(before[1]) == len(lines) - 1:
        _after_one_more(before, parts, matches, lines, out, memo, item_promotions)
    else:
        _by_part(parts, matches, lines, out, memo, item_promotions)
    return tuple(out.items), tuple(out.nets), out.saved


def _after_one_more(
    before: ItemStage,
    parts: dict[int, list[int]],
    matches: Sequence[Match],
    lines: Sequence[PricingLine],
    out: Outcome,
    memo: dict[PartKey, PartOutcome],
    item_promotions: ItemPromotions,
) -> None:
    """The item stage of ``lines`` from ``before``, that of ``lines`` less the last
    line (a scan): only the part of the last line is looked up or priced.

    Why it is exact: the parts of ``lines`` are those of the lines before it, but for
    the new line's, which holds it and every old part a promotion on it links it to
    (``extended_part_of``: a promotion that links only because of the new line is on
    it). Every other part is the same lines, so the same memo key, so the same outcome
    (a pure function of its key): ``before``'s values on its lines. The old lines of
    the new part give back what they saved in ``before`` (a part's saving is its
    lines' gross less their nets), and the new part's outcome takes their place."""
    before_items, before_nets, saved = before
    i = len(before_nets)
    line = lines[i]
    items = out.items = [*before_items, ()]
    nets = out.nets = [*before_nets, line.gross_cents]
    if not line.promotable:
        out.saved += saved
        return
    part = parts.get(i)
    if part is None:  # linked to none: a part of its own
        part = [i]
        key = line._part_key or line.part_key()
        found = _alone(line, key, memo)
    else:  # the new part's old lines, from ``before`` (one old part or several)
        old = part[:-1]
        old_saved = sum([lines[j].gross_cents - before_nets[j] for j in old])
        saved -= old_saved
        key = _key(part, lines)
        found = memo.get(key)
        if found is None:
            old_outcome = (tuple([before_items[j] for j in old]),
                           tuple([before_nets[j] for j in old]), old_saved)  # fmt: skip
            found = grown_from(old_outcome, part, lines, item_promotions)
            if found is not None:
                _remember(memo, key, found, 1)
    out.saved += saved
    if found is None:
        _price_unseen([(key, part)], matches, lines, out, memo, item_promotions)
        return
    out.saved += _place(part, found, items, nets)


def _alone(line: PricingLine, key: PartKey, memo: dict[PartKey, PartOutcome]) -> PartOutcome | None:
    """The line's outcome priced alone in ``memo``, kept on the line once found there: the
    next scans take it without hashing ``key`` (an outcome is a pure function of its key
    in a memo, so it stays true whatever the memo forgets)."""
    known = line._alone
    if known is not None and known[0] is memo:
        return known[1]
    found = memo.get(key)
    if found is not None:
        object.__setattr__(line, "_alone", (memo, found))
    return found


def _place(part: list[int], found: PartOutcome, items: list[Any], nets: list[int]) -> int:
    """A part's outcome written at its lines' places in the basket; what it saves."""
    part_items, part_nets, part_saved = found
    for position, i in enumerate(part):
        items[i] = part_items[position]
        nets[i] = part_nets[position]
    return part_saved


def _by_part(
    parts: dict[int, list[int]],
    matches: Sequence[Match],
    lines: Sequence[PricingLine],
    out: Outcome,
    memo: dict[PartKey, PartOutcome],
    item_promotions: ItemPromotions,
) -> None:
    """The item stage of ``lines``, every part looked up in ``memo`` (or priced)."""
    nets, items = out.nets, out.items
    saved = 0
    unseen: list[tuple[PartKey, list[int]]] = []
    found: PartOutcome | None
    for i, line in enumerate(lines):  # the lines linked to none: a part each
        if i in parts or not line.promotable:
            continue
        key = line._part_key or line.part_key()
        found = _alone(line, key, memo)
        if found is None:
            unseen.append((key, [i]))
            continue
        items[i] = found[0][0]
        nets[i] = found[1][0]
        saved += found[2]
    for part in {id(part): part for part in parts.values()}.values():
        key, found = _part_outcome(part, lines, memo, item_promotions)
        if found is None:
            unseen.append((key, part))
            continue
        saved += _place(part, found, items, nets)
    out.saved += saved
    if unseen:
        _price_unseen(unseen, matches, lines, out, memo, item_promotions)


def _part_outcome(
    part: list[int],
    lines: Sequence[PricingLine],
    memo: dict[PartKey, PartOutcome],
    item_promotions: ItemPromotions,
) -> tuple[PartKey, PartOutcome | None]:
    """A part of several lines: its key, and its outcome if the memo has it or it grows
    from a part one line smaller that the memo has (``part_growth``), else None."""
    key = _key(part, lines)
    found = memo.get(key)
    if found is None:  # a part one line larger than one remembered: from it
        found = grown_part(part, key, lines, memo, item_promotions)
        if found is None:
            return key, None
        _remember(memo, key, found, 1)  # the new line: worked out, not remembered
    return key, found


def _key(part: list[int], lines: Sequence[PricingLine]) -> PartKey:
    """The memo key of a part of several lines (``PartKey``)."""
    flat: list[str | int | bool] = []
    for i in part:
        line = lines[i]
        flat += line._part_key or line.part_key()
    return tuple(flat)


def _remember(
    memo: dict[PartKey, PartOutcome], key: PartKey, found: PartOutcome, priced: int
) -> None:
    """Keep one part's outcome (``priced``: how many of its lines were priced for it)."""
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    if isinstance(memo, PartMemo):
        memo.lines_priced += priced
    memo[key] = found


def _price_unseen(
    unseen: list[tuple[PartKey, list[int]]],
    matches: Sequence[Match],
    lines: Sequence[PricingLine],
    out: Outcome,
    memo: dict[PartKey, PartOutcome],
    item_promotions: ItemPromotions,
) -> None:
    """Price the parts the memo has not seen in one ``apply_items`` (a union of parts
    is priced as each part alone: module docstring), then remember each part. A few
    lines are priced alone; many (a first scan, a new context) in the basket."""
    wanted = sorted([i for _, part in unseen for i in part])
    if 2 * len(wanted) < len(lines):
        found_items, found_nets = _price([lines[i] for i in wanted], item_promotions)
        where = {i: n for n, i in enumerate(wanted)}
    else:
        found_items, found_nets = _price_among(wanted, matches, lines)
        where = None
    nets, items = out.nets, out.items
    saved = 0
    if len(memo) + len(unseen) > _MEMO_LIMIT:
        memo.clear()
    if isinstance(memo, PartMemo):
        memo.lines_priced += len(wanted)
    for key, part in unseen:
        if len(part) == 1:  # most parts: one line
            i = part[0]
            n = i if where is None else where[i]
            items[i], nets[i] = found_items[n], found_nets[n]
            part_saved = lines[i].gross_cents - nets[i]
            found = memo[key] = ((found_items[n],), (nets[i],), part_saved)
            object.__setattr__(lines[i], "_alone", (memo, found))
            saved += part_saved
            continue
        at = part if where is None else [where[i] for i in part]
        part_items = tuple([found_items[n] for n in at])
        part_nets = tuple([found_nets[n] for n in at])
        part_saved = sum([lines[i].gross_cents for i in part]) - sum(part_nets)
        memo[key] = (part_items, part_nets, part_saved)
        saved += _place(part, memo[key], items, nets)
    out.saved += saved


def _price_among(
    wanted: list[int], matches: Sequence[Match], lines: Sequence[PricingLine]
) -> tuple[list[tuple[AppliedPromotion, ...]], list[int]]:
    """``apply_items`` on the lines at ``wanted`` (whole parts), in place in the basket:
    each line's item promotions and what it still costs, by basket index."""
    free = [0] * len(lines)
    for i in wanted:
        free[i] = 1 if lines[i].weighed else lines[i].quantity
    if len(wanted) == len(lines):  # every line: the basket's own matches
        restricted = matches
    else:
        chosen = set(wanted)
        restricted = []
        for promotion, indexes in matches:
            kept = [i for i in indexes if i in chosen]
            if kept:
                restricted.append((promotion, kept))
    out = Outcome(free, [line.gross_cents for line in lines], [[] for _ in lines])
    apply_items(restricted, lines, out)
    return list(map(tuple, out.items)), out.nets


def part_of(matches: Sequence[Match], linking: set[int] | frozenset[int]) -> dict[int, list[int]]:
    """Each line index linked to others to its part: one sorted list of line indexes
    shared by the part's lines (the lines linked to none are not in it)."""
    links = [indexes for promotion, indexes in matches
             if len(indexes) > 1 and promotion.id in linking]  # fmt: skip
    parts = _parts(links) if links else {}
    for part in {id(part): part for part in parts.values()}.values():
        part.sort()
    return parts


def extended_part_of(
    base: dict[int, list[int]],
    i: int,
    touched: Sequence[Match],
    linking: set[int] | frozenset[int],
) -> dict[int, list[int]]:
    """``part_of`` of a basket that is ``base``'s with one more line, at index ``i``
    (after every other), matched by ``touched`` (its item promotions' matches, with
    it): the parts its linking promotions join to it, and the others as they were.
    (A promotion that links only because of the new line is on it: it is in
    ``touched``, and its lines all join the new part.)"""
    members: set[int] = set()
    for promotion, indexes in touched:
        if len(indexes) > 1 and promotion.id in linking:
            for j in indexes:
                if j not in members:
                    members.update(base.get(j, (j,)))
    if not members:
        return base
    members.add(i)
    part = sorted(members)
    found = base.copy()
    for j in part:
        found[j] = part
    return found


def _parts(links: list[list[int]]) -> dict[int, list[int]]:
    """Each linked line index to its part (one list shared by the part's lines)."""
    part_of: dict[int, list[int]] = {}
    for indexes in links:
        part: list[int] | None = None
        for i in indexes:
            other = part_of.get(i)
            if other is None:
                if part is None:
                    part = part_of[i] = [i]
                else:
                    part.append(i)
                    part_of[i] = part
            elif part is None:
                part = other
            elif other is not part:
                if len(other) > len(part):
                    part, other = other, part
                part.extend(other)
                for j in other:
                    part_of[j] = part
    return part_of


def _price(
    lines: list[PricingLine], item_promotions: ItemPromotions
) -> tuple[list[tuple[AppliedPromotion, ...]], list[int]]:
    """``apply_items`` on ``lines`` alone (promotable, in line-id order): each line's
    item promotions and what it still costs."""
    found: dict[int, Match] = {}
    for position, line in enumerate(lines):
        for promotion in item_promotions(line.article()):
            match = found.get(promotion.id)
            if match is None:
                found[promotion.id] = (promotion, [position])
            else:
                match[1].append(position)
    out = Outcome(
        [1 if line.weighed else line.quantity for line in lines],
        [line.gross_cents for line in lines],
        [[] for _ in lines],
    )
    apply_items([found[pid] for pid in sorted(found)], lines, out)
    return list(map(tuple, out.items)), out.nets
