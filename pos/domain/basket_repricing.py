"""A basket priced again from its last repricing: only the lines whose answer changed.

A scan adds one line to a basket whose other lines are the very objects the last
repricing returned. The engine is asked again about every sold line (it keeps its own
memos), but what the basket makes of its answer need not be rebuilt: the sold lines,
their ``PricingLine`` objects and ids are the last ones with the tail that changed
(``_Last``), and the engine's answer for each sold line (its item promotions, its
share of each basket promotion) is compared with the last one in C (``map``,
``compress``). Only a line whose answer changed, or which is not the object last
returned, or came after the first line that is neither that object nor it repriced
(``BasketLine.repriced_from``), is looked at in Python, as ``basket_pricing.repriced``
looks at every line.

What is remembered is a pure function of the lines last returned and the pricing
(the same ``BasketPricing`` object), so a basket's copy sharing the memo (a trial
change), a change refused and undone, or lines dropped behind the basket's back
(the benchmark) are never misread: any line not provably the one last returned is
priced as ``repriced`` prices it. ``test_basket_repricing`` compares the two over
random baskets heavy in those cases.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress, repeat
from operator import is_not, itemgetter, ne
from typing import TYPE_CHECKING, NamedTuple

from pos.domain.basket_pricing import BasketPricing, PricingMemo, engine_prices
from pos.domain.basket_pricing import repriced as repriced_plainly

if TYPE_CHECKING:
    from pos.domain.basket import BasketLine
    from pos.domain.promotions import PricingLine


_LINE_ID = itemgetter(0)  # of a (line id, cents) share


class _Last(NamedTuple):
    """What one repricing returned (``lines``, under ``pricing``) and saw: the index
    in ``lines`` of each sold line (line ids increasing), their ids and engine views,
    the signature of the answer's basket promotions, their shares and each sold
    line's item promotions; every sold line of ``lines`` shows that answer."""

    lines: tuple[BasketLine, ...]
    pricing: BasketPricing
    positions: list[int]
    ids: list[int]
    engine_lines: list[PricingLine]
    signature: tuple[tuple[int, str], ...]
    shares: tuple[tuple[tuple[int, int], ...], ...]
    items: list[tuple]


def repriced(
    lines: tuple[BasketLine, ...], pricing: BasketPricing | None, memo: PricingMemo | None = None
) -> tuple[BasketLine, ...]:
    """``basket_pricing.repriced(lines, pricing, memo)``, the same lines, worked out
    from ``memo.last`` (module docstring)."""
    last = memo.last if memo is not None else None
    if pricing is None or memo is None:
        if memo is not None:
            memo.last = None
        return repriced_plainly(lines, pricing, memo)
    if not isinstance(last, _Last) or last.pricing is not pricing:
        last = None
    keep, touched = _kept(lines, last)
    kept = bisect_left(last.positions, keep) if last is not None else 0
    positions = last.positions[:kept] if last is not None else []
    ids = last.ids[:kept] if last is not None else []
    engine_lines = last.engine_lines[:kept] if last is not None else []
    for i in range(keep, len(lines)):
        line = lines[i]
        if engine_prices(line):
            if ids and line.line_id <= ids[-1]:  # not in line id order: from nothing
                memo.last = None
                return repriced_plainly(lines, pricing, memo)
            positions.append(i)
            ids.append(line.line_id)
            engine_lines.append(line.pricing_line())
    if not ids:
        memo.last = None
        return repriced_plainly(lines, pricing, memo)
    result = pricing.book.evaluate(engine_lines, pricing.context)
    signature = tuple((b.promotion_id, b.name) for b in result.basket)
    shares = tuple(b.shares for b in result.basket)
    items = list(map(result.lines.get, ids, repeat(())))
    if last is None or signature != last.signature:
        kept = 0  # every answer is new
    examined = set(range(kept, len(ids)))
    if kept and last is not None:
        examined.update(compress(range(kept), map(ne, last.items, items)))
        examined.update(_reshared(last.shares, shares, ids, kept))
    for i in touched:  # not the object last returned: its promotions may be others
        j = bisect_left(positions, i)
        if j < len(positions) and positions[j] == i:
            examined.add(j)
    memo.renew(signature)
    replaced = _answered(lines, positions, ids, items, shares, sorted(examined), memo)
    replaced.update(_unsold(lines, touched, keep))
    memo.forget_beyond(ids)
    if replaced:
        found = list(lines)
        for i, line in replaced.items():
            found[i] = line
        lines = tuple(found)
    memo.last = _Last(lines, pricing, positions, ids, engine_lines, signature, shares, items)
    return lines


def _kept(lines: tuple[BasketLine, ...], last: _Last | None) -> tuple[int, list[int]]:
    """How many leading ``lines`` are the last ones returned or those repriced, and
    the indexes among them of the repriced ones (not the objects returned)."""
    if last is None:
        return 0, []
    before = last.lines
    shared = min(len(before), len(lines))
    touched: list[int] = []
    for i in compress(range(shared), map(is_not, before, lines)):
        if not lines[i].repriced_from(before[i]):
            return i, touched
        touched.append(i)
    return shared, touched


def _reshared(
    before: tuple[tuple[tuple[int, int], ...], ...],
    now: tuple[tuple[tuple[int, int], ...], ...],
    ids: list[int],
    kept: int,
) -> list[int]:
    """The ranks below ``kept`` (among the sold ``ids``) of the lines whose share of a
    basket promotion may not be what it was (the same promotions, in the same order).

    Each promotion's (line id, cents) pairs are sorted by line id: compared place by
    place (by C), a line whose pair changed, came or went leaves a differing pair at
    its place in the old or the new list, or is in the longer one's tail; both line
    ids of each differing pair are taken (more lines than moved, never fewer)."""
    moved: set[int] = set()
    for old, new in zip(before, now, strict=True):
        if old == new:
            continue
        shorter = min(len(old), len(new))
        for k in compress(range(shorter), map(ne, old, new)):
            moved.add(old[k][0])
            moved.add(new[k][0])
        if len(old) != len(new):
            moved.update(map(_LINE_ID, old[shorter:]))
            moved.update(map(_LINE_ID, new[shorter:]))
    found = []
    for line_id in moved:
        j = bisect_left(ids, line_id)
        if j < kept and ids[j] == line_id:  # not a line dropped since
            found.append(j)
    return found


def _answered(
    lines: tuple[BasketLine, ...],
    positions: list[int],
    ids: list[int],
    items: list[tuple],
    shares: tuple[tuple[tuple[int, int], ...], ...],
    examined: list[int],
    memo: PricingMemo,
) -> dict[int, BasketLine]:
    """index → the sold line with its promotions, for each ``examined`` sold line
    (by its rank among the sold) whose promotions the answer changes."""
    replaced = {}
    by_line = [dict(each) for each in shares]
    for j in examined:
        line_id = ids[j]
        row = tuple([cents.get(line_id, 0) for cents in by_line])
        promotions = memo.answer(line_id, items[j], row)
        line = lines[positions[j]]
        if promotions is not line.promotions and promotions != line.promotions:
            replaced[positions[j]] = line.with_promotions(promotions)
    return replaced


def _unsold(lines: tuple[BasketLine, ...], touched: list[int], keep: int) -> dict[int, BasketLine]:
    """index → the line with its promotions, for each line the engine does not price
    among the ``touched`` ones and from ``keep`` on: a voided line has none (unless
    central fixed them), a returned or fixed one keeps its own."""
    replaced = {}
    for i in (*touched, *range(keep, len(lines))):
        line = lines[i]
        if line.voided and not line.fixed_promotions and line.promotions:
            replaced[i] = line.with_promotions(())
    return replaced
