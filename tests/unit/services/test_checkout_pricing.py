"""The price acts driven with no UI: a price override (allowed for a manager, refused
for a cashier, allowed with Inès's approval), kept through a restart, in the completed
sale's rows with the approvals and discounts it was made under; ticket and line
discounts in euros; the meal-voucher cap per sale."""

from __future__ import annotations

import json
import sqlite3
from itertools import count

import pytest

from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.price_override import OverrideReason
from pos.domain.rights import Right, RightRefused, Role
from pos.domain.tenders import TenderKind
from pos.services.approvals import Approvals
from pos.services.checkout import Checkout
from pos.services.staff import StaffDirectory
from pos.store import journal
from pos.store.local_store import LocalStore
from tests.support.staff import SteppedClock


@pytest.fixture
def staff(store: LocalStore):
    directory = StaffDirectory(store, clock=SteppedClock())
    admin = directory.create_first_admin("Nadia", "2468")
    directory.add(admin, "Camille", Role.CASHIER, "1111", staff_id="camille")
    directory.add(admin, "Inès", Role.MANAGER, "3333", staff_id="ines")
    return directory, Approvals(directory, terminal_id="T01")


def till(store, directory, who: str, **options) -> Checkout:
    ids = count(1)
    return Checkout(
        store, terminal_id="T01", actor=directory.member(who).actor,
        clock=lambda: "2026-03-02T09:00:00.000Z", new_id=lambda: f"sale-{who}-{next(ids)}",
        **options,
    )  # fmt: skip


def scan_unit(checkout: Checkout, demo_items, skip: int = 0):
    items = [i for i in demo_items if i.sold_by == "unit" and i.barcodes and i.price_cents > 500]
    return checkout.scan(items[skip].barcodes[0])


def test_a_manager_overrides_a_price_and_the_line_keeps_its_catalogue_price(
    store, staff, demo_items
):
    directory, _ = staff
    ines = till(store, directory, "ines")
    line = scan_unit(ines, demo_items)
    catalog = line.product.price_cents
    changed = ines.override_price(line.line_id, catalog - 100, OverrideReason.WRONG_LABEL)
    assert changed.product.price_cents == catalog - 100
    assert changed.override.catalog_price_cents == catalog
    assert changed.override.reason is OverrideReason.WRONG_LABEL
    assert changed.override.approval_id is None  # her own right
    assert ines.totals().total_cents == catalog - 100
    undone = ines.override_price(line.line_id, catalog, "")  # the catalogue price back
    assert undone.override is None and ines.totals().total_cents == catalog


def test_a_cashier_is_refused_a_price_override_then_inès_approves_it(store, staff, demo_items):
    directory, approvals = staff
    camille = till(store, directory, "camille")
    line = scan_unit(camille, demo_items)
    catalog = line.product.price_cents
    before = camille.totals()
    with pytest.raises(RightRefused) as caught:
        camille.override_price(line.line_id, catalog - 200, OverrideReason.DAMAGED)
    assert caught.value.code == "right_refused"
    assert caught.value.params == {"right": "price_override", "approvable": True}
    assert camille.totals() == before
    approval = approvals.approve(
        camille.actor, "ines", "3333", Right.PRICE_OVERRIDE, "price of line 1", 200
    )
    with pytest.raises(PosError) as exceeded:  # approved a 2 € cut, not 3 €
        camille.override_price(line.line_id, catalog - 300, "damaged", approval=approval)
    assert exceeded.value.code == "approval_exceeded"
    changed = camille.override_price(line.line_id, catalog - 200, "damaged", approval=approval)
    assert changed.override.approval_id == approval.approval_id


@pytest.mark.parametrize(
    ("price", "reason", "note", "code"),
    [
        (0, "damaged", "", "price_not_positive"),
        (-100, "damaged", "", "price_not_positive"),
        ("absurd", "damaged", "", "price_absurd"),
        (100, "", "", "price_reason_missing"),
        (100, "other", "  ", "price_note_missing"),
    ],
)
def test_a_bad_override_is_refused_with_a_clear_code(
    store, staff, demo_items, price, reason, note, code
):
    directory, _ = staff
    ines = till(store, directory, "ines")
    line = scan_unit(ines, demo_items)
    if price == "absurd":
        price = line.product.price_cents * 10 + 1
    with pytest.raises(PosError) as caught:
        ines.override_price(line.line_id, price, reason, note)
    assert caught.value.code == code
    assert ines.basket.lines[0].override is None


def test_the_override_survives_a_restart_and_is_sealed_in_the_sale(store, staff, demo_items):
    directory, approvals = staff
    camille = till(store, directory, "camille")
    first = scan_unit(camille, demo_items)
    second = scan_unit(camille, demo_items, skip=1)
    catalog = first.product.price_cents
    price_ok = approvals.approve(camille.actor, "ines", "3333", Right.PRICE_OVERRIDE, "p", None)
    camille.override_price(first.line_id, catalog - 150, "other", "carton abîmé", price_ok)
    ticket_ok = approvals.approve(camille.actor, "ines", "3333", Right.TICKET_DISCOUNT, "5 €", 500)
    camille.set_ticket_discount(Discount.amount(500), ticket_ok)
    camille.set_line_discount(second.line_id, Discount.amount(50))  # within the free 10 %
    camille.close()

    after = till(store, directory, "camille")  # the till restarts
    after.recover()
    after.resume_open_basket()
    line = after.basket.lines[0]
    assert line.product.price_cents == catalog - 150
    assert (line.override.reason, line.override.note) == (OverrideReason.OTHER, "carton abîmé")
    assert line.override.approval_id == price_ok.approval_id
    assert after.basket.ticket_discount.approval_id == ticket_ok.approval_id
    after.add_tender(TenderKind.CARD, after.totals().total_cents)
    sale = after.complete()

    conn = store.conn
    rows = conn.execute(
        "SELECT line_no, unit_price_cents, catalog_price_cents, price_reason, price_note, "
        "price_approval_id, line_discount_cents, ticket_discount_cents FROM sale_lines "
        "WHERE sale_id = ? ORDER BY line_no",
        (sale.sale_id,),
    ).fetchall()
    assert rows[0][:6] == (1, catalog - 150, catalog, "other", "carton abîmé", price_ok.approval_id)
    assert rows[1][2:6] == (None, None, None, None) and rows[1][6] == 50
    assert sum(row[7] for row in rows) == 500
    assert conn.execute(
        "SELECT approval_id, granted_right, line_no FROM sale_approvals WHERE sale_id = ? "
        "ORDER BY line_no",
        (sale.sale_id,),
    ).fetchall() == [
        (ticket_ok.approval_id, "ticket_discount", 0),
        (price_ok.approval_id, "price_override", 1),
    ]
    pushed = json.loads(
        conn.execute("SELECT payload FROM outbox WHERE op_id = ?", (sale.sale_id,)).fetchone()[0]
    )["sale"]
    assert pushed["v"] == 2
    assert pushed["lines"][0]["price_override"] == {
        "catalog_price_cents": catalog, "reason": "other", "note": "carton abîmé",
        "approval_id": price_ok.approval_id,
    }  # fmt: skip
    assert "price_override" not in pushed["lines"][1]
    assert store.sales.get(sale.sale_id).draft == sale.draft  # read back as committed
    report = journal.verify(conn)
    assert report.ok, report.reason
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        conn.execute("DELETE FROM sale_approvals WHERE sale_id = ?", (sale.sale_id,))


def test_discounts_in_euros_on_a_line_and_on_the_ticket(store, staff, demo_items):
    directory, approvals = staff
    camille = till(store, directory, "camille")
    line = scan_unit(camille, demo_items)
    gross = line.gross_cents
    with pytest.raises(RightRefused):  # above the free 10 %, in euros
        camille.set_line_discount(line.line_id, Discount.amount(gross // 10 + 1))
    with pytest.raises(RightRefused):
        camille.set_ticket_discount(Discount.amount(100))
    ok = approvals.approve(camille.actor, "ines", "3333", Right.TICKET_DISCOUNT, "1 €", 100)
    camille.set_ticket_discount(Discount.amount(100), ok)
    assert camille.totals().ticket_discount_cents == 100
    assert camille.basket.ticket_discount.approval_id == ok.approval_id  # kept with it
    camille.set_ticket_discount(None)  # removing it needs no right
    assert camille.totals().ticket_discount_cents == 0


def test_meal_vouchers_are_capped_per_sale(store, staff, demo_items):
    directory, _ = staff
    camille = till(store, directory, "camille", meal_voucher_cap_cents=2500)
    for skip in range(6):
        scan_unit(camille, demo_items, skip)
    assert camille.totals().total_cents > 3000
    camille.add_tender(TenderKind.MEAL_VOUCHER, 1500)
    with pytest.raises(PosError) as caught:
        camille.add_tender(TenderKind.MEAL_VOUCHER, 1100)
    assert caught.value.code == "meal_voucher_cap"
    assert caught.value.params == {"cap_cents": 2500, "left_cents": 1000}
    assert "25,00" in str(caught.value) and "10,00" in str(caught.value)
    assert len(camille.payment.tenders) == 1  # nothing taken
    camille.add_tender(TenderKind.MEAL_VOUCHER, 1000)  # exactly what is left
    with pytest.raises(PosError) as more_than_due:  # no change above a voucher
        camille.add_tender(TenderKind.GIFT_CARD, camille.payment.remaining_cents + 1)
    assert more_than_due.value.code == "tender_exceeds_due"
    uncapped = till(store, directory, "ines", meal_voucher_cap_cents=0)
    for skip in range(6):
        scan_unit(uncapped, demo_items, skip)
    uncapped.add_tender(TenderKind.MEAL_VOUCHER, 3000)  # 0: no cap
