"""Spending a credit note at the till with no central linked (the offline rules), on a
real store file: a note this till issued is spent within what its tickets left of it,
the amount left out pays as much as the note covers, and the balance left is told."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pos.domain.errors import PosError
from pos.domain.returns import ReturnReason
from pos.domain.rights import Role
from pos.domain.sale import SaleTender
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.credit_notes import CreditNoteTill
from pos.services.returns import ReturnDesk, ReturnRules
from pos.services.staff import StaffDirectory
from sync.contract.codes import new_credit_note_code
from tests.support.staff import SteppedClock

SOLD = "2026-03-02T09:00:00.000Z"
NEXT_DAY = datetime(2026, 3, 3, 10, tzinfo=UTC)


@pytest.fixture
def camille(store) -> Checkout:
    directory = StaffDirectory(store, clock=SteppedClock())
    admin = directory.create_first_admin("Nadia", "2468")
    directory.add(admin, "Camille", Role.CASHIER, "1111", staff_id="camille")
    return Checkout(store, terminal_id="T01", actor=directory.member("camille").actor,
                    clock=lambda: SOLD)  # fmt: skip


def _issue(checkout: Checkout, item) -> str:
    """Sold by card, then taken back to a credit note at this till: its code."""
    checkout.scan(item.barcodes[0])
    checkout.add_tender(TenderKind.CARD, item.price_cents, "CB-1")
    sold = checkout.complete().sale_id
    rules = ReturnRules(offline_return_limit_cents=1_000_000)
    desk = ReturnDesk(checkout, rules=rules, now=lambda: NEXT_DAY)
    desk.find(sold)
    desk.return_line(sold, 1, 1, ReturnReason.CHANGED_MIND)
    desk.refund((SaleTender("credit_note", -item.price_cents),))
    code = desk.credit_note_code()
    desk.complete()
    return code


def test_a_note_issued_here_pays_offline_up_to_what_it_has_left(camille, demo_items) -> None:
    units = [i for i in demo_items if i.sold_by == "unit" and i.barcodes and i.price_cents > 500]
    cheap, dear = min(units, key=lambda i: i.price_cents), max(units, key=lambda i: i.price_cents)
    assert dear.price_cents > cheap.price_cents
    code = _issue(camille, cheap)
    camille.scan(dear.barcodes[0])
    notes = CreditNoteTill(camille, calls=None, offline_limit_cents=1_000_000)
    with pytest.raises(PosError) as refused:
        notes.take(code, cheap.price_cents + 1)
    assert refused.value.code == "credit_note_balance"
    assert refused.value.params["balance_cents"] == cheap.price_cents
    taken = notes.take(code)  # as much as it covers of what is due
    assert (taken.amount_cents, taken.balance_cents) == (cheap.price_cents, 0)
    camille.add_tender(TenderKind.CASH, dear.price_cents - cheap.price_cents)
    camille.complete()
    camille.scan(dear.barcodes[0])
    with pytest.raises(PosError) as spent:
        CreditNoteTill(camille, calls=None).take(code)
    assert spent.value.code == "credit_note_spent"


def test_a_note_from_elsewhere_offline_pays_what_is_due_within_the_limit(
    camille, demo_items
) -> None:
    item = next(i for i in demo_items if i.sold_by == "unit" and i.barcodes and i.price_cents > 500)
    camille.scan(item.barcodes[0])
    notes = CreditNoteTill(camille, calls=None, offline_limit_cents=item.price_cents - 1)
    with pytest.raises(PosError) as refused:
        notes.take(new_credit_note_code())  # what is due: above the limit
    assert refused.value.code == "offline_credit_note_limit"
    taken = notes.take(new_credit_note_code(), item.price_cents - 1)
    assert (taken.amount_cents, taken.balance_cents, taken.index) == (item.price_cents - 1, None, 0)
