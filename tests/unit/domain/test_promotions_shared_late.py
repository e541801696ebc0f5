"""The last basket promotion is shared over its lines only when its outcome is the
answer (``engine._apply_baskets`` leaves it unshared, ``resolve_groups`` shares it): an
exclusive promotion that beats the non-exclusive outcome costs no allocation of a
basket promotion the customer never gets, and a winning outcome's shares are the
cent-exact ones, chained after the earlier basket promotions."""

from __future__ import annotations

import random

import pytest

from pos.domain import discount
from pos.domain.promotions import Kind, PromotionBook, Target
from pos.domain.promotions import engine as engine_module
from pos.domain.promotions.kinds import basket_discount
from tests.support.promotion_baskets import (
    a_context,
    a_line,
    a_promotion,
    on_skus,
    random_basket,
)

SKUS = [f"SKU-{n}" for n in range(12)]


@pytest.fixture
def allocations(monkeypatch) -> list[tuple[int, list[int]]]:
    """Every ``allocate`` the engine makes: (total, weights)."""
    made: list[tuple[int, list[int]]] = []

    def counted(total: int, weights: list[int]) -> list[int]:
        made.append((total, list(weights)))
        return discount.allocate(total, weights)

    monkeypatch.setattr(engine_module, "allocate", counted)
    return made


def lines_of(n: int):
    return [a_line(line_id, f"SKU-{line_id}", 300 + 7 * line_id) for line_id in range(1, n + 1)]


@pytest.mark.white_box
def test_an_exclusive_that_wins_leaves_the_basket_promotions_it_beat_unshared(allocations):
    lines = lines_of(30)  # 30 lines, 122.55 € gross
    threshold = a_promotion(
        1, Kind.THRESHOLD, 1000, threshold_cents=5000, target=Target.all(), name="-10 €"
    )
    hygiene = a_promotion(  # the demo's "-3 € dès 30 € au rayon hygiène (cumulable)"
        2, Kind.THRESHOLD, 300, threshold_cents=3000, stackable=True,
        target=on_skus("SKU-1", "SKU-2", "SKU-3"),
    )  # fmt: skip
    textile = a_promotion(3, Kind.PERCENT, 5000, exclusive=True, target=on_skus("SKU-30"))
    book = PromotionBook([threshold, hygiene, textile])
    extra = a_line(31, "SKU-31", 4000)  # not the textile's: the 10 € wins
    result = book.evaluate([*lines, extra], a_context())
    assert result.exclusive_id is None
    assert result.saved_cents == 1000
    assert len(allocations) == 1
    coat = a_line(31, "SKU-30", 4000)  # a coat, 40 € at -50 %: 20 € beats the 10 €
    allocations.clear()
    result = book.evaluate([*lines[:-1], coat], a_context())
    assert result.exclusive_id == 3
    assert result.saved_cents == 2000  # the exclusive alone
    assert result.basket == ()
    assert allocations == []  # the 10 € was weighed by its total, never shared


@pytest.mark.white_box
def test_a_promotion_on_some_lines_after_one_on_everything_is_judged_without_sharing(
    allocations,
):
    lines = lines_of(29)
    threshold = a_promotion(1, Kind.THRESHOLD, 1000, threshold_cents=5000, target=Target.all())
    hygiene = a_promotion(  # 20 lines, 86.90 €: still above 30 € after their share of 10 €
        2, Kind.THRESHOLD, 300, threshold_cents=3000, stackable=True,
        target=on_skus(*(f"SKU-{n}" for n in range(10, 30))),
    )  # fmt: skip
    textile = a_promotion(3, Kind.PERCENT, 5000, exclusive=True, target=on_skus("COAT"))
    book = PromotionBook([threshold, hygiene, textile])
    result = book.evaluate([*lines, a_line(30, "COAT", 2000)], a_context())
    assert result.exclusive_id is None and result.saved_cents == 1300
    assert [total for total, _ in allocations] == [1000, 300]  # the answer, shared
    allocations.clear()
    result = book.evaluate([*lines, a_line(30, "COAT", 4000)], a_context())
    assert result.exclusive_id == 3 and result.saved_cents == 2000
    assert allocations == []


@pytest.mark.white_box
def test_a_winning_outcome_shares_its_last_basket_promotion_after_the_earlier_ones(
    allocations,
):
    lines = [a_line(1, "A", 1000), a_line(2, "B", 2001), a_line(3, "C", 2999)]
    first = a_promotion(
        1, Kind.BASKET_AMOUNT, 500, stackable=True, priority=2, target=on_skus("A", "B")
    )
    last = a_promotion(2, Kind.BASKET_PERCENT, 1000, target=Target.all())
    result = PromotionBook([first, last]).evaluate(lines, a_context())
    # 5 € over A and B by 10.00 : 20.01 -> 1.67 and 3.33 (largest remainder to A);
    # then 10 % of what is left, 55.00 €: 5.50 € over 8.33, 16.68, 29.99.
    assert [b.promotion_id for b in result.basket] == [1, 2]
    assert result.basket[0].shares == ((1, 167), (2, 333))
    assert result.basket[1].discount_cents == 550
    assert result.basket[1].shares == ((1, 83), (2, 167), (3, 300))
    assert result.saved_cents == 1050
    assert [total for total, _ in allocations] == [500, 550]


def reference(promotions, lines):
    """Rule 3 read literally on a basket without item promotions: the best
    non-stackable basket promotion and every stackable one, by priority then id,
    each shared at once over what the earlier ones left."""
    nets = {line.line_id: line.gross_cents for line in sorted(lines, key=lambda x: x.line_id)
            if line.promotable}  # fmt: skip

    def on(promotion):
        everything = not promotion.target.skus
        return [lid for lid, line in ((x.line_id, x) for x in lines) if lid in nets
                and (everything or line.sku in promotion.target.skus)]  # fmt: skip

    def saving(promotion):
        return basket_discount(promotion, sum(nets[lid] for lid in on(promotion)))

    chosen = [p for p in promotions if p.stackable]
    best = max(
        (p for p in promotions if not p.stackable and saving(p) > 0),
        key=lambda p: (saving(p), p.priority, -p.id),
        default=None,
    )
    chosen += [best] if best else []
    applied = []
    for promotion in sorted(chosen, key=lambda p: (-p.priority, p.id)):
        ids = sorted(on(promotion))
        off = basket_discount(promotion, sum(nets[lid] for lid in ids))
        if off:
            shares = discount.allocate(off, [nets[lid] for lid in ids])
            for lid, share in zip(ids, shares, strict=True):
                nets[lid] -= share
            applied.append((promotion.id, off, tuple(zip(ids, shares, strict=True))))
    return applied


def a_basket_promotion(rng: random.Random, pid: int):
    kind = rng.choice((Kind.THRESHOLD, Kind.BASKET_PERCENT, Kind.BASKET_AMOUNT))
    value = rng.choice((500, 1000, 2500)) if kind is Kind.BASKET_PERCENT else rng.randint(1, 3000)
    fields = {"stackable": rng.random() < 0.5, "priority": rng.choice((0, 0, 1, 2))}
    if kind is Kind.THRESHOLD:
        fields["threshold_cents"] = rng.randint(500, 9000)
    if rng.random() < 0.6:
        fields["target"] = Target(skus=frozenset(rng.sample(SKUS, rng.randint(1, 6))))
    return a_promotion(pid, kind, value, **fields)


def test_chained_basket_promotions_share_as_the_literal_rule_does():
    rng = random.Random(20261207)
    for _ in range(4000):
        promotions = [a_basket_promotion(rng, pid) for pid in range(1, rng.randint(2, 7))]
        lines = random_basket(rng, SKUS, rng.randint(1, 30))
        rng.shuffle(lines)
        result = PromotionBook(promotions).evaluate(lines, a_context())
        found = [(b.promotion_id, b.discount_cents, b.shares) for b in result.basket]
        assert found == reference(promotions, lines)
        assert result.saved_cents == sum(off for _, off, _ in found)
