"""One customer, one price: 1,000 random baskets priced by a till from its own store and
by central's quote endpoint give the same total, discount and VAT to the cent.

Central is the reference server with its demo seed (the demo promotions of
``resources/demo/promotions.json``); the till's store is filled from it through the real
sync engine. The till side is the till's own ``Checkout``: each basket scanned into it
(the customer attached, the coupon typed), priced by its ``Basket`` with the book the
sale starts with, then cancelled; ``till_price`` (the engine alone over the till's
catalog rows) is kept as a second witness.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from pos.domain.money import mul_div_half_up
from pos.domain.promotions import PricingContext, PricingLine, PromotionBook
from pos.domain.vat import vat_breakdown
from pos.services.checkout import Checkout
from pos.store.local_store import LocalStore
from pos.store.promotion_book import BookCache
from sync.client import HttpCentral
from sync.contract.pricing import Quote
from tests.support.central_server import CentralServer
from tests.support.staff import a_manager
from tests.sync.conftest import STORE
from tests.sync.terminals import open_terminal

BASKETS = 1000
CUSTOMER = "CLI-0001"
_PRODUCTS = (
    "SELECT sku, price_cents, vat_bp, sold_by, coalesce(department, ''), brand FROM products"
)


@dataclass(frozen=True, slots=True)
class Article:
    sku: str
    price_cents: int
    vat_bp: int
    weighed: bool
    department: str
    brand: str


@dataclass(frozen=True, slots=True)
class TillPrice:
    """What the till makes of a basket: per line, its discount; and the ticket's sums."""

    line_discounts: list[int]
    discount_cents: int
    total_cents: int
    vat: list[tuple[int, int, int, int]]


@dataclass
class Till:
    store: LocalStore
    calls: HttpCentral
    articles: dict[str, Article]


@pytest.fixture(scope="module")
def till(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Till]:
    folder = tmp_path_factory.mktemp("same-price")
    with CentralServer(folder / "central.db", products=3000) as central:
        token = central.enrol(STORE, "P1")
        terminal = open_terminal(folder / "till", central, "P1", token=token)
        calls = HttpCentral(central.url, STORE, "P1", token)
        try:
            assert terminal.sync().state == "idle"
            with LocalStore(terminal.path) as store:
                articles = {
                    row[0]: Article(row[0], row[1], row[2], row[3] == "weight", row[4], row[5])
                    for row in store.conn.execute(_PRODUCTS + " WHERE active = 1")
                }
                yield Till(store, calls, articles)
        finally:
            calls.close()
            terminal.close()


def till_price(
    book: PromotionBook, articles: dict[str, Article], basket: list[tuple[str, int]],
    context: PricingContext,
) -> TillPrice:  # fmt: skip
    lines = []
    for line_id, (sku, quantity) in enumerate(basket, start=1):
        a = articles[sku]
        gross = (
            mul_div_half_up(a.price_cents, quantity, 1000)
            if a.weighed
            else a.price_cents * quantity
        )
        lines.append(PricingLine(line_id, sku, a.price_cents, quantity, gross, a.department,
                                 a.brand, a.weighed))  # fmt: skip
    result = book.evaluate(lines, context)
    discounts = [
        result.item_discount(line.line_id) + result.basket_share(line.line_id) for line in lines
    ]
    nets = [line.gross_cents - off for line, off in zip(lines, discounts, strict=True)]
    vat = vat_breakdown(
        (articles[sku].vat_bp, net) for (sku, _q), net in zip(basket, nets, strict=True)
    )
    return TillPrice(
        discounts, sum(discounts), sum(nets),
        [(v.vat_bp, v.base_cents, v.vat_cents, v.total_cents) for v in vat],
    )  # fmt: skip


def checkout_price(
    checkout: Checkout, ids: dict[str, int], basket: list[tuple[str, int]],
    customer: str | None, coupons: list[str],
) -> tuple[list[tuple[str, int]], TillPrice]:  # fmt: skip
    """The basket rung up at the till (scanned, customer attached, coupon typed), then
    cancelled: the lines it made (a repeat scan of the last article adds to its line, as
    at a real till) and their prices. Central is then asked about those same lines."""
    for sku, quantity in basket:
        checkout.add_product(ids[sku], quantity)
    if customer is not None:
        checkout.attach_customer(customer)
    for code in coupons:
        checkout.add_coupon_token(code)
    totals = checkout.totals()
    active = checkout.basket.active_lines()
    price = TillPrice(
        [line.discount_cents for line in active], totals.line_discount_cents,
        totals.total_cents,
        [(v.vat_bp, v.base_cents, v.vat_cents, v.total_cents) for v in totals.vat],
    )  # fmt: skip
    lines = [(line.product.sku, line.quantity) for line in active]
    checkout.cancel()
    return lines, price


def central_price(quote: Quote) -> TillPrice:
    return TillPrice(
        [line.discount_cents for line in quote.lines], quote.discount_cents, quote.total_cents,
        [(v.vat_bp, v.base_cents, v.vat_cents, v.total_cents) for v in quote.vat],
    )  # fmt: skip


def draw_basket(
    rng: random.Random, promoted: list[str], others: list[str], articles: dict[str, Article]
) -> list[tuple[str, int]]:
    """1-30 lines, mostly articles some promotion looks at; a few units each (enough
    for "3 pour 2" and bundles), or 100-2,500 g of weighed goods."""
    basket = []
    for _ in range(rng.randint(1, 30)):
        sku = rng.choice(promoted if rng.random() < 0.75 else others)
        quantity = (
            rng.randint(100, 2500) if articles[sku].weighed else rng.choice((1, 1, 2, 3, 4, 6))
        )
        basket.append((sku, quantity))
    return basket


def test_a_thousand_baskets_cost_the_same_at_the_till_and_centrally(till: Till) -> None:
    loaded = BookCache().get(till.store.conn)
    assert loaded.skipped == () and len(loaded.promotions) == 20  # the demo promotions
    promoted = sorted(
        sku for sku, a in till.articles.items()
        if any(p.target.matches(sku, a.department, a.brand) for p in loaded.promotions
               if not p.target.everything)
    )  # fmt: skip
    others = sorted(set(till.articles) - set(promoted))
    assert len(promoted) > 500 and any(till.articles[sku].weighed for sku in promoted)

    ids = {sku: pid for pid, sku in till.store.conn.execute("SELECT id, sku FROM products")}
    checkout = Checkout(till.store, terminal_id="P1", actor=a_manager("Inès"))
    rng = random.Random(15)
    compared = saved = with_promotions = 0
    started = time.perf_counter()
    for _ in range(BASKETS):
        basket = draw_basket(rng, promoted, others, till.articles)
        customer = CUSTOMER if rng.random() < 0.3 else None
        coupons = ["bienvenue"] if rng.random() < 0.25 else []
        context = PricingContext(datetime.now(UTC), STORE, "store", customer, frozenset(coupons))
        lines, at_till = checkout_price(checkout, ids, basket, customer, coupons)
        ours = till_price(loaded.book, till.articles, lines, context)
        theirs = central_price(
            till.calls.price_basket(lines, customer_id=customer, coupons=coupons)
        )
        assert at_till == ours == theirs, (lines, customer, coupons)
        compared += 1
        saved += ours.discount_cents
        with_promotions += ours.discount_cents > 0
    elapsed = time.perf_counter() - started
    print(
        f"\n{compared} baskets priced alike by the till's checkout, its engine and central "
        f"({with_promotions} with promotions, {saved / 100:.2f} EUR saved in all) "
        f"in {elapsed:.1f} s"
    )
    assert compared == BASKETS and with_promotions > BASKETS // 2
