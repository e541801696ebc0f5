"""Tenders: how a sale is paid, and when it is paid enough to complete.

Only cash can exceed what is due (the difference is the change); a card, voucher or
gift card is taken for at most the amount still due, since it cannot give change.
Several tenders may split one sale. Meal vouchers (titres-restaurant) are also capped
per sale: the law caps them at 25 € a day per employee (Code du travail, art. R3262-10;
all food products allowed until 31 Dec 2026) and a till cannot know the customer's
other purchases that day, so it caps what one sale takes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from pos.domain.errors import PosError
from pos.domain.money import check_amount, format_eur
from pos.domain.sale import SaleTender


class TenderKind(StrEnum):
    CASH = "cash"
    CARD = "card"  # the amount is recorded; the payment terminal is external
    VOUCHER = "voucher"
    GIFT_CARD = "gift_card"
    CHEQUE = "cheque"
    MEAL_VOUCHER = "meal_voucher"  # titres-restaurant: no change given


@dataclass(slots=True)
class Payment:
    """The tenders taken so far against a fixed total due."""

    total_cents: int
    tenders: list[SaleTender] = field(default_factory=list)

    @property
    def paid_cents(self) -> int:
        return sum(t.amount_cents for t in self.tenders)

    @property
    def remaining_cents(self) -> int:
        return max(self.total_cents - self.paid_cents, 0)

    @property
    def change_cents(self) -> int:
        return max(self.paid_cents - self.total_cents, 0)

    @property
    def is_covered(self) -> bool:
        return self.paid_cents >= self.total_cents

    def add(self, kind: TenderKind | str, amount_cents: int, reference: str = "") -> SaleTender:
        """Take a tender; refuse one that is useless or would need change it cannot give."""
        kind = TenderKind(kind)
        check_amount(amount_cents, what="payment", allow_zero=False)
        if self.total_cents == 0:  # cash taken here would all be change
            raise PosError(
                "Nothing is due for this sale: complete it without a payment.", code="nothing_due"
            )
        if self.is_covered:
            raise PosError("This sale is already paid.", code="already_paid")
        if kind is not TenderKind.CASH and amount_cents > self.remaining_cents:
            raise PosError(
                f"A {kind.value.replace('_', ' ')} payment cannot exceed the "
                f"{format_eur(self.remaining_cents)} still due: it gives no change.",
                code="tender_exceeds_due",
                kind=kind.value,
            )
        tender = SaleTender(kind.value, amount_cents, reference)
        self.tenders.append(tender)
        return tender

    def remove(self, index: int) -> SaleTender:
        """Take back a tender entered by mistake (before the sale completes)."""
        if not 0 <= index < len(self.tenders):
            raise PosError("There is no such payment to remove.", code="no_such_tender")
        return self.tenders.pop(index)


#: The legal daily cap of meal vouchers per employee, in 2026: the default per-sale cap.
MEAL_VOUCHER_CAP_CENTS = 2500


def check_meal_voucher_cap(payment: Payment, kind: str, amount_cents: int, cap_cents: int) -> None:
    """Refuse a meal voucher that would take the sale's meal vouchers over ``cap_cents``
    (0: no cap), naming the cap and what is left under it."""
    if kind != TenderKind.MEAL_VOUCHER or cap_cents <= 0:
        return
    taken = sum(t.amount_cents for t in payment.tenders if t.kind == TenderKind.MEAL_VOUCHER)
    left = max(cap_cents - taken, 0)
    if amount_cents > left:
        raise PosError(
            f"Meal vouchers are capped at {format_eur(cap_cents)} per sale: "
            f"{format_eur(left)} left for this sale. Take the rest another way.",
            code="meal_voucher_cap",
            cap_cents=cap_cents,
            left_cents=left,
        )
