"""What the till does between two requests, so that a scan does none of it.

People scan at least ~100 ms apart; a scan takes a few hundred microseconds. The work a
scan used to pay for at random belongs in that gap (``Checkout.idle``, called by the
till's worker once its queue is empty, and by the scan benchmarks between their timed
scans, which report its cost):

* the garbage collector's passes. While a sale is open the collector's automatic passes
  are deferred: its first threshold is raised to ``BACKSTOP`` (a bound, reached only by
  a till that is never idle: memory stays bounded), and ``collect_due`` runs the pass
  Python's own rule calls for (past 700 allocations; the generation as ``gc`` picks
  it). A young pass took ~160 µs and a middle one ~1 ms inside 1-3 % of the
  scans: the scan's p99. Once the sale is over, the thresholds are Python's again (the
  other screens allocate as they like);
* the pricing memos' trims (``Basket.tidy``): cleared near their bounds and filled
  again with the open basket's parts, instead of cleared full inside a scan.

The collector is the process's: one ``Deferral`` for the module, restored by
``Checkout.close``. Nothing here changes a price or a total.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pos.domain.basket import Basket

#: The collector's first threshold while a sale is open: ~20× Python's 700, so a pass
#: forced by it (a till kept busy for thousands of allocations) stays a few ms.
BACKSTOP = 15_000


@dataclass(frozen=True, slots=True)
class IdleWork:
    """What one idle moment did: the oldest generation collected (-1: none) and
    whether the pricing memos were trimmed (and the basket priced into them again)."""

    collected: int
    trimmed: bool


class Deferral:
    """The collector's thresholds, raised while a sale is open, and the passes due."""

    def __init__(self) -> None:
        self.saved: tuple[int, int, int] | None = None  # Python's, while deferred

    @property
    def deferred(self) -> bool:
        return self.saved is not None

    def defer(self) -> None:
        if self.saved is None:
            first, middle, old = gc.get_threshold()
            if first == 0:  # the collector is off (gc.disable is separate): leave it
                return
            self.saved = (first, middle, old)
            gc.set_threshold(max(first, BACKSTOP), middle, old)

    def restore(self) -> None:
        if self.saved is not None:
            gc.set_threshold(*self.saved)
            self.saved = None

    def collect_due(self) -> int:
        """Run the pass Python's thresholds call for by now, chosen by Python itself:
        its first threshold lowered for one allocation, ``gc`` picks the oldest
        generation due with its own rule (a full pass only once enough long-lived
        objects wait: a pass here never walks the heap more often than Python
        would). The generation run, -1 if none was due."""
        if not gc.isenabled():
            return -1
        current = gc.get_threshold()
        first = (self.saved or current)[0]
        if first == 0 or gc.get_count()[0] <= first:
            return -1
        before = [generation["collections"] for generation in gc.get_stats()]
        gc.set_threshold(1, *current[1:])
        try:
            _Nudge()  # a tracked allocation: the collector runs its due pass
        finally:
            gc.set_threshold(*current)
        after = [generation["collections"] for generation in gc.get_stats()]
        ran = [n for n, (was, now) in enumerate(zip(before, after, strict=True)) if now != was]
        return max(ran, default=-1)


class _Nudge:
    """An object the collector tracks, allocated to let it run (``collect_due``)."""

    __slots__ = ()


#: The one for the process (the collector is the process's).
_deferral = Deferral()


class IdleActs:
    """A mixin of ``Checkout``: ``idle`` and the collector given back on close."""

    basket: Basket
    _deferring = False  # this checkout deferred the collector (another one may not undo it)

    def idle(self) -> IdleWork:
        """The work of an idle moment (module docstring): the pricing memos trimmed,
        then the collector's due pass, deferred again while the sale is open. Call it
        on the checkout's thread, between two requests."""
        trimmed = self.basket.tidy()
        if self.basket.lines:
            _deferral.defer()
            self._deferring = True
        collected = _deferral.collect_due()
        if not self.basket.lines:
            self._give_back_collector()
        return IdleWork(collected, trimmed)

    def _give_back_collector(self) -> None:
        """Python's thresholds again (the sale is over, the till closes, a test ends),
        if this checkout deferred them."""
        if self._deferring:
            _deferral.restore()
            self._deferring = False
