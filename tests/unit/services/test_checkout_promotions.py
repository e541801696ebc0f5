"""The till's checkout priced by the promotion engine, on a real store file: promotions
from the till's promotions table shown per line, the committed sale carrying them and its
customer, coupons, the book taken at the sale's start, a basket recovered or parked
priced the same, lines priced by central, and a return of a promoted line."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.promotions.fields import granted_coupon
from pos.domain.returns import ReturnReason
from pos.domain.rights import RightRefused
from pos.domain.sale import LinePromotion
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout, PricedItem
from pos.services.returns import ReturnDesk, ReturnRules
from pos.store import customer_feed, promotion_feed
from pos.store.local_store import LocalStore
from sync.contract.feeds import CustomerItem, PromotionItem
from tests.support.staff import a_cashier, a_manager

CLOCK = "2026-12-07T10:00:00.000Z"


def promotion(pid: int, version: int = 1, **fields) -> PromotionItem:
    base = {
        "id": pid, "name": f"Promo {pid}", "kind": "percent", "value": 1000,
        "skus": [], "starts_at": "2026-12-01T00:00:00.000Z",
        "ends_at": "2026-12-31T00:00:00.000Z", "active": True, "version": version,
    }  # fmt: skip
    return PromotionItem.model_validate({**base, **fields})


def customer(cid: str, active: bool = True) -> CustomerItem:
    return CustomerItem(
        id=cid, name="Marie Curie" if active else "", email="", phone="",
        loyalty_points=0, active=active, version=1,
    )  # fmt: skip


def till(store: LocalStore) -> Checkout:
    return Checkout(
        store, terminal_id="T01", actor=a_manager("Inès"), clock=lambda: CLOCK,
    )  # fmt: skip


@pytest.fixture
def items(demo_items):
    """Two unit articles with a barcode, the first one's price a multiple of 3 cents."""
    units = [i for i in demo_items if i.sold_by == "unit" and i.barcodes and i.price_cents > 300]
    first = next(i for i in units if i.price_cents % 3 == 0)
    second = next(i for i in units if i.sku != first.sku)
    return first, second


@pytest.fixture
def promoted(store: LocalStore, items):
    """ "3 pour 2" on the first article; -10 % on the second with coupon NOEL24."""
    first, second = items
    promotion_feed.apply_page(
        store.conn,
        [
            promotion(1, kind="n_for_m", value=1, n=3, m=2, skus=[first.sku], name="3 pour 2"),
            promotion(2, skus=[second.sku], coupon_code="NOEL24", name="-10 % Noël"),
        ],
        "p1",
    )
    customer_feed.apply_page(store.conn, [customer("CLI-1"), customer("CLI-2", False)], "c1")
    return first, second


def test_scan_pay_and_the_sale_carries_its_promotions_and_customer(store, promoted) -> None:
    first, second = promoted
    checkout = till(store)
    for _ in range(3):
        line = checkout.scan(first.barcodes[0])
    assert checkout.basket.line_promotions(line.line_id) == (
        LinePromotion(1, "3 pour 2", first.price_cents),
    )
    checkout.scan(second.barcodes[0])
    checkout.attach_customer("CLI-1")
    totals = checkout.totals()
    assert totals.promotion_cents == first.price_cents
    assert totals.total_cents == 2 * first.price_cents + second.price_cents
    checkout.add_tender(TenderKind.CARD, totals.total_cents, "CB-1")
    sale = checkout.complete()
    assert sale.draft.customer_id == "CLI-1"
    assert sale.draft.lines[0].promotions == (LinePromotion(1, "3 pour 2", first.price_cents),)
    assert store.sales.get(sale.sale_id).draft == sale.draft
    (payload,) = store.conn.execute(
        "SELECT payload FROM outbox WHERE op_id = ?", (sale.sale_id,)
    ).fetchone()
    record = json.loads(payload)["sale"]
    assert record["v"] == 4 and record["customer_id"] == "CLI-1"
    assert checkout.customer_id is None  # the next sale starts without one


def test_an_unknown_or_erased_customer_is_refused(store, promoted) -> None:
    checkout = till(store)
    checkout.scan(promoted[0].barcodes[0])
    for cid, code in (("CLI-404", "customer_unknown"), ("CLI-2", "customer_erased")):
        with pytest.raises(PosError) as refused:
            checkout.attach_customer(cid)
        assert refused.value.code == code
    assert checkout.customer_id is None


def test_a_coupon_token_reprices_at_once_and_is_journaled(store, promoted) -> None:
    second = promoted[1]
    checkout = till(store)
    checkout.scan(second.barcodes[0])
    assert checkout.totals().promotion_cents == 0
    off = (second.price_cents * 1000 + 5000) // 10000
    assert checkout.add_coupon_token(" noel 24 ").promotion_cents == off
    assert checkout.coupon_tokens == frozenset({"NOEL24"})
    assert checkout.remove_coupon_token("NOEL24").promotion_cents == 0
    kinds = [
        row[0]
        for row in store.conn.execute(
            "SELECT kind FROM chain_entries WHERE chain = 'event' ORDER BY seq"
        )
    ]
    assert kinds == ["coupon_changed", "coupon_changed"]


def test_a_single_use_coupon_is_its_granted_token(store, items) -> None:
    first = items[0]
    promotion_feed.apply_page(
        store.conn, [promotion(7, skus=[first.sku], single_use_codes=True)], "p1"
    )
    checkout = till(store)
    checkout.scan(first.barcodes[0])
    assert checkout.totals().promotion_cents == 0
    assert checkout.add_coupon_token(granted_coupon(7)).promotion_cents > 0


def test_a_promotion_synced_mid_sale_waits_for_the_next_sale(store, items) -> None:
    first = items[0]
    checkout = till(store)
    checkout.scan(first.barcodes[0])
    promotion_feed.apply_page(store.conn, [promotion(3, skus=[first.sku])], "p1")
    checkout.scan(first.barcodes[0])
    assert checkout.totals().promotion_cents == 0
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents, "CB-1")
    checkout.complete()
    checkout.scan(first.barcodes[0])
    assert checkout.totals().promotion_cents > 0


def test_a_store_scoped_promotion_needs_this_till_s_store(store, items) -> None:
    first = items[0]
    promotion_feed.apply_page(store.conn, [promotion(4, skus=[first.sku], stores=["lyon"])], "p")
    checkout = till(store)  # never enrolled: no store id
    checkout.scan(first.barcodes[0])
    assert checkout.totals().promotion_cents == 0


def test_a_recovered_basket_with_customer_and_coupon_prices_the_same(
    tmp_path: Path, store, promoted
) -> None:
    first, second = promoted
    checkout = till(store)
    for _ in range(3):
        checkout.scan(first.barcodes[0])
    checkout.scan(second.barcodes[0])
    checkout.attach_customer("CLI-1")
    checkout.add_coupon_token("NOEL24")
    before = checkout.totals()
    shown = [checkout.basket.line_promotions(line.line_id) for line in checkout.basket.lines]
    checkout.close()
    again = LocalStore(store.path)  # the till restarts on the same file
    try:
        restarted = till(again)
        recovery = restarted.recover()
        assert recovery.basket.total_cents == before.total_cents
        assert restarted.resume_open_basket() == before
        assert restarted.customer_id == "CLI-1"
        assert restarted.coupon_tokens == frozenset({"NOEL24"})
        lines = restarted.basket.lines
        assert [restarted.basket.line_promotions(line.line_id) for line in lines] == shown
        parked_id = restarted.park("oubli")
        assert restarted.resume(parked_id) == before
        assert restarted.customer_id == "CLI-1"
        restarted.close()
    finally:
        again.close()


def test_lines_priced_by_central_keep_central_s_promotions(store, promoted) -> None:
    first = promoted[0]
    product_id = store.catalog.by_sku(first.sku).id
    web = (LinePromotion(90, "Web -1 €", 100),)
    checkout = till(store)
    (line,) = checkout.add_priced([PricedItem(product_id, 3, first.price_cents, web)])
    assert line.promotions == web  # not the till's "3 pour 2"
    (plain,) = checkout.add_priced([PricedItem(product_id, 3, first.price_cents)])
    assert plain.promotions == ()  # without: at its price, the till's engine aside
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents, "CB-1")
    sale = checkout.complete()
    assert sale.draft.lines[0].promotions == web
    assert sale.draft.lines[0].line_discount_cents == 100


def test_returning_one_of_a_3_for_2_gives_back_a_third_of_the_line(store, promoted) -> None:
    first = promoted[0]
    checkout = till(store)
    for _ in range(3):
        checkout.scan(first.barcodes[0])
    paid = checkout.totals().total_cents
    assert paid == 2 * first.price_cents
    checkout.add_tender(TenderKind.CARD, paid, "CB-1")
    sold = checkout.complete()
    desk = ReturnDesk(
        checkout, rules=ReturnRules(offline_return_limit_cents=1_000_000),
        now=lambda: datetime(2026, 12, 8, 10, tzinfo=UTC),
    )  # fmt: skip
    desk.find(sold.sale_id)
    desk.return_line(sold.sale_id, 1, 1, ReturnReason.CHANGED_MIND)
    assert checkout.totals().total_cents == -(paid // 3)


def test_the_free_line_discount_limit_is_on_the_line_after_its_promotions(store, items) -> None:
    first = items[0]
    promotion_feed.apply_page(store.conn, [promotion(5, skus=[first.sku], value=5000)], "p")
    cashier = Checkout(store, terminal_id="T01", actor=a_cashier("Camille"), clock=lambda: CLOCK)
    line = cashier.scan(first.barcodes[0])  # half price
    eight_percent_of_gross = first.price_cents * 8 // 100  # 16 % of what is left
    with pytest.raises(RightRefused):
        cashier.set_line_discount(line.line_id, Discount.amount(eight_percent_of_gross))
    assert cashier.set_line_discount(line.line_id, Discount.percent(1000)).discount.percent_bp


def test_a_training_sale_keeps_its_promotions_and_customer(store, promoted) -> None:
    first = promoted[0]
    checkout = till(store)
    checkout.set_training(True)
    for _ in range(3):
        checkout.scan(first.barcodes[0])
    checkout.attach_customer("CLI-1")
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents, "CB-1")
    practice = checkout.complete()
    assert practice.training and practice.draft.lines[0].promotions
    assert checkout._training_sales().get(practice.sale_id).draft == practice.draft
