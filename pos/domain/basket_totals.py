"""A basket's totals: worked out on every change of the basket (a scan), in one pass
over its lines, each line's amounts read once (``BasketLine.sold_amounts`` keeps them).

The ticket discount is shared over the sold lines by ``allocate``; a returned line
keeps what it had when it was paid. The VAT table is summed per rate as the lines are
read (the same sums ``vat_breakdown`` would make of each line's total)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pos.domain.discount import Discount, allocate
from pos.domain.errors import PosError
from pos.domain.money import MAX_CENTS, format_eur
from pos.domain.product import SoldBy
from pos.domain.sale import VatLine
from pos.domain.vat import vat_breakdown

if TYPE_CHECKING:
    from pos.domain.basket import BasketLine


@dataclass(frozen=True, slots=True)
class BasketTotals:
    gross_cents: int
    line_discount_cents: int
    ticket_discount_cents: int
    total_cents: int
    vat: tuple[VatLine, ...]
    item_count: int  # units, plus one per weighed line
    ticket_shares: tuple[int, ...]  # ticket discount share per active line, in order
    returned_cents: int = 0  # what the returned lines give back (<= 0), in the total
    promotion_cents: int = 0  # promotions on the sold lines, in line_discount_cents


def basket_totals(active: list[BasketLine], ticket_discount: Discount | None) -> BasketTotals:
    """The totals of the ``active`` (not voided) lines under ``ticket_discount``;
    refused above the ticket limit."""
    gross = items = promoted = returned = 0
    nets: list[int] = []
    per_rate: dict[int, int] = {}  # VAT rate → what its lines cost, before the ticket discount
    for line in active:
        vat_bp = line.product.vat_bp
        if line.returned is not None:
            returned += line.returned.amounts.total_cents
            per_rate[vat_bp] = per_rate.get(vat_bp, 0) + line.returned.amounts.total_cents
            continue
        line_gross, off, net = line.sold_amounts()
        gross += line_gross
        promoted += off
        nets.append(net)
        per_rate[vat_bp] = per_rate.get(vat_bp, 0) + net
        items += 1 if line.product.sold_by is SoldBy.WEIGHT else line.quantity
    net_sum = sum(nets)
    ticket = ticket_discount_cents(ticket_discount, net_sum)
    if ticket:
        shares = _ticket_shares(active, allocate(ticket, nets), per_rate)
    else:
        shares = tuple(
            0 if line.returned is None else line.returned.amounts.ticket_discount_cents
            for line in active
        )
    total = net_sum - ticket + returned
    if abs(total) > MAX_CENTS:
        raise PosError(
            f"The ticket total would exceed {format_eur(MAX_CENTS)}: check the quantities.",
            code="amount_too_large",
        )
    vat = vat_breakdown(per_rate.items())
    return BasketTotals(
        gross, gross - net_sum, ticket, total, vat, items, shares, returned, promoted
    )


def ticket_discount_cents(discount: Discount | None, net_sum: int) -> int:
    """A fixed ticket discount shrinks with the ticket (after a void), never below 0."""
    if discount is None:
        return 0
    if discount.amount_cents:
        return min(discount.amount_cents, net_sum)
    return discount.on(net_sum)


def _ticket_shares(
    active: list[BasketLine], sold_shares: list[int], per_rate: dict[int, int]
) -> tuple[int, ...]:
    """Each active line's share of the ticket discount (a returned line keeps what it
    had), taken off its rate in ``per_rate``."""
    shares, sold = [], iter(sold_shares)
    for line in active:
        if line.returned is None:
            share = next(sold)
            per_rate[line.product.vat_bp] -= share
        else:
            share = line.returned.amounts.ticket_discount_cents
        shares.append(share)
    return tuple(shares)
