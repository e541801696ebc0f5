from itertools import count

import pytest

from hardware.barcodes import make_ean13
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.store.journal import verify
from pos.store.local_store import LocalStore
from resources.demo.catalog import DemoProduct
from tests.support.staff import a_cashier, a_manager


@pytest.fixture
def checkout(store: LocalStore) -> Checkout:
    ids = count(1)
    return Checkout(
        store,
        terminal_id="T01",
        actor=a_manager("Inès"),  # gives discounts and cancels: a manager
        clock=lambda: "2026-11-25T09:00:00.000Z",
        new_id=lambda: f"sale-{next(ids)}",
    )


def unit_items(items: list[DemoProduct]) -> list[DemoProduct]:
    return [item for item in items if item.sold_by == "unit" and item.barcodes]


def test_scan_pay_complete_writes_one_sealed_sale(checkout, store, demo_items) -> None:
    first, second = unit_items(demo_items)[:2]
    checkout.scan(first.barcodes[0])
    checkout.scan(first.barcodes[0])
    checkout.scan(f" {second.barcodes[0]}\r\n")
    total = checkout.totals().total_cents
    assert total == 2 * first.price_cents + second.price_cents
    checkout.add_tender(TenderKind.CARD, 100 if total > 100 else total)
    if checkout.payment.remaining_cents:
        checkout.add_tender(TenderKind.CASH, checkout.payment.remaining_cents + 500)
    sale = checkout.complete()
    assert sale.ticket_no == 1 and sale.draft.total_cents == total
    assert [(ln.sku, ln.quantity) for ln in sale.draft.lines] == [(first.sku, 2), (second.sku, 1)]
    assert store.sales.get("sale-1") == sale
    assert verify(store.conn).ok
    assert checkout.basket.is_empty() and checkout.sale_id == "sale-2"


def test_unknown_and_bad_codes_are_clear_and_leave_the_basket(checkout, demo_items) -> None:
    item = unit_items(demo_items)[0]
    checkout.scan(item.barcodes[0])
    with pytest.raises(PosError) as unknown:
        checkout.scan(make_ean13("400000000001"))
    assert unknown.value.code == "unknown_barcode"
    bad = item.barcodes[0][:-1] + str((int(item.barcodes[0][-1]) + 1) % 10)
    with pytest.raises(PosError) as wrong:
        checkout.scan(bad)
    assert wrong.value.code == "bad_check_digit" and "check digit" in wrong.value.message
    assert [(ln.product.sku, ln.quantity) for ln in checkout.basket.lines] == [(item.sku, 1)]


def test_scale_label_prices_a_weighed_item(checkout, demo_items) -> None:
    apples = next(item for item in demo_items if item.sold_by == "weight")
    line = checkout.scan(make_ean13(f"26{apples.plu}00452"))
    assert line.quantity == 452
    assert line.gross_cents == (apples.price_cents * 452 + 500) // 1000
    with pytest.raises(PosError) as err:
        checkout.add_product(10**9)
    assert err.value.code == "unknown_product"


def test_weighed_item_cannot_be_sold_by_plain_scan_of_its_sku(checkout, demo_items) -> None:
    cheese = next(item for item in demo_items if item.sold_by == "weight")
    with pytest.raises(PosError) as err:
        checkout.scan(cheese.sku)
    assert err.value.code == "needs_weight"


def test_cannot_complete_unpaid_or_change_after_payment(checkout, demo_items) -> None:
    item = unit_items(demo_items)[0]
    with pytest.raises(PosError, match="empty"):
        checkout.complete()
    line = checkout.scan(item.barcodes[0])
    with pytest.raises(PosError) as unpaid:
        checkout.complete()
    assert unpaid.value.code == "not_paid"
    checkout.add_tender(TenderKind.CASH, 1)
    with pytest.raises(PosError) as locked:
        checkout.set_quantity(line.line_id, 3)
    assert locked.value.code == "payments_taken"
    checkout.remove_tender(0)
    checkout.set_quantity(line.line_id, 3)
    checkout.set_line_discount(line.line_id, Discount.percent(5000))
    gross = item.price_cents * 3
    assert checkout.totals().total_cents == gross - (gross + 1) // 2  # 50 %, half up


def test_park_and_resume_keep_prices_and_sale_id(checkout, store, demo_items) -> None:
    item = unit_items(demo_items)[3]
    checkout.scan(item.barcodes[0])
    parked_id = checkout.park("forgot the bread")
    assert checkout.basket.is_empty()
    assert [p.label for p in checkout.list_parked()] == ["forgot the bread"]
    other_till = Checkout(store, terminal_id="T01", actor=a_cashier("Julien"))
    totals = other_till.resume(parked_id)
    assert totals.total_cents == item.price_cents and other_till.sale_id == parked_id
    with pytest.raises(PosError) as gone:
        checkout.resume(parked_id)
    assert gone.value.code == "parked_gone"


def test_a_failed_commit_keeps_the_sale_open_and_retry_records_it_once(
    checkout, store, demo_items, tmp_path
) -> None:
    item = unit_items(demo_items)[0]
    checkout.scan(item.barcodes[0])
    checkout.add_tender(TenderKind.CARD, item.price_cents)
    blocker = __import__("sqlite3").connect(store.path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    store.conn.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(Exception) as err:
            checkout.complete()
        assert getattr(err.value, "code", "") == "store_locked"
        assert checkout.sale_id == "sale-1" and not checkout.basket.is_empty()
    finally:
        blocker.rollback()
        blocker.close()
    sale = checkout.complete()
    assert sale.sale_id == "sale-1" and store.sales.count() == 1
