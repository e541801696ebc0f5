"""A basket repriced from its last repricing (``basket_repricing``) shows, after every
change, exactly the promotions ``basket_pricing.repriced`` works out from nothing, over
random baskets heavy in what that shortcut skips or must not trust: scans after scans,
lines dropped behind the basket's back (the benchmark), trial copies sharing its memo
kept or dropped, refused changes undone, changes in the middle, voids, returned lines,
lines priced by central, another pricing."""

from __future__ import annotations

import copy
import random

import pytest

from pos.domain.basket import Basket, ReturnedPart
from pos.domain.basket_pricing import BasketPricing, PricingMemo
from pos.domain.basket_pricing import repriced as repriced_plainly
from pos.domain.basket_repricing import repriced
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.product import Product, SoldBy
from pos.domain.promotions import Kind, Level, PromotionBook, Target
from pos.domain.returns import Channel, OriginLine, ReturnReason, ReturnRef, returned_amounts
from pos.domain.sale import LinePromotion
from tests.support.promotion_baskets import a_context, a_promotion
from tests.unit.domain.test_basket_scan_reuse import PRODUCTS, a_book, a_store_book

ORIGIN = OriginLine(1, 1, "SKU-1", "Bol", None, SoldBy.UNIT, 3, 999, 2000, 2997, 0, 100, 2897)
REF = ReturnRef("sale-1", 1, "T1 n°1", Channel.STORE, ReturnReason.WRONG_SIZE, True)


def a_change(
    rng: random.Random, basket: Basket, pricings: list[BasketPricing]
) -> tuple[Basket, bool]:
    """One random change of ``basket``: the basket the till goes on with (a trial
    copy that was kept, or the same one), and whether its lines are priced (a line
    dropped behind its back leaves the others as they were until a change that
    goes through)."""
    roll = rng.random()
    sold = [line for line in basket.lines if not line.voided and line.returned is None]
    try:
        if roll < 0.45 or not sold:
            basket.add(rng.choice(PRODUCTS), rng.choice((1, 1, 2)))
        elif roll < 0.55:  # the benchmark: the last line taken off behind its back
            basket.lines = basket.lines[:-1]
            if rng.random() < 0.5:
                return basket, False  # its lines are stale until the next change
            basket.add(rng.choice(PRODUCTS))  # then a scan (the benchmark's)
        elif roll < 0.65:  # a trial copy sharing the memo, kept or dropped
            trial = copy.copy(basket)
            for _ in range(rng.randint(1, 3)):
                trial.add(rng.choice(PRODUCTS), rng.choice((1, 3)))
            if rng.random() < 0.5:
                return trial, True
        elif roll < 0.72:
            basket.set_quantity(rng.choice(sold).line_id, rng.randint(1, 6))
        elif roll < 0.76:  # refused (the ticket limit): undone
            basket.set_quantity(rng.choice(sold).line_id, 99_999_999)
        elif roll < 0.82:
            basket.void(rng.choice(sold).line_id)
        elif roll < 0.86:
            line = rng.choice(sold)
            if line.discount is None and not line.fixed_promotions:
                basket.set_line_discount(line.line_id, Discount(percent_bp=1000))
        elif roll < 0.9:
            part = ReturnedPart(REF, returned_amounts(ORIGIN, 1))
            basket.add_returned(Product(1, "SKU-1", "Bol", 999, 2000), 1, part)
        elif roll < 0.94:
            promotion = LinePromotion(900, "en ligne", 50)
            basket.add_priced(rng.choice(PRODUCTS), 2, (promotion,))
        else:
            basket.set_pricing(rng.choice(pricings))
    except PosError:
        pass  # refused: the basket is as it was
    return basket, True


def assert_as_plainly_repriced(basket: Basket) -> None:
    """Every line shows what ``repriced`` from nothing gives it (the same tuple back:
    nothing to change), and the totals kept from change to change are those summed
    from nothing."""
    assert repriced_plainly(basket.lines, basket.pricing, PricingMemo()) is basket.lines
    fresh = Basket(lines=basket.lines, ticket_discount=basket.ticket_discount)
    assert fresh.totals() == basket.totals()  # its sums taken from nothing


def test_a_basket_repriced_from_its_last_repricing_prices_as_from_nothing() -> None:
    for seed in range(12):
        rng = random.Random(seed)
        book = a_store_book(seed) if seed % 2 else a_book(seed)
        pricings = [
            BasketPricing(book, a_context()),
            BasketPricing(book, a_context(customer_id="c-1")),
        ]
        basket = Basket()
        basket.set_pricing(pricings[0])
        for _ in range(30):  # a basket of some size first
            basket.add(rng.choice(PRODUCTS), rng.choice((1, 2)))
        stale = False
        for _ in range(150):
            before = basket.lines
            basket, priced = a_change(rng, basket, pricings)
            stale = not priced or (stale and basket.lines is before)  # refused: as it was
            if not stale:
                assert_as_plainly_repriced(basket)


@pytest.mark.white_box
def test_a_scan_looks_only_at_the_lines_whose_answer_changed() -> None:
    """The shortcut is taken: on a 49-line basket, a scan asks the memo about the new
    line and the few whose answer moved, not the 49 (counted, not timed). Item
    promotions only: a basket promotion on everything moves most lines' shares."""
    book = PromotionBook([p for p in a_store_book(15).promotions if p.level is Level.ITEM])
    basket = Basket()
    basket.set_pricing(BasketPricing(book, a_context()))
    rng = random.Random(4)
    for _ in range(49):
        basket.add(rng.choice(PRODUCTS), rng.choice((1, 1, 2, 3)))
    asked: list[int] = []
    answer = PricingMemo.answer

    def counted(memo: PricingMemo, line_id: int, items: tuple, shares: tuple) -> tuple:
        asked.append(line_id)
        return answer(memo, line_id, items, shares)

    PricingMemo.answer = counted  # type: ignore[method-assign]
    try:
        for _ in range(40):
            before = len(asked)
            basket.add(rng.choice(PRODUCTS), rng.choice((1, 2)))
            assert len(asked) - before <= 10
            basket.lines = basket.lines[:-1]
    finally:
        PricingMemo.answer = answer  # type: ignore[method-assign]
    assert 40 <= len(asked) <= 40 * 4, len(asked)
    assert_as_plainly_repriced(basket)


def test_without_a_memo_or_pricing_it_is_the_plain_repricing() -> None:
    basket = Basket()
    basket.add(PRODUCTS[0])
    assert repriced(basket.lines, None, PricingMemo()) is basket.lines
    pricing = BasketPricing(a_store_book(1), a_context())
    assert repriced(basket.lines, pricing, None) == repriced_plainly(basket.lines, pricing)


def test_another_basket_promotion_sharing_alike_is_shown_on_every_line() -> None:
    """A line of another department makes the basket's 10 % another promotion (on
    everything: it now saves more), its shares of the lines already there the same
    cents: they show the new one."""
    grocery = a_promotion(1, Kind.BASKET_PERCENT, 1000, name="-10 % épicerie",
                          target=Target(departments=frozenset({"EPI"})))  # fmt: skip
    everything = a_promotion(2, Kind.BASKET_PERCENT, 1000, name="-10 % sur tout")
    basket = Basket()
    basket.set_pricing(BasketPricing(PromotionBook([grocery, everything]), a_context()))
    for n in range(4):
        basket.add(Product(n + 1, f"EPI-{n}", "épicerie", 1000, 550, department="EPI"))
    assert {p.name for line in basket.lines for p in line.promotions} == {"-10 % épicerie"}
    basket.add(Product(9, "BAZ-1", "bazar", 1000, 2000, department="BAZ"))
    assert {p.name for line in basket.lines for p in line.promotions} == {"-10 % sur tout"}
    assert_as_plainly_repriced(basket)
