"""The open basket kept on disk while promotions reprice it: a scan writes the scanned
line only, even when a fixed-amount basket promotion reshares every other line (their
promotions are not saved: they are worked out again on resume)."""

from __future__ import annotations

import random

from pos.domain.basket import Basket
from pos.domain.basket_pricing import BasketPricing
from pos.domain.product import Product
from pos.domain.promotions import Kind, PromotionBook, Target
from pos.domain.tenders import Payment
from pos.services.basket_snapshot import BasketSnapshot, recovered_basket
from pos.store import open_basket
from pos.store.local_store import LocalStore
from tests.support.promotion_baskets import a_context, a_promotion

PRODUCTS = [Product(n, f"SKU-{n}", f"Article {n}", 150 + n * 53 % 700, 550) for n in range(1, 40)]
RESHARING = PromotionBook([  # 7 € off from 20 €: each line's share moves with the ticket
    a_promotion(1, Kind.THRESHOLD, 700, threshold_cents=2000),
    a_promotion(2, Kind.PERCENT, 1000, target=Target(skus=frozenset({"SKU-3", "SKU-7"}))),
])  # fmt: skip


def test_a_scan_writes_one_row_while_the_basket_promotion_reshares_every_line(
    store: LocalStore,
) -> None:
    basket = Basket()
    basket.set_pricing(BasketPricing(RESHARING, a_context()))
    snapshot = BasketSnapshot(store, "T01")
    rng = random.Random(5)

    def scan() -> int:
        basket.add(rng.choice(PRODUCTS), rng.choice((1, 2)))
        before = snapshot.saver.total_changes
        at = "2026-12-07T09:01:00.000Z"
        snapshot.save("sale-1", "Inès", "2026-12-07T09:00:00.000Z", basket,
                      Payment(basket.totals().total_cents), lambda: at)  # fmt: skip
        return snapshot.saver.total_changes - before

    for _ in range(30):
        scan()
    reshared, written = 0, []
    for _ in range(20):
        shares_before = [line.promotions for line in basket.lines]
        written.append(scan())
        reshared += sum(
            1 for before, line in zip(shares_before, basket.lines, strict=False)
            if line.promotions != before
        )  # fmt: skip
    assert reshared >= 200  # the threshold's shares moved on many lines at each scan
    assert written == [1] * 20
    saved = open_basket.load(store.conn, "T01")
    assert saved is not None
    recovered = recovered_basket(saved).basket
    assert [(line.line_id, line.product, line.quantity) for line in recovered.lines] == [
        (line.line_id, line.product, line.quantity) for line in basket.lines
    ]
    snapshot.close()
