"""Tenders: how a sale is paid, and when it is paid enough to complete.

Only cash can exceed what is due (the difference is the change); a card, voucher or
gift card is taken for at most the amount still due, since it cannot give change.
Several tenders may split one sale. Meal vouchers (titres-restaurant) are also capped
per sale: the law caps them at 25 € a day per employee (Code du travail, art. R3262-10;
all food products allowed until 31 Dec 2026) and a till cannot know the customer's
other purchases that day, so it caps what one sale takes.

A ticket whose total is below zero (a return, an exchange giving money back) is settled
in *refund mode*: refund tenders are negative (cash, card to the original card payment,
a credit note issued), never more than is still to give back, and no change.
"""

from __future__ import annotations

import re
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
    CREDIT_NOTE = "credit_note"  # an avoir: spent (> 0) or issued by a refund (< 0)
    LOYALTY = "loyalty"  # points spent, debited centrally; reference: the op id


#: How money goes back on a refund ticket: anything else is refunded to a credit note.
REFUND_KINDS = frozenset({TenderKind.CASH, TenderKind.CARD, TenderKind.CREDIT_NOTE})


@dataclass(slots=True)
class Payment:
    """The tenders taken so far against a fixed total due."""

    total_cents: int
    tenders: list[SaleTender] = field(default_factory=list)

    @property
    def paid_cents(self) -> int:
        return sum(t.amount_cents for t in self.tenders)

    @property
    def refunding(self) -> bool:
        """The ticket gives money back: its tenders are refunds (negative)."""
        return self.total_cents < 0

    @property
    def remaining_cents(self) -> int:
        """Still to collect; in refund mode, still to give back (both >= 0)."""
        if self.refunding:
            return max(self.paid_cents - self.total_cents, 0)
        return max(self.total_cents - self.paid_cents, 0)

    @property
    def change_cents(self) -> int:
        if self.refunding:
            return 0
        return max(self.paid_cents - self.total_cents, 0)

    @property
    def is_covered(self) -> bool:
        if self.refunding:
            return self.paid_cents == self.total_cents
        return self.paid_cents >= self.total_cents

    def add(self, kind: TenderKind | str, amount_cents: int, reference: str = "") -> SaleTender:
        """Take a tender; refuse one that is useless or would need change it cannot give.
        In refund mode ``amount_cents`` is negative: money given back."""
        kind = TenderKind(kind)
        if self.refunding:
            return self._refund(kind, amount_cents, reference)
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

    def _refund(self, kind: TenderKind, amount_cents: int, reference: str) -> SaleTender:
        if isinstance(amount_cents, bool) or not isinstance(amount_cents, int):
            raise PosError("A refund must be a whole number of cents.", code="amount_not_cents")
        if amount_cents >= 0:
            raise PosError(
                "This ticket gives money back: enter the refund, not a payment.",
                code="refund_expected",
            )
        if kind not in REFUND_KINDS:
            raise PosError(
                "Only cash, a card or a credit note can be refunded.",
                code="refund_kind",
                kind=kind.value,
            )
        if self.is_covered:
            raise PosError("This ticket is already refunded.", code="already_paid")
        if -amount_cents > self.remaining_cents:
            raise PosError(
                f"The refund cannot exceed the {format_eur(self.remaining_cents)} still to give "
                "back.",
                code="refund_exceeds_due",
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


#: A meal voucher's reference as printed on it (a paper title's number, a card payment's
#: authorisation): optional, short enough for one receipt line next to its label.
MEAL_VOUCHER_REFERENCE_MAX = 24
_MEAL_VOUCHER_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./-]*$")


def check_meal_voucher_reference(kind: str, reference: str) -> None:
    """Refuse a meal voucher's reference the receipt could not print as typed: longer
    than ``MEAL_VOUCHER_REFERENCE_MAX`` or with a symbol no title carries. Empty is fine."""
    if kind != TenderKind.MEAL_VOUCHER or not reference:
        return
    if len(reference) > MEAL_VOUCHER_REFERENCE_MAX or not _MEAL_VOUCHER_REFERENCE.match(reference):
        raise PosError(
            f"A meal voucher's reference has at most {MEAL_VOUCHER_REFERENCE_MAX} letters, "
            "digits, spaces, dots, slashes or hyphens: check it, or leave it empty.",
            code="meal_voucher_reference",
            max=MEAL_VOUCHER_REFERENCE_MAX,
        )


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
