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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from pos.domain.discount import Discount
from pos.domain.product import SoldBy
from pos.domain.promotions import PricingContext, PricingLine, PricingResult, PromotionBook
from pos.domain.sale import LinePromotion

if TYPE_CHECKING:
    from pos.domain.basket import BasketLine


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
    return sum(promotion.discount_cents for promotion in promotions)


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
    amounts: dict[int, list] = {}
    for applied in result.lines.get(line_id, ()):
        _add(amounts, applied.promotion_id, applied.name, applied.discount_cents)
    for basket in result.basket:
        _add(amounts, basket.promotion_id, basket.name, basket.share_of(line_id))
    return tuple(LinePromotion(pid, name, cents) for pid, (name, cents) in amounts.items())


def _add(amounts: dict[int, list], promotion_id: int, name: str, cents: int) -> None:
    if cents <= 0:
        return
    if promotion_id in amounts:
        amounts[promotion_id][1] += cents
    else:
        amounts[promotion_id] = [name, cents]


def priced(
    lines: Sequence[BasketLine], pricing: BasketPricing | None
) -> dict[int, tuple[LinePromotion, ...]]:
    """line id → promotions, for every line the engine prices (sold, not voided, not
    fixed by central); the other lines keep what they have."""
    sold = [
        line
        for line in lines
        if not line.voided and line.returned is None and not line.fixed_promotions
    ]
    if pricing is None or not sold:
        return {line.line_id: () for line in sold}
    result = pricing.book.evaluate([pricing_line(line) for line in sold], pricing.context)
    return {line.line_id: line_promotions(result, line.line_id) for line in sold}


def repriced(
    lines: tuple[BasketLine, ...], pricing: BasketPricing | None
) -> tuple[BasketLine, ...]:
    """``lines`` with the promotions the engine gives them now (a voided line none, a
    line priced by central its own); the same tuple when nothing changed."""
    found = priced(lines, pricing)
    changed = False
    result = []
    for line in lines:
        promotions = found.get(line.line_id, line.promotions)
        if line.voided and not line.fixed_promotions:
            promotions = ()
        if promotions != line.promotions:
            line, changed = replace(line, promotions=promotions), True
        result.append(line)
    return tuple(result) if changed else lines
