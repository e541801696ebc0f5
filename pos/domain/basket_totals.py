"""A basket's totals: worked out on every change of the basket (a scan), in one pass
over its lines, each line's amounts read once (``BasketLine.sold_amounts`` keeps them).

The ticket discount is shared over the sold lines by ``allocate``; a returned line
keeps what it had when it was paid. The VAT table is summed per rate as the lines are
read (the same sums ``vat_breakdown`` would make of each line's total)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from operator import is_not
from typing import TYPE_CHECKING, NamedTuple

from pos.domain.discount import Discount, allocate
from pos.domain.errors import PosError
from pos.domain.money import MAX_CENTS, format_eur
from pos.domain.product import SoldBy
from pos.domain.sale import VatLine
from pos.domain.vat import vat_table

if TYPE_CHECKING:
    from pos.domain.basket import BasketLine


class BasketTotals(NamedTuple):
    """A basket's totals, worked out on every scan: a named tuple, not a frozen
    dataclass (as immutable, built at a tenth of the cost)."""

    gross_cents: int
    line_discount_cents: int
    ticket_discount_cents: int
    total_cents: int
    vat: tuple[VatLine, ...]
    item_count: int  # units, plus one per weighed line
    ticket_shares: tuple[int, ...]  # ticket discount share per active line, in order
    returned_cents: int = 0  # what the returned lines give back (<= 0), in the total
    promotion_cents: int = 0  # promotions on the sold lines, in line_discount_cents


#: What one active line adds to the sums: (gross, promotions, net, items, VAT rate,
#: amount at that rate, returned amount). A returned line adds to the last two only.
_Part = tuple[int, int, int, int, int, int, int]
#: The sums of a list of active lines: (gross, promotions, net, items, returned, count
#: of returned lines), and per VAT rate (amount, count of lines: a rate with no line
#: left has no row in the VAT table, one whose lines add up to 0 has one).
_Sums = tuple[tuple[int, int, int, int, int, int], dict[int, tuple[int, int]]]

#: Past this many changed lines the sums are taken again from nothing.
_FEW = 8


def _part(line: BasketLine) -> _Part:
    vat_bp = line.product.vat_bp
    if line.returned is not None:
        total = line.returned.amounts.total_cents
        return (0, 0, 0, 0, vat_bp, total, total)
    gross, off, net = line.sold_amounts()
    units = 1 if line.product.sold_by is SoldBy.WEIGHT else line.quantity
    return (gross, off, net, units, vat_bp, net, 0)


def _sums(active: Sequence[BasketLine]) -> _Sums:
    gross = promoted = net = items = returned = returns = 0
    per_rate: dict[int, tuple[int, int]] = {}
    for line in active:
        g, o, n, u, vat_bp, cents, r = _part(line)
        gross, promoted, net, items, returned = (
            gross + g, promoted + o, net + n, items + u, returned + r
        )  # fmt: skip
        returns += line.returned is not None
        amount, count = per_rate.get(vat_bp, (0, 0))
        per_rate[vat_bp] = (amount + cents, count + 1)
    return (gross, promoted, net, items, returned, returns), per_rate


class TotalsTally:
    """The sums of the last active lines a basket was totalled on, so a scan adds its
    line and the few lines whose promotions moved (only their promotions and net: a
    line repriced is the same line otherwise), instead of reading the 50 lines. Its
    one state (lines, sums) is replaced whole, never changed in place: a copy of the
    basket sharing it (a trial change) is never misled."""

    __slots__ = ("_state",)

    def __init__(self) -> None:
        self._state: tuple[tuple[BasketLine, ...], _Sums] = ((), _sums(()))

    def sums(self, active: Sequence[BasketLine]) -> _Sums:
        lines, (totals, per_rate) = self._state
        n = len(lines)
        changed: list[int] | None = None
        if len(active) in (n, n + 1):
            changed = list(compress(range(n), map(is_not, lines, active)))
        if changed is None or len(changed) > _FEW:
            found = _sums(active)
        else:
            gross, promoted, net, items, returned, returns = totals
            per_rate = per_rate.copy()
            moves: list[tuple[BasketLine, int]] = []
            for i in changed:
                was, now = lines[i], active[i]
                if now.repriced_from(was) and now.returned is None:  # promotions alone
                    _, off_was, net_was = was.sold_amounts()
                    _, off, net_now = now.sold_amounts()
                    promoted += off - off_was
                    net += net_now - net_was
                    amount, count = per_rate[now.product.vat_bp]
                    per_rate[now.product.vat_bp] = (amount + net_now - net_was, count)
                else:
                    moves += ((was, -1), (now, 1))
            if len(active) > n:
                moves.append((active[n], 1))
            for line, sign in moves:
                g, o, c, u, vat_bp, cents, r = _part(line)
                gross += sign * g
                promoted += sign * o
                net += sign * c
                items += sign * u
                returned += sign * r
                returns += sign * (line.returned is not None)
                amount, count = per_rate.get(vat_bp, (0, 0))
                per_rate[vat_bp] = (amount + sign * cents, count + sign)
            found = (gross, promoted, net, items, returned, returns), per_rate
        self._state = (tuple(active), found)
        return found


def basket_totals(
    active: list[BasketLine], ticket_discount: Discount | None, tally: TotalsTally | None = None
) -> BasketTotals:
    """The totals of the ``active`` (not voided) lines under ``ticket_discount``;
    refused above the ticket limit. ``tally``: the sums taken from the last lines
    totalled when few lines changed since."""
    sums, rates = tally.sums(active) if tally is not None else _sums(active)
    gross, promoted, net_sum, items, returned, returns = sums
    per_rate = {rate: amount for rate, (amount, count) in rates.items() if count}
    ticket = ticket_discount_cents(ticket_discount, net_sum)
    if ticket:
        nets = [line.sold_amounts()[2] for line in active if line.returned is None]
        shares = _ticket_shares(active, allocate(ticket, nets), per_rate)
    elif returns:
        shares = tuple(
            0 if line.returned is None else line.returned.amounts.ticket_discount_cents
            for line in active
        )
    else:
        shares = (0,) * len(active)
    total = net_sum - ticket + returned
    if abs(total) > MAX_CENTS:
        raise PosError(
            f"The ticket total would exceed {format_eur(MAX_CENTS)}: check the quantities.",
            code="amount_too_large",
        )
    vat = vat_table(per_rate)
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
