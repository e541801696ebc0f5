"""Random baskets priced change by change, as plain data: what one build of the pricing
modules answers, for ``test_native`` to compare with the other build's.

    COMPTOIR_NATIVE=0 .venv/bin/python -m tests.support.pricing_sample SEED  # JSON out
"""

from __future__ import annotations

import json
import random
import sys

from pos.domain.basket import Basket
from pos.domain.basket_pricing import BasketPricing
from pos.domain.promotions import PricingLine, PricingResult, PromotionBook
from tests.support.promotion_baskets import a_context, random_promotion
from tests.unit.domain.test_basket_repricing import a_change
from tests.unit.domain.test_basket_scan_reuse import PRODUCTS, a_book, a_store_book
from tests.unit.domain.test_promotions_incremental import SKUS, step


def answers(seed: int) -> dict[str, list]:
    """The engine's results over random scan sequences, and random baskets' lines and
    totals after each change (voids, returns, discounts, trial copies, another pricing)."""
    rng = random.Random(seed)
    engine: list = []
    for _ in range(25):  # promotion sets
        promotions = [random_promotion(rng, pid, SKUS) for pid in range(1, rng.randint(2, 30))]
        book = PromotionBook(promotions)
        for _ in range(8):  # scan sequences
            context = a_context(customer_id=rng.choice((None, "cust-1")))
            lines: list[PricingLine] = []
            for n in range(rng.randint(2, 14)):
                lines = step(rng, lines, 100 + n)
                engine.append(_result(book.evaluate(lines, context)))
    baskets: list = []
    for n in range(4):
        book = a_store_book(seed + n) if n % 2 else a_book(seed + n)
        pricings = [BasketPricing(book, a_context(customer_id=who)) for who in (None, "c-1")]
        basket = Basket()
        basket.set_pricing(pricings[0])
        for _ in range(30):
            basket.add(rng.choice(PRODUCTS), rng.choice((1, 2)))
        for _ in range(120):
            basket, _priced = a_change(rng, basket, pricings)
            baskets.append(_basket(basket))
    return {"engine": engine, "baskets": baskets}


def _result(result: PricingResult) -> list:
    return [
        sorted([line_id, [list(p) for p in applied]]
               for line_id, applied in result.lines.items()),
        [[b.promotion_id, b.name, b.discount_cents, [list(s) for s in b.shares]]
         for b in result.basket],
        result.saved_cents,
        result.exclusive_id,
    ]  # fmt: skip


def _basket(basket: Basket) -> list:
    totals = basket.totals()
    return [
        [[line.line_id, line.quantity, line.voided,
          [[p.promotion_id, p.name, p.discount_cents] for p in line.promotions]]
         for line in basket.lines],
        repr(totals),  # its VAT lines too
    ]  # fmt: skip


if __name__ == "__main__":
    json.dump(answers(int(sys.argv[1])), sys.stdout)
