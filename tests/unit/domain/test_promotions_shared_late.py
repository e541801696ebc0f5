"""The last basket promotion is shared over its lines only when its outcome is the
answer (``engine._apply_baskets`` leaves it unshared, ``resolve_groups`` shares it): an
exclusive promotion that beats the non-exclusive outcome costs no allocation of a
basket promotion the customer never gets, and a winning outcome's shares are the
cent-exact ones, chained after the earlier basket promotions."""

from __future__ import annotations

import pytest

from pos.domain import discount
from pos.domain.promotions import Kind, PromotionBook, Target
from pos.domain.promotions import engine as engine_module
from tests.support.promotion_baskets import a_context, a_line, a_promotion, on_skus


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


def test_an_exclusive_that_wins_leaves_the_basket_promotion_it_beat_unshared(allocations):
    lines = lines_of(30)  # 30 lines, 122.55 € gross
    threshold = a_promotion(
        1, Kind.THRESHOLD, 1000, threshold_cents=5000, target=Target.all(), name="-10 €"
    )
    textile = a_promotion(2, Kind.PERCENT, 5000, exclusive=True, target=on_skus("SKU-30"))
    extra = a_line(31, "SKU-31", 4000)  # a coat, 40 € at -50 %: 20 € beats the 10 €
    result = PromotionBook([threshold, textile]).evaluate([*lines, extra], a_context())
    assert result.exclusive_id is None  # SKU-31 is not the textile's: the 10 € wins
    assert result.saved_cents == 1000
    assert len(allocations) == 1
    coat = a_line(31, "SKU-30", 4000)
    allocations.clear()
    result = PromotionBook([threshold, textile]).evaluate([*lines[:-1], coat], a_context())
    assert result.exclusive_id == 2
    assert result.saved_cents == 2000  # the exclusive alone: 50 % of 40 €
    assert result.basket == ()
    assert allocations == []  # the 10 € was weighed by its total, never shared


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
