"""Crash recovery: the open basket kept on disk as it changes, and the sale committed but
never shown. Each test reopens the real store file as a restarted till would."""

from itertools import count
from pathlib import Path

import pytest

from hardware.barcodes import make_ean13
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.store.local_store import LocalStore
from resources.demo.catalog import DemoProduct
from tests.support.staff import a_manager

_ids = count(1)


def till(store: LocalStore) -> Checkout:
    return Checkout(
        store,
        terminal_id="T01",
        actor=a_manager("Inès"),  # gives discounts and cancels: a manager
        clock=lambda: "2026-11-25T10:41:00.000Z",
        new_id=lambda: f"sale-{next(_ids)}",
    )


def restarted(path: Path) -> tuple[LocalStore, Checkout]:
    store = LocalStore(path)
    checkout = till(store)
    checkout.recover()
    return store, checkout


def units(items: list[DemoProduct]) -> list[DemoProduct]:
    return [item for item in items if item.sold_by == "unit" and item.barcodes]


def weighed(items: list[DemoProduct]) -> DemoProduct:
    return next(item for item in items if item.sold_by == "weight" and item.plu)


def shape(checkout: Checkout) -> list[tuple]:
    return [
        (ln.line_id, ln.product, ln.quantity, ln.barcode, ln.discount, ln.fixed_gross_cents,
         ln.voided)
        for ln in checkout.basket.lines
    ]  # fmt: skip


def test_open_basket_comes_back_exactly_after_a_restart(store, demo_items) -> None:
    """Lines with discounts, a weighed line, a void, a ticket discount and a tender taken."""
    a, b, c = units(demo_items)[:3]
    apples = weighed(demo_items)
    checkout = till(store)
    checkout.recover()
    checkout.scan(a.barcodes[0])
    checkout.scan(a.barcodes[0])
    checkout.scan(b.barcodes[0])
    checkout.scan(make_ean13(f"26{apples.plu}00452"))
    checkout.scan(c.barcodes[0])
    checkout.set_line_discount(2, Discount.percent(1500))
    checkout.void_line(4)
    checkout.set_ticket_discount(Discount.amount(50))
    checkout.add_tender(TenderKind.CARD, 300)
    before, totals, sale_id = shape(checkout), checkout.totals(), checkout.sale_id
    store.close()  # what a kill leaves is what was committed: reopen the file

    store2, again = restarted(store.path)
    with store2:
        found = again.recovery.basket
        assert found is not None and again.recovery.unshown is None
        assert (found.sale_id, found.line_count, found.total_cents) == (
            sale_id,
            3,
            totals.total_cents,
        )
        with pytest.raises(PosError) as refused:
            again.scan(a.barcodes[0])
        assert refused.value.code == "recovery_pending"
        assert again.resume_open_basket() == totals
        assert shape(again) == before and again.sale_id == sale_id
        assert [(t.kind, t.amount_cents) for t in again.payment.tenders] == [("card", 300)]
        again.add_tender(TenderKind.CASH, again.payment.remaining_cents)
        sale = again.complete()
        assert sale.sale_id == sale_id and sale.draft.total_cents == totals.total_cents
    store3, third = restarted(store.path)
    with store3:
        assert third.recovery.basket is None  # deleted with the sale's commit


def test_prices_come_from_the_saved_basket_not_the_catalog(store, demo_items) -> None:
    item = units(demo_items)[0]
    checkout = till(store)
    checkout.scan(item.barcodes[0])
    store.conn.execute("UPDATE products SET price_cents = price_cents + 1000")
    store.close()
    store2, again = restarted(store.path)
    with store2:
        assert again.resume_open_basket().total_cents == item.price_cents


@pytest.mark.parametrize("how", ["complete", "cancel", "park"])
def test_saved_basket_goes_when_the_sale_ends(store, demo_items, how) -> None:
    item = units(demo_items)[0]
    checkout = till(store)
    checkout.scan(item.barcodes[0])
    if how == "complete":
        checkout.add_tender(TenderKind.CASH, 100_000)
        checkout.complete()
    else:
        getattr(checkout, how)()
    assert store.conn.execute("SELECT count(*) FROM open_basket").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM open_basket_lines").fetchone()[0] == 0
    store.close()
    store2, again = restarted(store.path)
    with store2:
        assert again.recovery.basket is None
        assert len(again.list_parked()) == (how == "park")


def test_a_basket_set_aside_is_parked_once(store, demo_items) -> None:
    item = units(demo_items)[0]
    checkout = till(store)
    checkout.scan(item.barcodes[0])
    sale_id = checkout.sale_id
    store.close()
    store2, again = restarted(store.path)
    with store2:
        assert again.set_aside_open_basket() == sale_id
        assert again.recovery.basket is None
        assert again.resume(sale_id).total_cents == item.price_cents  # F8 as usual
    store3, third = restarted(store.path)
    with store3:
        assert third.recovery.basket is not None and third.list_parked() == []


def test_a_basket_with_payments_taken_cannot_be_set_aside(store, demo_items) -> None:
    checkout = till(store)
    checkout.scan(units(demo_items)[0].barcodes[0])
    checkout.add_tender(TenderKind.CARD, 1)
    store.close()
    store2, again = restarted(store.path)
    with store2, pytest.raises(PosError) as refused:
        again.set_aside_open_basket()
    assert refused.value.code == "payments_taken"


def test_committed_but_never_shown_is_found_until_marked(store, demo_items) -> None:
    checkout = till(store)
    checkout.scan(units(demo_items)[0].barcodes[0])
    checkout.add_tender(TenderKind.CASH, 100_000)
    sale = checkout.complete()
    store.close()  # killed before the screen showed it

    store2, again = restarted(store.path)
    with store2:
        assert again.recovery.unshown == sale and again.recovery.basket is None
        with pytest.raises(PosError) as refused:
            again.scan(units(demo_items)[1].barcodes[0])
        assert refused.value.code == "recovery_pending"
        again.acknowledge_unshown()
        again.scan(units(demo_items)[1].barcodes[0])  # selling again
    store3, third = restarted(store.path)
    with store3:
        assert third.recovery.unshown is None


def test_a_shown_sale_is_not_offered_again(store, demo_items) -> None:
    checkout = till(store)
    checkout.scan(units(demo_items)[0].barcodes[0])
    checkout.add_tender(TenderKind.CASH, 100_000)
    checkout.mark_shown(checkout.complete().sale_id)
    store.close()
    store2, again = restarted(store.path)
    with store2:
        assert not again.recovery.pending


def test_a_scan_never_waits_behind_another_writer_and_the_next_save_catches_up(
    store, demo_items
) -> None:
    """A sync page holding the write lock must not stall the scan for the 5 s busy timeout:
    the save gives up at once, the line is in the basket, and the next save writes both."""
    import sqlite3
    import time

    a, b = units(demo_items)[:2]
    checkout = till(store)
    checkout.recover()
    checkout.scan(a.barcodes[0])
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # what a sync page's transaction does
    try:
        started = time.monotonic()
        checkout.scan(b.barcodes[0])
        waited = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert waited < 2.0  # the busy timeout is 5 s; the save's own wait is 50 ms
    assert len(checkout.basket.lines) == 2
    checkout.set_quantity(1, 3)  # the next save writes the missed line too
    store.close()

    store2, again = restarted(store.path)
    with store2:
        found = again.recovery.basket
        assert found is not None
        assert [(ln.product.sku, ln.quantity) for ln in found.basket.lines] == [
            (a.sku, 3), (b.sku, 1)
        ]  # fmt: skip
