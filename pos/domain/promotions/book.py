"""The compiled promotions: indexed once, asked on every scan.

A ``PromotionBook`` is built when the promotions change (a feed page, a server start),
not per basket. Eligibility (window, store, channel, customer, coupon) depends only on
the context, so it is worked out once per context and kept: the window part changes only
when ``now`` crosses one of the promotions' start or end instants, so the book keys its
cache on the interval between two such instants. An evaluation then costs a few
dictionary lookups per line and the arithmetic of the promotions that match; and the
eligible index remembers the parts of the item stage it has priced (``parts``), so a
scan reprices only the part of the basket the scanned line belongs to.

A book may be shared by threads (the reference server's request threads): its caches
are only ever filled with values equal to what a recomputation would give, and bounded.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from operator import attrgetter, is_

from pos.domain.errors import PosError
from pos.domain.promotions.engine import resolve_groups
from pos.domain.promotions.items import Match
from pos.domain.promotions.matched import Matched, group_of, match_id
from pos.domain.promotions.model import (
    BASKET_KINDS,
    PER_UNIT_KINDS,
    PricingContext,
    PricingLine,
    PricingResult,
    Promotion,
    normalise_code,
)
from pos.domain.promotions.parts import PartKey, PartMemo, PartOutcome

_CACHE_LIMIT = 256
_ARTICLE_LIMIT = 20_000
_LINE_ID = attrgetter("line_id")
_ID = attrgetter("id")

#: What matching needs of an article: (id, promotion) not targeting everything, and
#: the ids of the promotions linking its lines.
_Scan = tuple[tuple[tuple[int, Promotion], ...], frozenset[int]]


@dataclass(frozen=True, slots=True)
class EligibleIndex:
    """The promotions eligible in one context, indexed by what they target.

    ``_per_article`` remembers, per (sku, department, brand), the promotions other than
    the everything ones that match it, so a line costs one lookup once seen.
    """

    promotions: tuple[Promotion, ...]
    by_sku: dict[str, tuple[Promotion, ...]]
    by_department: dict[str, tuple[Promotion, ...]]
    by_brand: dict[str, tuple[Promotion, ...]]
    everything: tuple[Promotion, ...]
    _per_article: dict[tuple[str, str, str], tuple[Promotion, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _items_per_article: dict[tuple[str, str, str], tuple[Promotion, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _linking_per_article: dict[tuple[str, str, str], frozenset[int]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _scan_per_article: dict[tuple[str, str, str], _Scan] = field(
        default_factory=dict, repr=False, compare=False
    )
    #: the item stage's parts already priced (``parts``): a scan reprices one
    _parts: dict[PartKey, PartOutcome] = field(default_factory=PartMemo, repr=False, compare=False)
    #: the last ``matches`` answer and the one it was extended from
    _recent: tuple[Matched, ...] = field(default=(), repr=False, compare=False)

    @property
    def lines_priced(self) -> int:
        """How many lines this index's item stage has priced (not taken from its memo
        of the parts already priced): about one a scan."""
        return getattr(self._parts, "lines_priced", 0)

    @classmethod
    def of(cls, promotions: Sequence[Promotion]) -> EligibleIndex:
        by_sku: dict[str, list[Promotion]] = {}
        by_department: dict[str, list[Promotion]] = {}
        by_brand: dict[str, list[Promotion]] = {}
        for promotion in promotions:  # in id order, so each list is too
            target = promotion.target
            if target.everything:
                continue
            for key, index in (
                (target.skus, by_sku),
                (target.departments, by_department),
                (target.brands, by_brand),
            ):
                for value in key:
                    index.setdefault(value, []).append(promotion)
        return cls(
            tuple(promotions),
            {k: tuple(v) for k, v in by_sku.items()},
            {k: tuple(v) for k, v in by_department.items()},
            {k: tuple(v) for k, v in by_brand.items()},
            tuple(p for p in promotions if p.target.everything),
        )

    def article(self, sku: str, department: str, brand: str) -> tuple[Promotion, ...]:
        """The promotions (not targeting everything) matching an article, by id."""
        key = (sku, department, brand)
        found = self._per_article.get(key)
        if found is None:
            sources = [source for source in (
                self.by_sku.get(sku, ()),
                self.by_department.get(department, ()) if department else (),
                self.by_brand.get(brand, ()) if brand else (),
            ) if source]  # fmt: skip
            if len(sources) > 1:
                merged = {p.id: p for source in sources for p in source}
                found = tuple(merged[pid] for pid in sorted(merged))
            else:  # one index's tuple, in id order already (most articles)
                found = sources[0] if sources else ()
            if len(self._per_article) >= _ARTICLE_LIMIT:
                self._per_article.clear()
            self._per_article[key] = found
        return found

    def item_promotions(self, article: tuple[str, str, str]) -> tuple[Promotion, ...]:
        """The non-exclusive item promotions matching a promotable line of ``article``
        (sku, department, brand), by id."""
        found = self._items_per_article.get(article)
        if found is None:
            every = [*self.article(*article), *self.everything]
            if len(self._items_per_article) >= _ARTICLE_LIMIT:
                self._items_per_article.clear()
            found = self._items_per_article[article] = tuple(
                sorted(
                    (p for p in every if not p.exclusive and p.kind not in BASKET_KINDS),
                    key=_ID,
                )
            )
        return found

    def linking(self, article: tuple[str, str, str]) -> frozenset[int]:
        """The ids of the item promotions that link a line of ``article`` to their other
        lines (``parts``): the pooled ones, and the per-unit ones that meet another
        item promotion of their priority on it (exclusive ones are priced apart)."""
        found = self._linking_per_article.get(article)
        if found is None:
            by_priority: dict[int, list[Promotion]] = {}
            for promotion in self.item_promotions(article):
                by_priority.setdefault(promotion.priority, []).append(promotion)
            found = frozenset(
                p.id
                for same in by_priority.values()
                for p in same
                if len(same) > 1 or p.kind not in PER_UNIT_KINDS
            )
            if len(self._linking_per_article) >= _ARTICLE_LIMIT:
                self._linking_per_article.clear()
            self._linking_per_article[article] = found
        return found

    def scanned(self, article: tuple[str, str, str]) -> _Scan:
        """What ``matches`` reads of an article (its promotions by id, its linking
        ones), remembered."""
        found = self._scan_per_article.get(article)
        return found if found is not None else self._scan(article)

    def memos(self) -> tuple[dict, ...]:
        """Its bounded memos (``trim`` clears them between scans): the parts priced
        first, then the per-article ones."""
        return (self._parts, self._per_article, self._items_per_article,
                self._linking_per_article, self._scan_per_article)  # fmt: skip

    def _scan(self, article: tuple[str, str, str]) -> _Scan:
        """What ``matches`` reads of an article, in one lookup."""
        if len(self._scan_per_article) >= _ARTICLE_LIMIT:
            self._scan_per_article.clear()
        found = self._scan_per_article[article] = (
            tuple((p.id, p) for p in self.article(*article)),
            self.linking(article),
        )
        return found

    def matches(self, lines: Sequence[PricingLine], linking: set[int] | None = None) -> list[Match]:
        """Each promotion matching a promotable line, in id order, with its lines; with
        ``linking``, the promotions linking one of these lines are added to it."""
        found = self.matched(lines)
        if linking is not None:
            linking |= found.links
        return sorted([*found.items, *found.baskets, *found.exclusives], key=match_id)

    def matched(self, lines: Sequence[PricingLine]) -> Matched:
        """``matches`` of ``lines``, split as ``resolve`` takes them.

        The answer for the basket less its last line is often known (the last answer,
        or the one it was extended from: a scan adds a line to the basket last priced,
        or replaces the line it added): it is then extended by that line. The lists
        are shared with that memo: read them, never change them."""
        n = len(lines) - 1
        if n < 0:
            return Matched((), ([], [], []), ([], [], []), frozenset(), [])
        base = None
        for known in self._recent:
            if len(known.lines) == n and all(map(is_, known.lines, lines)):
                base = known
                break
        if base is None:
            base = self._matched(lines[:n])
        found = base.extended(self, lines)
        object.__setattr__(self, "_recent", (base, found))  # replaced whole: thread-safe
        return found

    def _matched(self, lines: Sequence[PricingLine]) -> Matched:
        """``matched(lines)``, from nothing."""
        found: dict[int, Match] = {}
        promotable = []
        per_article = self._scan_per_article
        links: set[int] = set()
        for i, line in enumerate(lines):
            if not line.promotable:
                continue
            promotable.append(i)
            key = line._article or line.article()
            scan = per_article.get(key)
            if scan is None:
                scan = self._scan(key)
            if scan[1]:
                links |= scan[1]
            for pid, promotion in scan[0]:
                match = found.get(pid)
                if match is None:
                    found[pid] = (promotion, [i])
                else:
                    match[1].append(i)
        if promotable:
            for promotion in self.everything:
                found[promotion.id] = (promotion, promotable)
        orders: tuple[list[int], list[int], list[int]] = ([], [], [])
        groups: tuple[list[Match], list[Match], list[Match]] = ([], [], [])
        for pid in sorted(found):
            match = found[pid]
            group = group_of(match[0])
            orders[group].append(pid)
            groups[group].append(match)
        return Matched(tuple(lines), orders, groups, frozenset(links), promotable)


class PromotionBook:
    """All known promotions, compiled; ``evaluate`` prices a basket in a context."""

    def __init__(self, promotions: Iterable[Promotion]) -> None:
        ordered = sorted(promotions, key=lambda p: p.id)
        for before, after in pairwise(ordered):
            if before.id == after.id:
                raise PosError(
                    f"Promotion {after.id} is given twice.", code="promotion_invalid", id=after.id
                )
        self.promotions: tuple[Promotion, ...] = tuple(ordered)
        self._edges = sorted({p.starts_at for p in ordered} | {p.ends_at for p in ordered})
        self._cache: dict[tuple[object, ...], EligibleIndex] = {}
        #: the context last asked and its index: a till asks with one context object
        #: per sale, on every scan (contexts are immutable, so the same object means
        #: the same index; one tuple, replaced whole: safe to share between threads)
        self._last: tuple[PricingContext, EligibleIndex] | None = None

    def __len__(self) -> int:
        return len(self.promotions)

    def eligible(self, context: PricingContext) -> EligibleIndex:
        """The promotions that apply in ``context`` (computed once per context and
        interval between two start/end instants)."""
        last = self._last
        if last is not None and last[0] is context:
            return last[1]
        if context.now.tzinfo is None:
            raise PosError("Promotions are priced at an instant with a time zone.",
                           code="promotion_naive_time")  # fmt: skip
        coupons = frozenset(normalise_code(code) for code in context.coupons)
        key = (
            bisect_right(self._edges, context.now),
            context.store_id,
            context.channel,
            context.customer_id is not None,
            coupons,
        )
        index = self._cache.get(key)
        if index is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            index = self._cache[key] = EligibleIndex.of(
                [p for p in self.promotions if _eligible(p, context, coupons)]
            )
        self._last = (context, index)
        return index

    def evaluate(self, lines: Sequence[PricingLine], context: PricingContext) -> PricingResult:
        """The promotions on ``lines`` under the combination rule (package docstring);
        the lines' order does not matter (they are taken by line id)."""
        ordered = sorted(lines, key=_LINE_ID)
        index = self.eligible(context)
        found = index.matched(ordered)
        parts = (index._parts, index.item_promotions, found.links, found.part_of(),
                 found.before, found.keep_stage)  # fmt: skip
        return resolve_groups(found.items, found.baskets, found.exclusives, ordered, parts,
                              found.line_ids(), (found.alone_before, found.keep_alone))  # fmt: skip


def _eligible(promotion: Promotion, context: PricingContext, coupons: frozenset[str]) -> bool:
    return (
        promotion.starts_at <= context.now < promotion.ends_at
        and (not promotion.stores or context.store_id in promotion.stores)
        and context.channel in promotion.channels
        and (not promotion.customer_only or context.customer_id is not None)
        and (not promotion.coupon_code or promotion.coupon_code in coupons)
    )
