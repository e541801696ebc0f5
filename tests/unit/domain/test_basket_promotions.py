"""The basket priced by the promotion engine: per-line amounts, the manual discounts on
top (rule 5 of ``pos.domain.promotions``), lines promotions never touch, and totals that
add up on random baskets."""

from __future__ import annotations

import random

import pytest

from pos.domain.basket import Basket, ReturnedPart
from pos.domain.basket_pricing import BasketPricing, pricing_line
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.price_override import OverrideReason, PriceOverride
from pos.domain.product import Product, SoldBy
from pos.domain.promotions import Kind, PromotionBook, Target
from pos.domain.returns import Channel, ReturnedAmounts, ReturnReason, ReturnRef
from pos.domain.sale import LinePromotion
from pos.domain.vat import vat_breakdown
from tests.support.promotion_baskets import a_context, a_promotion, on_skus

WATER = Product(1, "EAU-6", "Eau x6", 300, 550)
COFFEE = Product(2, "CAFE-1", "Café 1 kg", 1200, 550, brand="Arabica & Co")
SHIRT = Product(3, "TSHIRT", "T-shirt", 2000, 2000, department="textile")
CHEESE = Product(4, "COMTE", "Comté", 2400, 550, sold_by=SoldBy.WEIGHT)

PROMOTIONS = [
    a_promotion(1, Kind.N_FOR_M, 1, name="3 pour 2", target=on_skus("EAU-6"), n=3, m=2),
    a_promotion(
        2,
        Kind.PERCENT,
        2000,
        name="-20 % textile",
        target=Target(departments=frozenset({"textile"})),
    ),
    a_promotion(3, Kind.THRESHOLD, 500, name="-5 € dès 30 €", threshold_cents=3000),
    a_promotion(4, Kind.AMOUNT_OFF, 300, name="-3 €/kg comté", target=on_skus("COMTE")),
]


def priced_basket(*promotions) -> Basket:
    basket = Basket()
    basket.set_pricing(BasketPricing(PromotionBook(list(promotions or PROMOTIONS)), a_context()))
    return basket


def test_each_line_carries_the_engines_amounts() -> None:
    basket = priced_basket()
    water = basket.add(WATER, 3)
    shirt = basket.add(SHIRT)
    cheese = basket.add(CHEESE, 500)  # 500 g at 24 €/kg = 12 €
    book = basket.pricing.book
    result = book.evaluate([pricing_line(line) for line in basket.lines], a_context())
    for line in basket.lines:
        item = result.item_discount(line.line_id)
        share = result.basket_share(line.line_id)
        assert basket.lines[line.line_id - 1].promotion_cents == item + share
    # 3 pour 2: 300; -20 % of 20 € = 400; -3 €/kg on 500 g = 150; then -5 € on 3,250 €
    assert basket.line_promotions(water.line_id)[0] == LinePromotion(1, "3 pour 2", 300)
    assert basket.line_promotions(shirt.line_id)[0] == LinePromotion(2, "-20 % textile", 400)
    assert basket.line_promotions(cheese.line_id)[0] == LinePromotion(4, "-3 €/kg comté", 150)
    totals = basket.totals()
    assert totals.promotion_cents == 300 + 400 + 150 + 500
    assert totals.total_cents == 900 + 2000 + 1200 - 1350
    sale = basket.sale_lines()
    assert [line.promotion_cents for line in sale] == [
        line.promotion_cents for line in basket.lines
    ]
    assert all(line.line_discount_cents == line.promotion_cents for line in sale)
    assert sum(line.total_cents for line in sale) == totals.total_cents


def test_a_scan_that_completes_the_group_reprices_the_line() -> None:
    basket = priced_basket(PROMOTIONS[0])
    basket.add(WATER)
    basket.add(WATER)
    assert basket.totals().promotion_cents == 0
    line = basket.add(WATER)  # the third: "3 pour 2" applies
    assert line.quantity == 3 and line.promotion_cents == 300
    assert line.net_cents == 600 and basket.totals().total_cents == 600
    basket.set_pricing(None)
    assert basket.totals().total_cents == 900 and basket.lines[0].promotions == ()


def test_manual_line_discount_applies_on_the_net_after_promotions() -> None:
    basket = priced_basket(PROMOTIONS[1])
    shirt = basket.add(SHIRT)  # 20 € - 20 % = 16 €
    shirt = basket.set_line_discount(shirt.line_id, Discount.percent(1000))  # -10 % of 16 €
    assert shirt.discount_cents == 400 + 160 and shirt.net_cents == 1440
    with pytest.raises(PosError) as refused:  # more than the 16 € promotions leave
        basket.set_line_discount(shirt.line_id, Discount.amount(1700))
    assert refused.value.code == "discount_too_large"
    shirt = basket.set_line_discount(shirt.line_id, Discount.amount(1600))
    assert shirt.net_cents == 0


def test_a_manual_amount_is_capped_when_a_promotion_arrives_later() -> None:
    basket = priced_basket(PROMOTIONS[0])
    water = basket.add(WATER, 2)
    basket.set_line_discount(water.line_id, Discount.amount(600))  # the whole line
    water = basket.set_quantity(water.line_id, 3)  # 900 - 300 promotion = 600 left
    assert water.discount_cents == 900 and water.net_cents == 0


def test_ticket_discount_applies_on_the_sum_after_line_discounts() -> None:
    basket = priced_basket(PROMOTIONS[0], PROMOTIONS[1])
    basket.add(WATER, 3)  # 600 after promotion
    basket.add(SHIRT)  # 1600 after promotion
    basket.set_ticket_discount(Discount.percent(1000))
    totals = basket.totals()
    assert totals.ticket_discount_cents == 220
    assert totals.total_cents == 2200 - 220
    assert totals.line_discount_cents == totals.promotion_cents == 700


def test_overridden_and_returned_lines_are_untouched() -> None:
    basket = priced_basket(a_promotion(9, Kind.PERCENT, 5000, name="-50 %"))
    shirt = basket.add(SHIRT)
    override = PriceOverride(2000, OverrideReason.DAMAGED, "", None)
    shirt = basket.override_price(shirt.line_id, 1500, override)
    ref = ReturnRef("sale-0", 1, "T01 n°1", Channel.STORE, ReturnReason.CHANGED_MIND, True, None)
    amounts = ReturnedAmounts(-300, 0, 0, -300)
    returned = basket.add_returned(WATER, 1, ReturnedPart(ref, amounts))
    water = basket.add(WATER)
    assert shirt.promotions == () and basket.line_promotions(shirt.line_id) == ()
    assert basket.line_promotions(returned.line_id) == ()
    assert basket.line_promotions(water.line_id) == (LinePromotion(9, "-50 %", 150),)
    sale = basket.sale_lines()
    assert sale[1].promotions == () and sale[1].line_discount_cents == 0


def test_vat_rows_come_from_the_promoted_totals() -> None:
    basket = priced_basket()
    basket.add(WATER, 3)
    basket.add(SHIRT)
    sale = basket.sale_lines()
    expected = vat_breakdown((line.vat_bp, line.total_cents) for line in sale)
    assert basket.totals().vat == expected
    assert sum(row.total_cents for row in expected) == basket.totals().total_cents


def test_lines_priced_by_central_keep_their_promotions() -> None:
    basket = priced_basket(a_promotion(9, Kind.PERCENT, 5000, name="-50 %"))
    fixed = (LinePromotion(7, "Web -10 %", 60),)
    line = basket.add_priced(WATER, 2, fixed)
    assert line.promotions == fixed and line.net_cents == 540
    basket.add(SHIRT)  # the till's -50 % on this one only
    assert basket.line_promotions(line.line_id) == fixed
    assert basket.totals().promotion_cents == 60 + 1000
    for change in (
        lambda: basket.set_quantity(line.line_id, 3),
        lambda: basket.override_price(
            line.line_id, 100, PriceOverride(300, OverrideReason.DAMAGED, "", None)
        ),
    ):
        with pytest.raises(PosError) as refused:
            change()
        assert refused.value.code == "priced_online"


def test_random_baskets_add_up() -> None:
    rng = random.Random(15)
    products = [WATER, COFFEE, SHIRT, CHEESE]
    for _ in range(300):
        basket = priced_basket()
        for _ in range(rng.randint(1, 8)):
            product = rng.choice(products)
            qty = rng.randint(100, 900) if product.sold_by is SoldBy.WEIGHT else rng.randint(1, 4)
            line = basket.add(product, qty)
            if rng.random() < 0.2:
                basket.set_line_discount(line.line_id, Discount.percent(rng.randint(1, 5000)))
            if rng.random() < 0.1:
                basket.void(line.line_id)
        if rng.random() < 0.3 and not basket.is_empty():
            basket.set_ticket_discount(Discount.percent(rng.randint(1, 3000)))
        totals = basket.totals()
        sale = basket.sale_lines()
        assert sum(line.total_cents for line in sale) == totals.total_cents
        assert sum(line.line_discount_cents for line in sale) == totals.line_discount_cents
        assert sum(line.promotion_cents for line in sale) == totals.promotion_cents
        for line in sale:
            assert 0 <= line.promotion_cents <= line.line_discount_cents <= line.gross_cents
            assert line.total_cents >= 0
        assert sum(row.total_cents for row in totals.vat) == totals.total_cents
