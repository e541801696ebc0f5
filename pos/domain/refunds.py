"""Where the money of a refund goes: back to the original tenders where it can.

A card payment is refunded to that card (its reference), at most what it paid less what
earlier returns already gave back to it; cash (and a cheque) in cash, up to the cash
refund limit (above it, a manager's right); vouchers, gift cards, meal vouchers and a
credit note spent are never given back in kind: to a new credit note, as is whatever no
original tender covers (a return without receipt). The cashier may move any part to a
credit note instead (the customer's choice); ``check_refund`` says what a chosen set of
refund tenders needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pos.domain.errors import PosError
from pos.domain.money import format_eur
from pos.domain.returns import OriginTender
from pos.domain.sale import SaleTender

CARD, CASH, CREDIT_NOTE = "card", "cash", "credit_note"
#: Original tenders refunded as cash (up to the limit).
_AS_CASH = frozenset({"cash", "cheque"})


@dataclass(frozen=True, slots=True)
class RefundCheck:
    """What a set of refund tenders needs: the cash given back, and whether it is above
    the limit (``REFUND_CASH_ABOVE_LIMIT`` or a manager's approval)."""

    cash_cents: int
    cash_above_limit: bool


def card_room(origins: Iterable[OriginTender], reference: str) -> int:
    """What may still be refunded to the card payment ``reference`` (0: no such card)."""
    return sum(
        max(t.amount_cents - t.refunded_cents, 0)
        for t in origins
        if t.kind == CARD and t.reference == reference
    )


def propose_refund(
    total_cents: int,
    origins: Sequence[OriginTender],
    *,
    cash_limit_cents: int,
    cash_above_limit: bool = False,
) -> tuple[SaleTender, ...]:
    """The refund tenders (negative) for a ticket of ``total_cents`` < 0: cards first,
    then cash up to the limit (beyond it only when ``cash_above_limit``: the cashier
    holds the right), the rest to one credit note (its reference, the code, is the
    caller's to give)."""
    left = -total_cents
    if left <= 0:
        return ()
    tenders: list[SaleTender] = []
    for origin in origins:
        room = max(origin.amount_cents - origin.refunded_cents, 0)
        if origin.kind == CARD and room and left:
            given = min(room, left)
            tenders.append(SaleTender(CARD, -given, origin.reference))
            left -= given
    cash_room = sum(
        max(t.amount_cents - t.refunded_cents, 0) for t in origins if t.kind in _AS_CASH
    )
    cash = min(cash_room, left)
    if not cash_above_limit:
        cash = min(cash, cash_limit_cents)
    if cash:
        tenders.append(SaleTender(CASH, -cash))
        left -= cash
    if left:
        tenders.append(SaleTender(CREDIT_NOTE, -left))
    return tuple(tenders)


def check_refund(
    tenders: Sequence[SaleTender], origins: Sequence[OriginTender], *, cash_limit_cents: int
) -> RefundCheck:
    """Refuse a card refund to no original card payment or above what it may still
    take back (``refund_above_tender``); say whether the cash is above the limit."""
    by_card: dict[str, int] = {}
    for tender in tenders:
        if tender.kind == CARD:
            by_card[tender.reference] = by_card.get(tender.reference, 0) - tender.amount_cents
    for reference, amount in by_card.items():
        room = card_room(origins, reference)
        if amount > room:
            raise PosError(
                f"This card can only be refunded {format_eur(room)} (what it paid, less "
                "earlier refunds): give the rest another way.",
                code="refund_above_tender",
                room_cents=room,
            )
    cash = -sum(t.amount_cents for t in tenders if t.kind == CASH)
    return RefundCheck(cash, cash > cash_limit_cents)
