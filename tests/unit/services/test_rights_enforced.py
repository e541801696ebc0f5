"""Every right the till services enforce, driven with no UI: allowed for a role that
holds it, refused (``RightRefused``, the basket untouched) for one that does not, and
allowed again with a manager's approval; a cashier's approval is refused."""

from __future__ import annotations

from itertools import count

import pytest

from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.rights import Right, RightRefused, Role
from pos.domain.tenders import TenderKind
from pos.services.approvals import Approvals
from pos.services.checkout import Checkout
from pos.services.staff import StaffDirectory
from pos.store import cancelled_sales, receipts
from pos.store.local_store import LocalStore
from tests.support.staff import SteppedClock


@pytest.fixture
def staff(store: LocalStore):
    directory = StaffDirectory(store, clock=SteppedClock())
    admin = directory.create_first_admin("Nadia", "2468")
    directory.add(admin, "Camille", Role.CASHIER, "1111", staff_id="camille")
    directory.add(admin, "Julien", Role.CASHIER, "2222", staff_id="julien")
    directory.add(admin, "Inès", Role.MANAGER, "3333", staff_id="ines")
    return directory, Approvals(directory, terminal_id="T01")


def till(store, directory, who: str) -> Checkout:
    ids = count(1)
    return Checkout(
        store, terminal_id="T01", actor=directory.member(who).actor,
        clock=lambda: "2026-11-25T09:00:00.000Z", new_id=lambda: f"sale-{who}-{next(ids)}",
    )  # fmt: skip


def first_line(checkout: Checkout, demo_items) -> int:
    item = next(i for i in demo_items if i.sold_by == "unit" and i.barcodes and i.price_cents > 500)
    return checkout.scan(item.barcodes[0]).line_id


def refused_right(call, *args, **kwargs) -> RightRefused:
    with pytest.raises(RightRefused) as caught:
        call(*args, **kwargs)
    return caught.value


def test_line_discount_up_to_the_free_limit_for_all_above_it_needs_the_right(
    store, staff, demo_items
):
    directory, approvals = staff
    camille = till(store, directory, "camille")
    line = first_line(camille, demo_items)
    camille.set_line_discount(line, Discount.percent(1000))  # 10 %: anyone
    before = camille.totals()
    error = refused_right(camille.set_line_discount, line, Discount.percent(1001))
    assert error.params == {"right": "line_discount_above_limit", "approvable": True}
    assert camille.totals() == before  # nothing changed
    gross = camille.basket.lines[0].gross_cents
    refused_right(camille.set_line_discount, line, Discount.amount(gross // 5))  # 20 % in €
    approval = approvals.approve(
        camille.actor, "ines", "3333", Right.LINE_DISCOUNT_ABOVE_LIMIT, "20 % off", gross // 5
    )
    camille.set_line_discount(line, Discount.percent(2000), approval)
    assert camille.totals().line_discount_cents > before.line_discount_cents
    ines = till(store, directory, "ines")
    ines.set_line_discount(first_line(ines, demo_items), Discount.percent(5000))


def test_ticket_discount_needs_the_right(store, staff, demo_items):
    directory, approvals = staff
    camille = till(store, directory, "camille")
    first_line(camille, demo_items)
    refused_right(camille.set_ticket_discount, Discount.amount(50))
    assert camille.totals().ticket_discount_cents == 0
    with pytest.raises(PosError) as caught:  # a cashier cannot approve
        approvals.approve(camille.actor, "julien", "2222", Right.TICKET_DISCOUNT, "0,50 €", 50)
    assert caught.value.code == "approver_lacks_right"
    approval = approvals.approve(camille.actor, "ines", "3333", Right.TICKET_DISCOUNT, "", 50)
    with pytest.raises(PosError) as beyond:  # approved 0,50 €: not 0,51 €
        camille.set_ticket_discount(Discount.amount(51), approval)
    assert (beyond.value.code, beyond.value.params["approved_cents"]) == ("approval_exceeded", 50)
    camille.set_ticket_discount(Discount.amount(50), approval)
    assert camille.totals().ticket_discount_cents == 50
    camille.set_ticket_discount(None)  # taking it off needs nothing
    ines = till(store, directory, "ines")
    first_line(ines, demo_items)
    ines.set_ticket_discount(Discount.percent(500))


def test_an_approval_covers_only_its_asker(store, staff, demo_items):
    directory, approvals = staff
    camille, julien = till(store, directory, "camille"), till(store, directory, "julien")
    first_line(julien, demo_items)
    approval = approvals.approve(camille.actor, "ines", "3333", Right.TICKET_DISCOUNT, "", 50)
    refused_right(julien.set_ticket_discount, Discount.amount(50), approval)


def test_cancelling_a_basket_with_lines_needs_the_right_and_is_recorded(store, staff, demo_items):
    directory, approvals = staff
    camille = till(store, directory, "camille")
    camille.cancel()  # an empty basket: nothing to record, nothing to refuse
    first_line(camille, demo_items)
    sale_id = camille.sale_id
    refused_right(camille.cancel)
    assert camille.sale_id == sale_id and not camille.basket.is_empty()
    approval = approvals.approve(camille.actor, "ines", "3333", Right.CANCEL_SALE, "cancel")
    camille.cancel(approval)
    [kept] = cancelled_sales.list_cancelled(store.conn)
    assert (kept.sale_id, kept.staff_id, kept.approval_id) == (
        sale_id, "camille", approval.approval_id,
    )  # fmt: skip
    assert len(kept.basket["lines"]) == 1 and kept.total_cents > 0
    ines = till(store, directory, "ines")
    first_line(ines, demo_items)
    ines.cancel()
    assert [c.staff_id for c in cancelled_sales.list_cancelled(store.conn)] == ["camille", "ines"]


def test_voiding_a_line_after_payment_started_needs_the_right(store, staff, demo_items):
    directory, approvals = staff
    camille = till(store, directory, "camille")
    line = first_line(camille, demo_items)
    second = first_line(camille, demo_items)  # the same item: one line, quantity 2
    assert second == line
    other_item = [i for i in demo_items if i.sold_by == "unit" and i.barcodes][5]
    other = camille.scan(other_item.barcodes[0])
    camille.void_line(other.line_id)  # before any payment: anyone
    camille.add_tender(TenderKind.CARD, 100)
    refused_right(camille.void_line, line)
    assert not camille.basket.lines[0].voided
    approval = approvals.approve(camille.actor, "ines", "3333", Right.VOID_AFTER_PAYMENT, "void")
    camille.void_line(line, approval)
    assert camille.totals().total_cents == 0 and len(camille.payment.tenders) == 1


def test_the_drawer_without_a_sale_needs_the_right_and_a_reason(store, staff):
    directory, approvals = staff
    camille = till(store, directory, "camille")
    camille.open_drawer("cash_sale", "sale-42")  # for a sale: anyone
    refused_right(camille.open_drawer, "change for the next till")
    approval = approvals.approve(camille.actor, "ines", "3333", Right.DRAWER_WITHOUT_SALE, "change")
    camille.open_drawer("change for the next till", approval=approval)
    ines = till(store, directory, "ines")
    with pytest.raises(PosError) as caught:
        ines.open_drawer("  ")
    assert caught.value.code == "drawer_reason_required"
    ines.open_drawer("bank deposit")
    assert receipts.drawer_openings(store.conn) == [
        ("cash_sale", "Camille", "sale-42"),
        ("manual", "Camille", None),
        ("manual", "Inès", None),
    ]
    assert receipts.drawer_notes(store.conn)[1:] == [
        ("manual", "change for the next till", "camille"),
        ("manual", "bank deposit", "ines"),
    ]


def test_an_approval_not_recorded_at_this_till_is_refused(store, staff, demo_items):
    """A script cannot make an Approval up: the service looks for it in the record."""
    from pos.domain.rights import Approval

    directory, _approvals = staff
    camille = till(store, directory, "camille")
    first_line(camille, demo_items)
    made_up = Approval(
        "forged-1", Right.CANCEL_SALE, camille.actor, directory.member("ines").actor,
        "cancel", None, "2026-11-25T09:00:00.000Z",
    )  # fmt: skip
    with pytest.raises(PosError) as caught:
        camille.cancel(made_up)
    assert caught.value.code == "approval_unknown" and not camille.basket.is_empty()
    assert cancelled_sales.list_cancelled(store.conn) == []
