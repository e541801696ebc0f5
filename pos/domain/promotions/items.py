"""Rule 2, the item stage: each unit gets at most one item promotion, the largest
saving first within a priority.

A promotion's saving can only shrink as other promotions take units (fewer units to
pool, never dearer ones), which makes a lazy heap exact: percent and amount-off savings
are kept up to date line by line as lines change (each line's part is independent of
the others), a pooled one (n for m, n-th, bundle) is marked stale and recomputed only if
it reaches the top of the heap. The order of choices, and so the result, is the one of
"recompute everything, take the largest (lowest id on a tie), again".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from heapq import heapify, heappop, heappush
from typing import Any

from pos.domain.promotions.kinds import Take, item_take, unit_off
from pos.domain.promotions.model import (
    AppliedBasketPromotion,
    AppliedPromotion,
    Kind,
    PricingLine,
    Promotion,
)

#: A promotion and the indexes (in the line-id-sorted basket) of the lines it matches.
Match = tuple[Promotion, list[int]]

_new = tuple.__new__  # an AppliedPromotion without the Python-level __new__ call


@dataclass(slots=True)
class Outcome:
    """One way of pricing the basket: per line index what is still free and owed
    (the item stage by parts keeps no ``free``, the last basket promotion no ``nets``:
    only ``items``, ``basket`` and ``saved`` are the answer)."""

    free: list[int]
    nets: list[int]
    #: per line, a list while the item stage builds it, a part's tuple once read from the
    #: parts memo (``parts``)
    items: list[Any]
    basket: list[AppliedBasketPromotion] = field(default_factory=list)
    saved: int = 0
    #: the last basket promotions applied, their totals known but not yet shared over
    #: their lines, in order (promotion, total, line indexes): ``engine`` shares them
    #: only if this outcome is the answer (an exclusive beats it on most demo-till scans)
    #: (None until the basket stage: the item stage builds many outcomes, not it)
    unshared: list[tuple[Promotion, int, list[int]]] | None = None

    def take(self, promotion: Promotion, parts: Sequence[tuple[int, int, int]]) -> None:
        """Apply (line index, discount, units) parts of one item promotion."""
        free, nets, items = self.free, self.nets, self.items
        pid, name, saved = promotion.id, promotion.name, 0
        for i, off, units in parts:
            free[i] -= units
            if off:
                nets[i] -= off
                items[i].append(_new(AppliedPromotion, (pid, name, off)))
                saved += off
        self.saved += saved

    def take_alone(
        self, promotion: Promotion, indexes: Sequence[int], lines: Sequence[PricingLine]
    ) -> None:
        """Apply a promotion nothing competes with: ``item_take`` then ``take``, in one
        pass for the per-unit kinds (a part with no discount takes no unit either way)."""
        kind = promotion.kind
        if kind is not Kind.PERCENT and kind is not Kind.AMOUNT_OFF:
            take = item_take(promotion, indexes, lines, self.free)
            if take.saving > 0:
                self.take(promotion, take.parts)
            return
        free, nets, items = self.free, self.nets, self.items
        pid, name, value, saved = promotion.id, promotion.name, promotion.value, 0
        percent = kind is Kind.PERCENT
        for i in indexes:
            units = free[i]
            if not units:
                continue
            line = lines[i]
            if percent:
                amount = line.gross_cents if line.weighed else line.unit_price_cents * units
                off = (2 * amount * value + 10_000) // 20_000
            else:
                off = unit_off(promotion, line, units)
            if off:
                free[i] = 0
                nets[i] -= off
                items[i].append(_new(AppliedPromotion, (pid, name, off)))
                saved += off
        self.saved += saved


def apply_items(matches: Sequence[Match], lines: Sequence[PricingLine], out: Outcome) -> None:
    """By priority, highest first; within one, the greedy described above. A promotion
    alone on all its lines within its priority is applied at once: nothing competes."""
    groups: dict[int, list[Match]] = {}
    for match in matches:
        groups.setdefault(match[0].priority, []).append(match)
    for priority in sorted(groups, reverse=True):
        group = groups[priority]
        if len(group) == 1:
            out.take_alone(group[0][0], group[0][1], lines)
            continue
        watchers: dict[int, list[Promotion]] = {}  # line index -> promotions looking at it
        for promotion, indexes in group:
            for i in indexes:
                watchers.setdefault(i, []).append(promotion)
        shared = {i for i, looking in watchers.items() if len(looking) > 1}
        contested = []
        for match in group:
            if shared.isdisjoint(match[1]):
                out.take_alone(match[0], match[1], lines)
            else:
                contested.append(match)
        if contested:
            _Greedy(contested, lines, out, watchers).run()


class _Greedy:
    def __init__(
        self,
        group: Sequence[Match],
        lines: Sequence[PricingLine],
        out: Outcome,
        watchers: dict[int, list[Promotion]],
    ) -> None:
        self.lines, self.out, self.watchers = lines, out, watchers
        self.pending = {promotion.id: (promotion, indexes) for promotion, indexes in group}
        self.parts: dict[int, dict[int, int]] = {}  # percent/amount: line index -> off
        self.pooled: dict[int, Take | None] = {}  # None: stale
        self.saving: dict[int, int] = {}
        self.version: dict[int, int] = {}
        self.heap: list[tuple[int, int, int]] = []
        free = out.free
        for pid, (promotion, indexes) in self.pending.items():
            if promotion.kind is Kind.PERCENT:  # unit_off inlined, as in kinds._per_unit
                offs = {}
                value = promotion.value
                for i in indexes:
                    units = free[i]
                    if units:
                        line = lines[i]
                        amount = line.gross_cents if line.weighed else line.unit_price_cents * units
                        off = (2 * amount * value + 10_000) // 20_000
                        if off:
                            offs[i] = off
                self.parts[pid] = offs
                saving = sum(offs.values())
            elif promotion.kind is Kind.AMOUNT_OFF:  # unit_off inlined too
                offs = {}
                value = promotion.value
                for i in indexes:
                    units = free[i]
                    if units:
                        line = lines[i]
                        if line.weighed:
                            off = min((2 * value * line.quantity + 1000) // 2000, line.gross_cents)
                        else:
                            off = min(value, line.unit_price_cents) * units
                        if off:
                            offs[i] = off
                self.parts[pid] = offs
                saving = sum(offs.values())
            else:
                take = self.pooled[pid] = item_take(promotion, indexes, lines, free)
                saving = take.saving
            self.saving[pid], self.version[pid] = saving, 0
            if saving > 0:
                self.heap.append((-saving, pid, 0))
        heapify(self.heap)

    def run(self) -> None:
        heap, pending = self.heap, self.pending
        while heap:
            _, pid, version = heappop(heap)
            if pid not in pending or version != self.version[pid]:
                continue
            promotion, indexes = pending[pid]
            if pid in self.pooled:
                take = self.pooled[pid]
                if take is None:  # stale: recompute, and back in the heap
                    take = self.pooled[pid] = item_take(
                        promotion, indexes, self.lines, self.out.free
                    )
                    self._push(pid, take.saving)
                    continue
                parts: Sequence[tuple[int, int, int]] = take.parts
            else:
                free = self.out.free
                parts = [(i, off, free[i]) for i, off in self.parts[pid].items()]
            del pending[pid]
            self.out.take(promotion, parts)
            moved: dict[int, None] = {}  # promotions whose saving changed: pushed once
            for i, _, _ in parts:
                self._line_changed(i, moved)
            saving = self.saving
            for other in moved:
                self._push(other, saving[other])

    def _push(self, pid: int, saving: int) -> None:
        version = self.version[pid] = self.version[pid] + 1
        self.saving[pid] = saving
        if saving > 0:
            heappush(self.heap, (-saving, pid, version))

    def _line_changed(self, i: int, moved: dict[int, None]) -> None:
        """Update the savings of the promotions watching line ``i`` (not the heap: an
        entry pushed now would be stale before anything is popped)."""
        units = self.out.free[i]
        for promotion in self.watchers[i]:
            pid = promotion.id
            if pid not in self.pending:
                continue
            offs = self.parts.get(pid)
            if offs is None:
                self.pooled[pid] = None
                continue
            before = offs.get(i, 0)
            after = unit_off(promotion, self.lines[i], units) if units else 0
            if after != before:
                if after:
                    offs[i] = after
                else:
                    del offs[i]
                self.saving[pid] += after - before
                moved[pid] = None
