"""A part of the item stage grown by one line, worked out from the part it grew from.

A scan often adds a line to a large part (``parts``): a per-unit promotion on a
department or a brand meets a promotion on one SKU of it, so every line of the
department is linked, and the part, a new memo key, would be priced again whole. Its
outcome is often the old part's plus the new line ``L`` taken by one promotion, and
which one follows from the old part's outcome, without running the greedy again.

The conditions. Every item promotion matching ``L`` is a per-unit one (percent, amount
off: it takes all the free units of a line, or none), and ``o_T`` is what ``T`` takes
off ``L`` with all its units. If no ``o_T`` is positive, ``L`` changes no saving and
takes nothing. Else let ``level`` be the highest priority with a positive ``o_T``,
and the rivals the promotions ``T`` of that priority with ``o_T > 0``. At the
priorities above, ``L`` changes no saving: the old lines enter ``level`` as before and
``L`` free. At ``level``, the old greedy's choices, in order, are the promotions of that
priority ranked by (``A_C``, lowest id), ``A_C`` what ``C`` saved on the old part (read
from its outcome): a choice takes what it saves then, and savings only shrink as units
are taken, so nothing chosen later saves more (the uncontested ones, taken apart by
``items.apply_items``, touch no other's lines: any order gives the same). A rival's
saving before the ``j``-th choice is at most ``S_T``, what it saves on its old lines
with every unit free, less those lines a per-unit promotion chosen before took (it
took all their free units). Walk the old choices ``C`` in order, ``L`` still free:

* ``C`` not a rival: if every rival's (``S_T + o_T``, lowest id) ranks below
  (``A_C``, lowest id), the greedy chooses ``C`` as before (only the rivals look at
  ``L``), and ``C`` takes what it took (the same lines are free).
* ``C`` a rival: its saving is ``A_C + o_C``; if every other rival's (``S_T + o_T``)
  ranks below it, ``C`` is chosen, takes its old lines and ``L`` whole; the other
  rivals lose their ``o_T``, back to their old savings: the rest of the greedy runs as
  before, ``L`` taken.
* Else a rival may be chosen before ``C``: settled when each rival ranking above ``C``
  by its bound has a known saving (``_exact``: none on the old lines, or what it
  saved at its own later step, no choice in between having taken one of its lines).
  The largest, if it outranks ``C``, takes ``L`` now (and its old lines, as it did
  later): the choices in between are unchanged (it took none of their lines), the
  other rivals are back to their old savings. If none outranks ``C``, ``C`` is
  chosen as above. A rival whose saving is not known: priced whole.

If no rival is among the old choices, the old greedy ended with every rival saving
nothing on the old lines: now each saves its ``o_T``, the largest (lowest id) takes
``L`` alone and the others are back to nothing. Either way, below ``level`` ``L`` is
not free and the old lines are as before: the part's outcome is the old one and ``L``
taken by one rival at its ``o_T``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pos.domain.promotions.kinds import unit_off
from pos.domain.promotions.model import (
    PER_UNIT_KINDS,
    AppliedPromotion,
    PartOutcome,
    PricingLine,
    Promotion,
)

#: (items per line, net per line, saved) of one part, by position in the part.
#: The item promotions matching a line of an article (sku, department, brand), by id.
ItemPromotions = Callable[[tuple[str, str, str]], Sequence[Promotion]]

_new = tuple.__new__  # an AppliedPromotion without the Python-level __new__ call


def grown_part(
    part: list[int],
    key: tuple[object, ...],
    lines: Sequence[PricingLine],
    memo: dict,
    item_promotions: ItemPromotions,
) -> PartOutcome | None:
    """The outcome of ``part`` (basket indexes, sorted; ``key`` its memo key) from the
    memo's outcome of the part less its last line; None when the module's conditions
    do not hold or the smaller part is not remembered."""
    new = lines[part[-1]]
    own = new._part_key or new.part_key()
    base = memo.get(key[: -len(own)])
    if base is None:
        return None
    return grown_from(base, part, lines, item_promotions)


def grown_from(
    base: PartOutcome,
    part: list[int],
    lines: Sequence[PricingLine],
    item_promotions: ItemPromotions,
) -> PartOutcome | None:
    """``grown_part`` from ``base``, the outcome of ``part`` less its last line."""
    new = lines[part[-1]]
    units = 1 if new.weighed else new.quantity
    rivals: list[tuple[Promotion, int]] = []
    level = None
    for promotion in item_promotions(new._article or new.article()):
        if promotion.kind not in PER_UNIT_KINDS:
            return None
        off = unit_off(promotion, new, units) if units else 0
        if off > 0:
            if level is None or promotion.priority > level:
                level, rivals = promotion.priority, [(promotion, off)]
            elif promotion.priority == level:
                rivals.append((promotion, off))
    if level is None:  # it takes nothing, changes nothing
        return (*base[0], ()), (*base[1], new.gross_cents), base[2]
    taker = _taker(rivals, level, part, lines, base, item_promotions)
    if taker is None:
        return None
    promotion, off = taker
    applied = (_new(AppliedPromotion, (promotion.id, promotion.name, off)),)
    return (*base[0], applied), (*base[1], new.gross_cents - off), base[2] + off


def _taker(
    rivals: list[tuple[Promotion, int]],
    level: int,
    part: list[int],
    lines: Sequence[PricingLine],
    base: PartOutcome,
    item_promotions: ItemPromotions,
) -> tuple[Promotion, int] | None:
    """The rival taking the new line and what it takes off it, by the walk of the
    module docstring; None when a bound does not settle it."""
    saved: dict[int, int] = {}  # A_C at ``level``, by id
    chosen: dict[int, Promotion] = {}
    elsewhere: set[int] = set()  # applied ids of another priority
    took: dict[int, set[int]] = {}  # positions each choice at ``level`` took
    bounds = {promotion.id: 0 for promotion, _ in rivals}  # S_T
    offs: dict[int, list[tuple[int, int]]] = {pid: [] for pid in bounds}
    for position, line_items in enumerate(base[0]):
        line = lines[part[position]]
        on_line = item_promotions(line._article or line.article())
        for applied in line_items:
            pid = applied[0]
            if pid in chosen:
                saved[pid] += applied[2]
                took[pid].add(position)
            elif pid not in elsewhere:
                promotion = next(p for p in on_line if p.id == pid)
                if promotion.priority == level:
                    saved[pid], chosen[pid], took[pid] = applied[2], promotion, {position}
                else:
                    elsewhere.add(pid)
        for promotion in on_line:
            pid = promotion.id
            if pid in bounds:
                off = unit_off(promotion, line, 1 if line.weighed else line.quantity)
                bounds[pid] += off
                offs[pid].append((position, off))
    gains = {promotion.id: off for promotion, off in rivals}
    order = sorted(saved, key=lambda pid: (-saved[pid], pid))
    for step, pid in enumerate(order):
        mine = (saved[pid] + gains.get(pid, 0), -pid)
        over = [other for other, gain in gains.items()
                if other != pid and (bounds[other] + gain, -other) >= mine]  # fmt: skip
        if over:  # a rival may take the new line now: known only if its saving is
            exact = [_exact(other, gains[other], step, order, saved, chosen, took, bounds,
                            offs) for other in over]  # fmt: skip
            known = [value for value in exact if value is not None]
            if len(known) < len(exact):
                return None
            best = max(zip(known, over, strict=True))
            if best[0] > mine:
                taker = best[1]
                return next(rival for rival in rivals if rival[0].id == taker)
        if pid in gains:
            return chosen[pid], gains[pid]
        if chosen[pid].kind in PER_UNIT_KINDS:  # its lines: free no more
            lines_taken = took[pid]
            for other, found in offs.items():
                bounds[other] -= sum([off for at, off in found if at in lines_taken])
    return max(rivals, key=lambda rival: (rival[1], -rival[0].id))


def _exact(
    pid: int,
    gain: int,
    step: int,
    order: list[int],
    saved: dict[int, int],
    chosen: dict[int, Promotion],
    took: dict[int, set[int]],
    bounds: dict[int, int],
    offs: dict[int, list[tuple[int, int]]],
) -> tuple[int, int] | None:
    """A rival's (saving with the new line, lowest id) before the ``step``-th old
    choice, when it is known; else None. Known when it saves nothing on the old lines
    (its bound is 0: it would take the new line alone), or when it is a later old
    choice and every choice from ``step`` to its own is a per-unit one that took none
    of its lines: it then saves what it saved at its own step, and taking its lines
    earlier changes none of those choices (a per-unit choice saving anything on one of
    them would have taken it before it) nor puts another before them (savings only
    shrink): the greedy runs as before, the new line taken."""
    if bounds[pid] == 0:
        return gain, -pid
    if pid not in saved:
        return None
    mine = {at for at, off in offs[pid] if off}
    for other in order[step:]:
        if other == pid:
            return saved[pid] + gain, -pid
        if chosen[other].kind not in PER_UNIT_KINDS or not mine.isdisjoint(took[other]):
            return None
    return None
