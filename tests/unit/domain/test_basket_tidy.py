"""Between two scans a till trims its pricing memos (``Basket.tidy``): a memo near its
bound is cleared there, and the basket priced into it again, so that no scan pays for a
clear. Trimming never changes a price: over random scan sequences trimmed at every
step, each basket's lines and totals are those of a basket priced from nothing."""

from __future__ import annotations

import random

import pytest

from pos.domain.basket import Basket
from pos.domain.basket_pricing import BasketPricing
from pos.domain.product import Product, SoldBy
from pos.domain.promotions import Kind, PromotionBook, Target
from pos.domain.promotions import trim as trim_module
from pos.domain.promotions.parts import _MEMO_LIMIT
from tests.support.promotion_baskets import (
    BRANDS,
    DEPARTMENTS,
    a_context,
    a_promotion,
    random_promotion,
)

SKUS = [f"SKU-{n}" for n in range(12)]


def a_product(rng: random.Random, pid: int) -> Product:
    sku = rng.choice(SKUS)
    weighed = rng.random() < 0.1
    return Product(
        pid, sku, f"article {sku}", rng.choice((100, 250, 399, 1200)), 550,
        sold_by=SoldBy.WEIGHT if weighed else SoldBy.UNIT,
        brand=rng.choice(BRANDS[:3]), department=rng.choice(DEPARTMENTS[:3]),
    )  # fmt: skip


def a_change(rng: random.Random, basket: Basket, pid: int) -> None:
    """A scan (most), a quantity change or a void."""
    roll = rng.random()
    active = [line for line in basket.lines if not line.voided]
    if roll < 0.7 or not active:
        product = a_product(rng, pid)
        basket.add(product, 500 if product.sold_by is SoldBy.WEIGHT else rng.choice((1, 2)))
    elif roll < 0.9:
        line = rng.choice(
            [line for line in active if line.product.sold_by is SoldBy.UNIT] or [None]
        )
        if line is not None:
            basket.set_quantity(line.line_id, rng.randint(1, 4))
    else:
        basket.void(rng.choice(active).line_id)


def fresh_copy(basket: Basket) -> Basket:
    """The same lines priced by a new book: no memo of any kind."""
    fresh = Basket()
    pricing = basket.pricing
    assert pricing is not None
    fresh.set_pricing(BasketPricing(PromotionBook(pricing.book.promotions), pricing.context))
    fresh.lines = ()
    fresh._commit_change(tuple(line.with_promotions(()) for line in basket.lines))
    return fresh


def test_trimmed_at_every_step_a_basket_is_priced_as_from_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(trim_module, "_MEMO_LIMIT", 4)  # trimmed nearly every time
    monkeypatch.setattr(trim_module, "_ARTICLE_LIMIT", 4)
    rng = random.Random(8080)
    trims = steps = 0
    for _ in range(60):
        promotions = [random_promotion(rng, pid, SKUS) for pid in range(1, rng.randint(2, 25))]
        book = PromotionBook(promotions)  # shared by the baskets, as a till's sales share it
        for _ in range(4):
            basket = Basket()
            basket.set_pricing(BasketPricing(book, a_context()))
            for n in range(rng.randint(3, 18)):
                a_change(rng, basket, 1000 + n)
                before, totals = basket.lines, basket.totals()
                trims += basket.tidy()
                assert basket.lines is before and basket.totals() is totals  # untouched
                fresh = fresh_copy(basket)
                assert [line.promotions for line in fresh.lines] == [
                    line.promotions for line in basket.lines
                ]
                assert fresh.totals() == totals
                steps += 1
    assert steps > 1000 and trims > steps // 2


def test_a_nearly_full_parts_memo_is_emptied_between_scans_and_refilled() -> None:
    book = PromotionBook([
        a_promotion(1, Kind.PERCENT, 1000, target=Target(departments=frozenset({"épicerie"}))),
        a_promotion(2, Kind.AMOUNT_OFF, 20, target=Target(skus=frozenset({"SKU-1"}))),
        a_promotion(3, Kind.THRESHOLD, 300, threshold_cents=2000),
    ])  # fmt: skip
    basket = Basket()
    basket.set_pricing(BasketPricing(book, a_context()))
    for n in range(1, 21):
        basket.add(Product(n, f"SKU-{n % 3}", "x", 150 + n, 550, department="épicerie"))
    index = book.eligible(a_context())
    assert not basket.tidy()  # nothing near its bound: nothing done
    for n in range(3 * _MEMO_LIMIT // 4):  # other baskets' parts, long gone
        index._parts[("old", n)] = ((), (), 0)  # type: ignore[index]
    assert basket.tidy()
    assert not any(key[0] == "old" for key in index._parts)
    assert 0 < len(index._parts) < _MEMO_LIMIT // 4  # this basket's parts, priced again
    priced = index.lines_priced
    basket.add(Product(99, "SKU-7", "y", 120, 550, department="boissons"))
    assert index.lines_priced - priced <= 1  # the next scan found the basket's part
