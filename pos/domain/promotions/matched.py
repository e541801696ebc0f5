"""What matches a basket: each promotion with the lines it matches, split as ``resolve``
takes them, extended line by line as a till scans.

``EligibleIndex.matched`` answers a ``Matched``; the next scan's is most often this one
with one more line (``Matched.extended``), so what follows from the lines before it
(their matches, their parts, their item stage) is carried over and only the new line is
looked up. A ``Matched`` is never changed once made, but for the values it caches, each
equal to what a recomputation would give: safe to share between threads.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pos.domain.promotions.items import Match
from pos.domain.promotions.model import BASKET_KINDS, PricingLine, Promotion
from pos.domain.promotions.parts import ItemStage, extended_part_of, part_of

if TYPE_CHECKING:
    from pos.domain.promotions.book import EligibleIndex


def match_id(match: Match) -> int:
    return match[0].id


def group_of(promotion: Promotion) -> int:
    """Where ``resolve`` takes a promotion: 0 item, 1 basket, 2 exclusive."""
    if promotion.exclusive:
        return 2
    return 1 if promotion.kind in BASKET_KINDS else 0


@dataclass(frozen=True, slots=True)
class Matched:
    """``EligibleIndex.matched`` of ``lines``: the matching promotions split as
    ``resolve`` takes them (``groups``: item, basket, exclusive ones, each in id order,
    ``orders`` their ids), the ids of the linking promotions and the indexes of the
    promotable lines. Never changed once made: extending one copies what changes."""

    lines: tuple[PricingLine, ...]
    orders: tuple[list[int], list[int], list[int]]
    groups: tuple[list[Match], list[Match], list[Match]]
    links: frozenset[int]
    promotable: list[int]
    #: what it was extended from, and the item matches of the line added (for
    #: ``part_of``, dropped once that is known); the item stage's parts
    base: Matched | None = None
    touched: tuple[Match, ...] = ()
    _part_of: dict[int, list[int]] | None = field(default=None, repr=False, compare=False)
    #: the item stage of these lines less the last (what it was extended from had
    #: been priced), and of these lines once priced (``keep_stage``): a scan that
    #: extends them prices only the part its line joins (``parts._after_one_more``)
    before: ItemStage | None = field(default=None, repr=False, compare=False)
    _stage: ItemStage | None = field(default=None, repr=False, compare=False)

    _ids: list[int] | None = field(default=None, repr=False, compare=False)
    #: what each exclusive promotion saves alone on these lines less the last (the
    #: basket extended had been priced), and on these lines once priced
    alone_before: dict[int, int] | None = field(default=None, repr=False, compare=False)
    _alone_savings: dict[int, int] | None = field(default=None, repr=False, compare=False)

    def keep_alone(self, savings: dict[int, int]) -> None:
        """Keep what each exclusive promotion saves alone on these lines."""
        object.__setattr__(self, "_alone_savings", savings)

    def line_ids(self) -> list[int]:
        """The lines' ids, in order (read them, never change them)."""
        found = self._ids
        if found is None:
            found = [line.line_id for line in self.lines]
            object.__setattr__(self, "_ids", found)
        return found

    def keep_stage(self, stage: ItemStage) -> None:
        """Keep the item stage of these lines (the same value whoever prices them)."""
        object.__setattr__(self, "_stage", stage)

    def part_of(self) -> dict[int, list[int]]:
        """``parts.part_of`` of these matches, extended from the base's when known."""
        found = self._part_of
        if found is None:
            base = self.base
            if base is not None and base._part_of is not None:
                found = extended_part_of(base._part_of, len(base.lines), self.touched, self.links)
            else:
                found = part_of(self.items, self.links)
            object.__setattr__(self, "_part_of", found)  # the same value whoever sets it
            object.__setattr__(self, "base", None)  # no chain of past baskets kept
        return found

    @property
    def items(self) -> list[Match]:
        return self.groups[0]

    @property
    def baskets(self) -> list[Match]:
        return self.groups[1]

    @property
    def exclusives(self) -> list[Match]:
        return self.groups[2]

    def extended(self, index: EligibleIndex, lines: Sequence[PricingLine]) -> Matched:
        """The answer for ``lines``: these lines and one more, last."""
        i = len(self.lines)
        line = lines[i]
        if not line.promotable:
            same = Matched(tuple(lines), self.orders, self.groups, self.links, self.promotable,
                           before=self._stage, _ids=self._more_ids(line),
                           alone_before=self._alone_savings)  # fmt: skip
            object.__setattr__(same, "_part_of", self._part_of)
            return same
        key = line._article or line.article()
        scan = index.scanned(key)
        orders, groups = list(self.orders), list(self.groups)
        copied = [False, False, False]
        promotable = [*self.promotable, i]
        touched: list[tuple[Promotion, list[int] | None]]
        touched = [(promotion, None) for _, promotion in scan[0]]
        touched += [(promotion, promotable) for promotion in index.everything]
        items = []
        for promotion, shared in touched:
            group = group_of(promotion)
            if not copied[group]:
                orders[group], groups[group] = orders[group].copy(), groups[group].copy()
                copied[group] = True
            match = _add(orders[group], groups[group], promotion, i, shared)
            if not group:
                items.append(match)
        links = self.links | scan[1] if scan[1] else self.links
        return Matched(
            tuple(lines), tuple(orders), tuple(groups), links, promotable,  # type: ignore[arg-type]
            self, tuple(items), before=self._stage, _ids=self._more_ids(line),
            alone_before=self._alone_savings,
        )  # fmt: skip

    def _more_ids(self, line: PricingLine) -> list[int] | None:
        """These lines' ids and ``line``'s, if these are known."""
        return None if self._ids is None else [*self._ids, line.line_id]


def _add(
    order: list[int], matches: list[Match], promotion: Promotion, i: int, shared: list[int] | None
) -> Match:
    """Line index ``i`` (after every other) on ``promotion``'s match, a new list; one
    on everything takes ``shared``, the promotable indexes (they all share one list)."""
    pid = promotion.id
    at = bisect_left(order, pid)
    if at < len(order) and order[at] == pid:
        match = (promotion, shared if shared is not None else [*matches[at][1], i])
        matches[at] = match
    else:
        match = (promotion, shared if shared is not None else [i])
        order.insert(at, pid)
        matches.insert(at, match)
    return match
