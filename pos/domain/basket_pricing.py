"""The promotions on a basket: the engine's answer turned into what each line shows.

A ``Basket`` with a ``BasketPricing`` asks the shared promotion engine
(``pos.domain.promotions``) on every change; this module owns that arithmetic so the
basket keeps only its lines. The rule (rule 5 of the engine's docstring): the engine
prices the promotable lines at their gross amounts; a line's net after promotions is its
gross less its item promotions and its share of the basket promotions; the staff's
manual line discount applies on that net (a percentage of it, or an amount capped at
it); the manual ticket discount on the sum after that.

A price-overridden line, a returned line and a line priced by central (an online cart's,
its promotions fixed by central) are not promotable: the engine does not touch them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from pos.domain.discount import Discount
from pos.domain.product import SoldBy
from pos.domain.promotions import PricingContext, PricingLine, PricingResult, PromotionBook
from pos.domain.promotions.trim import index_full, nearly_full, trim_index
from pos.domain.sale import LinePromotion

if TYPE_CHECKING:
    from pos.domain.basket import BasketLine


_DISCOUNT = attrgetter("discount_cents")


@dataclass(frozen=True, slots=True)
class BasketPricing:
    """The promotions a sale is priced with (its book, taken when the sale starts) and
    who, where and when it is priced for (customer, coupons, store, the sale's start)."""

    book: PromotionBook
    context: PricingContext

    def with_context(self, **changes: object) -> BasketPricing:
        """The same book under a changed context (a customer attached, a coupon given)."""
        fields = {
            "now": self.context.now,
            "store_id": self.context.store_id,
            "channel": self.context.channel,
            "customer_id": self.context.customer_id,
            "coupons": self.context.coupons,
        }
        fields.update(changes)
        return BasketPricing(self.book, PricingContext(**fields))  # type: ignore[arg-type]


def promotion_cents(promotions: Iterable[LinePromotion]) -> int:
    return sum(map(_DISCOUNT, promotions))


def manual_discount_cents(discount: Discount | None, net_cents: int, promoted: bool) -> int:
    """The staff's line discount on the line's net after promotions. An amount larger
    than that net is capped at it when promotions shrank the line (the discount was
    given before); on a line without promotions it is refused as before."""
    if discount is None:
        return 0
    if promoted and discount.amount_cents > net_cents:
        return max(net_cents, 0)
    return discount.on(net_cents)


def pricing_line(line: BasketLine) -> PricingLine:
    """How the engine sees a sold line (see ``PricingLine``)."""
    product = line.product
    promotable = line.override is None and not line.fixed_promotions
    if line.fixed_gross_cents is not None:  # a label: one unit at its price
        gross = line.fixed_gross_cents
        return PricingLine(
            line.line_id, product.sku, gross, 1, gross, product.department, product.brand,
            False, promotable,
        )  # fmt: skip
    weighed = product.sold_by is SoldBy.WEIGHT
    return PricingLine(
        line.line_id, product.sku, product.price_cents, line.quantity, line.gross_cents,
        product.department, product.brand, weighed, promotable,
    )  # fmt: skip


def line_promotions(result: PricingResult, line_id: int) -> tuple[LinePromotion, ...]:
    """The line's item promotions then its shares of basket promotions, in the order
    applied, one entry per promotion id, none of zero."""
    shares = [(b.promotion_id, b.name, b.share_of(line_id)) for b in result.basket]
    return _line_promotions(result.lines.get(line_id, ()), shares, {})


def _line_promotions(
    items: Iterable[tuple[int, str, int]],
    shares: Iterable[tuple[int, str, int]],
    interned: dict[tuple[int, str, int], LinePromotion],
) -> tuple[LinePromotion, ...]:
    amounts: dict[int, list] = {}
    for promotion_id, name, cents in (*items, *shares):
        if cents <= 0:
            continue
        if promotion_id in amounts:
            amounts[promotion_id][1] += cents
        else:
            amounts[promotion_id] = [name, cents]
    found = []
    for pid, (name, cents) in amounts.items():
        found.append(_interned(interned, pid, name, cents))
    return tuple(found)


_CENTS = itemgetter(1)
#: Bound of the ``LinePromotion`` values a ``PricingMemo`` keeps (tens a ticket).
_INTERNED_LIMIT = 4096


class PricingMemo:
    """What repricing one basket remembers between its changes, so a scan rebuilds
    only what it changed. Each entry is a pure function of its key, so a memo shared
    by a copy of the basket (a trial change) is never wrong, only less useful:

    * ``promotions``: line id → (the engine's answer for the line: its item
      promotions and its share of each basket promotion, the ``LinePromotion`` tuple
      made of it): a line whose answer is unchanged keeps its
      tuple, hence its ``BasketLine`` object (the snapshot then skips it);
    * ``interned``: the ``LinePromotion`` values already built, reused;
    * ``last``: the last repricing's lines and answers (``basket_repricing``): the
      next scan compares the engine's answer with it, line by line in C.

    (A line's ``PricingLine`` is kept on the line itself: ``BasketLine.pricing_line``.)"""

    __slots__ = ("interned", "last", "promotions", "signature")

    def __init__(self) -> None:
        #: what the last repricing of the basket left (``basket_repricing``), or None
        self.last: object = None
        self.promotions: dict[int, tuple[object, tuple[int, ...], tuple[LinePromotion, ...]]] = {}
        self.interned: dict[tuple[int, str, int], LinePromotion] = {}
        self.signature: tuple[tuple[int, str], ...] = ()

    def promotions_of(self, result: PricingResult, sold: Sequence[int]) -> dict[int, tuple]:
        """line id → ``line_promotions(result, line id)`` for the ``sold`` line ids (in
        increasing order, as the engine gives its shares), each share looked up once,
        a tuple built only for a line whose answer changed."""
        self.renew(tuple((b.promotion_id, b.name) for b in result.basket))
        columns = [_column(b.shares, sold) for b in result.basket]
        rows = zip(*columns, strict=True) if columns else repeat(())
        items_of, answer, found = result.lines, self.answer, {}
        for line_id, shares in zip(sold, rows, strict=False):  # rows: endless if none
            found[line_id] = answer(line_id, items_of.get(line_id, ()), shares)
        self.forget_beyond(sold)
        return found

    def renew(self, signature: tuple[tuple[int, str], ...]) -> None:
        """Before answers under ``signature`` (the ids and names of a result's basket
        promotions, in order): the answers of another signature forgotten, and every
        value once the interned ones reach their bound."""
        if signature != self.signature:
            self.promotions.clear()
            self.signature = signature
        if len(self.interned) >= _INTERNED_LIMIT:
            self.promotions.clear()
            self.interned.clear()

    def answer(
        self, line_id: int, items: tuple, shares: tuple[int, ...]
    ) -> tuple[LinePromotion, ...]:
        """The line's promotions for its item promotions and its ``shares`` of the
        basket promotions of ``self.signature`` (``renew`` first): the tuple of last
        time when that answer did not change."""
        known = self.promotions.get(line_id)  # (items, shares, promotions)
        if known is not None and (known[0] is items or known[0] == items) and known[1] == shares:
            return known[2]
        if items:
            named = [(pid, name, cents) for (pid, name), cents
                     in zip(self.signature, shares, strict=True)]  # fmt: skip
            made = _line_promotions(items, named, self.interned)
        else:  # shares alone (most lines): one per basket promotion, ids distinct
            made = _shares_only(self.signature, shares, self.interned)
        self.promotions[line_id] = (items, shares, made)
        return made

    def forget_beyond(self, sold: Sequence[int]) -> None:
        """The answers of lines voided or dropped since, once they pile up."""
        remembered = self.promotions
        if len(remembered) > 2 * len(sold) + 64:
            for line_id in set(remembered) - set(sold):
                del remembered[line_id]

    def full(self) -> bool:
        """Whether the interned values near their bound (cleared by ``renew`` once
        there: inside a scan)."""
        return nearly_full(len(self.interned), _INTERNED_LIMIT)

    def trim(self) -> None:
        """Between scans (``tidy``): forget every value."""
        self.promotions.clear()
        self.interned.clear()


def _shares_only(
    signature: tuple[tuple[int, str], ...],
    shares: tuple[int, ...],
    interned: dict[tuple[int, str, int], LinePromotion],
) -> tuple[LinePromotion, ...]:
    """``_line_promotions((), shares named by signature, interned)`` without its merge:
    the basket promotions of one result have distinct ids, so there is nothing to add."""
    found = []
    for (pid, name), cents in zip(signature, shares, strict=True):
        if cents > 0:
            found.append(_interned(interned, pid, name, cents))
    return tuple(found)


def _interned(
    interned: dict[tuple[int, str, int], LinePromotion], pid: int, name: str, cents: int
) -> LinePromotion:
    """The one ``LinePromotion`` of these values (lines that did not change keep theirs)."""
    key = (pid, name, cents)
    promotion = interned.get(key)
    if promotion is None:
        promotion = interned[key] = LinePromotion(pid, name, cents)
    return promotion


def _column(shares: tuple[tuple[int, int], ...], sold: Sequence[int]) -> list[int]:
    """A basket promotion's share of each ``sold`` line (0 where it is not on it). Its
    shares are on sold lines only, by line id as ``sold`` is: as many means all of them."""
    if len(shares) == len(sold):
        return list(map(_CENTS, shares))
    by_line = dict(shares)
    return [by_line.get(line_id, 0) for line_id in sold]


def engine_prices(line: BasketLine) -> bool:
    """Whether the engine prices the line: sold, not voided, not fixed by central."""
    return not line.voided and line.returned is None and not line.fixed_promotions


def priced(
    lines: Sequence[BasketLine], pricing: BasketPricing | None, memo: PricingMemo | None = None
) -> dict[int, tuple[LinePromotion, ...]]:
    """line id → promotions, for every line the engine prices (sold, not voided, not
    fixed by central); the other lines keep what they have."""
    sold = [line for line in lines if engine_prices(line)]
    if pricing is None or not sold:
        return {line.line_id: () for line in sold}
    memo = memo if memo is not None else PricingMemo()
    result = pricing.book.evaluate([line.pricing_line() for line in sold], pricing.context)
    return memo.promotions_of(result, sorted([line.line_id for line in sold]))


def repriced(
    lines: tuple[BasketLine, ...], pricing: BasketPricing | None, memo: PricingMemo | None = None
) -> tuple[BasketLine, ...]:
    """``lines`` with the promotions the engine gives them now (a voided line none, a
    line priced by central its own); the same tuple when nothing changed."""
    found = priced(lines, pricing, memo)
    changed = False
    result = []
    for line in lines:
        promotions = found.get(line.line_id, line.promotions)
        if line.voided and not line.fixed_promotions:
            promotions = ()
        if promotions is not line.promotions and promotions != line.promotions:
            line, changed = line.with_promotions(promotions), True
        result.append(line)
    return tuple(result) if changed else lines


def tidy(lines: Sequence[BasketLine], pricing: BasketPricing | None, memo: PricingMemo) -> bool:
    """What a till does between two scans for its basket's pricing (``Basket.tidy``):
    the memos near their bounds trimmed (``promotions.trim``, ``PricingMemo.trim``),
    and, if any was, the basket priced once more into them, so the next scan finds
    them filled. The answer of that pricing is the lines' promotions already (each
    memo entry is a pure function of its key): it is not kept. Whether it was done."""
    if pricing is None:
        return False
    index = pricing.book.eligible(pricing.context)
    memo_full = memo.full()
    if not (memo_full or index_full(index)):
        return False  # the usual idle moment: a few lookups
    sold = [line for line in lines if engine_prices(line)]
    trim_index(index, [line.pricing_line().article() for line in sold])
    if memo_full:
        memo.trim()
    if sold:
        priced(lines, pricing, memo)
    return True
