"""Each kind's arithmetic on examples a French store would recognise."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pos.domain.errors import PosError
from pos.domain.promotions import Kind, PromotionBook, Target
from tests.support.promotion_baskets import NOW, a_context, a_line, a_promotion, on_skus


def evaluate(promotions, lines, **context):
    return PromotionBook(promotions).evaluate(lines, a_context(**context))


def test_three_for_two_on_yogurts_of_different_prices_frees_the_cheapest_of_each_three():
    yogurts = Target(brands=frozenset({"Danone"}))
    lines = [
        a_line(1, "YAOURT-NATURE", 120, 2, brand="Danone"),
        a_line(2, "YAOURT-FRAISE", 90, 2, brand="Danone"),
        a_line(3, "YAOURT-GREC", 150, 3, brand="Danone"),
    ]
    # 7 units: 150 150 150 | 120 120 90 | 90 (the incomplete group pays in full)
    result = evaluate([a_promotion(1, Kind.N_FOR_M, 1, n=3, m=2, target=yogurts)], lines)
    assert result.item_discount(3) == 150
    assert result.item_discount(1) == 0
    assert result.item_discount(2) == 90
    assert result.saved_cents == 240


def test_second_at_half_price_takes_half_of_every_second_unit_rounded_half_up():
    lines = [a_line(1, "SHAMPOOING", 399, 3)]
    second = a_promotion(1, Kind.NTH_PERCENT, 5000, n=2, target=on_skus("SHAMPOOING"))
    result = evaluate([second], lines)
    assert result.item_discount(1) == 200  # 3.99 / 2 = 1.995 -> 2.00; the third pays
    assert result.saved_cents == 200


def test_ten_euros_off_from_fifty_starts_at_exactly_fifty_euros_shared_over_the_lines():
    threshold = a_promotion(1, Kind.THRESHOLD, 1000, threshold_cents=5000)
    short = evaluate([threshold], [a_line(1, "A", 2999), a_line(2, "B", 2000)])
    assert short.basket == () and short.saved_cents == 0
    reached = evaluate([threshold], [a_line(1, "A", 3000), a_line(2, "B", 2000)])
    (applied,) = reached.basket
    assert applied.discount_cents == 1000
    assert applied.shares == ((1, 600), (2, 400))
    assert reached.saved_cents == 1000


def test_bundle_three_for_ten_euros_spreads_its_saving_over_the_bundle_lines():
    tins = on_skus("RILLETTES", "PATE")
    lines = [a_line(1, "RILLETTES", 420, 2), a_line(2, "PATE", 399, 2)]
    # 420 420 399 | 399: one bundle of 12.39 € for 10 €, 2.39 € shared 840:399
    result = evaluate([a_promotion(1, Kind.BUNDLE_PRICE, 1000, n=3, target=tins)], lines)
    assert result.item_discount(1) == 162
    assert result.item_discount(2) == 77
    assert result.saved_cents == 239


def test_a_bundle_dearer_than_its_articles_saves_nothing():
    lines = [a_line(1, "EAU", 50, 6)]
    bundle = a_promotion(1, Kind.BUNDLE_PRICE, 400, n=6, target=on_skus("EAU"))
    assert evaluate([bundle], lines).saved_cents == 0


def test_twenty_percent_off_a_brand_leaves_the_other_brands_alone():
    lines = [
        a_line(1, "CONFITURE-FRAISE", 345, 3, brand="Bonne Maman"),
        a_line(2, "PETIT-BEURRE", 200, 1, brand="Lu"),
    ]
    brand = Target(brands=frozenset({"Bonne Maman"}))
    result = evaluate([a_promotion(1, Kind.PERCENT, 2000, target=brand)], lines)
    assert result.lines[1][0].discount_cents == 207  # 20 % of 10.35 €
    assert result.lines[2] == ()


def test_euros_off_per_kilogram_on_a_weighed_cheese_follow_the_weight():
    comte = a_line(1, "COMTE", 2490, 347, weighed=True)  # 0.347 kg at 24.90 €/kg = 8.64 €
    assert comte.gross_cents == 864
    result = evaluate([a_promotion(1, Kind.AMOUNT_OFF, 300, target=on_skus("COMTE"))], [comte])
    assert result.item_discount(1) == 104  # 3 €/kg * 0.347 kg = 1.041 €


def test_euros_off_never_take_more_than_the_line():
    cheap = [a_line(1, "GOMME", 40, 3), a_line(2, "OLIVES", 800, 125, weighed=True)]
    result = evaluate([a_promotion(1, Kind.AMOUNT_OFF, 5000)], cheap)
    assert result.item_discount(1) == 120
    assert result.item_discount(2) == 100


def test_percent_rounds_once_on_the_line_units_together():
    result = evaluate([a_promotion(1, Kind.PERCENT, 1500)], [a_line(1, "BISCUIT", 133, 3)])
    assert result.item_discount(1) == 60  # 15 % of 3.99 € = 0.5985 €; per unit would give 0.60


def test_pooled_kinds_leave_weighed_lines_to_percent_and_amount_off():
    lines = [
        a_line(1, "POMMES", 300, 2000, weighed=True),
        a_line(2, "POMMES", 300, 1000, weighed=True),
    ]
    result = evaluate([a_promotion(1, Kind.N_FOR_M, 1, n=2, m=1)], lines)
    assert result.saved_cents == 0


def test_basket_percent_and_amount_take_off_the_target_lines_only():
    lines = [a_line(1, "VIN", 1200, 2, department="boissons"), a_line(2, "PAIN", 130)]
    drinks = Target(departments=frozenset({"boissons"}))
    percent = evaluate([a_promotion(1, Kind.BASKET_PERCENT, 1000, target=drinks)], lines)
    assert [(b.discount_cents, b.shares) for b in percent.basket] == [(240, ((1, 240),))]
    amount = evaluate([a_promotion(2, Kind.BASKET_AMOUNT, 99_999)], lines)
    assert amount.basket[0].discount_cents == 2530  # never more than the basket


@pytest.mark.parametrize(
    ("kind", "value", "fields"),
    [
        (Kind.PERCENT, 10_001, {}),
        (Kind.PERCENT, 0, {}),
        (Kind.AMOUNT_OFF, -5, {}),
        (Kind.N_FOR_M, 1, {"n": 3, "m": 3}),
        (Kind.N_FOR_M, 1, {"n": 1, "m": 0}),
        (Kind.BUNDLE_PRICE, 1000, {"n": 0}),
        (Kind.THRESHOLD, 1000, {"threshold_cents": 0}),
        (Kind.PERCENT, 1000, {"target": Target()}),
        (Kind.PERCENT, 1000, {"ends_at": NOW - timedelta(days=2)}),
        (Kind.PERCENT, 1000, {"starts_at": NOW.replace(tzinfo=None)}),
        (Kind.PERCENT, 1000, {"channels": frozenset({"phone"})}),
    ],
)
def test_a_promotion_out_of_range_is_refused_when_built(kind, value, fields):
    with pytest.raises(PosError) as refused:
        a_promotion(7, kind, value, **fields)
    assert refused.value.code == "promotion_invalid"


def test_a_book_refuses_two_promotions_with_one_id():
    with pytest.raises(PosError, match="given twice"):
        PromotionBook([a_promotion(3, Kind.PERCENT, 100), a_promotion(3, Kind.PERCENT, 200)])
