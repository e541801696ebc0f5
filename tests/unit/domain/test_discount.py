import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.discount import Discount, allocate
from pos.domain.errors import PosError


def test_percent_and_amount() -> None:
    assert Discount.percent(1000).on(1999) == 200  # 199.9 → 200
    assert Discount.amount(150).on(1000) == 150
    with pytest.raises(PosError) as err:
        Discount.amount(1500).on(1000)
    assert err.value.code == "discount_too_large"


@pytest.mark.parametrize("bp", [0, -1, 10001])
def test_percent_out_of_range(bp: int) -> None:
    with pytest.raises(PosError):
        Discount.percent(bp)


def test_allocate_largest_remainder() -> None:
    assert allocate(100, [100, 100, 100]) == [34, 33, 33]
    assert allocate(10, [500, 300, 200]) == [5, 3, 2]
    assert allocate(0, [5, 5]) == [0, 0]


@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=50), st.data())
def test_allocation_conserves_cents_and_never_exceeds_a_line(weights: list[int], data) -> None:
    total = data.draw(st.integers(0, sum(weights)))
    shares = allocate(total, weights)
    assert sum(shares) == total
    assert all(0 <= s <= w for s, w in zip(shares, weights, strict=True))


def allocate_as_first_written(total: int, weights: list[int]) -> list[int]:
    """The first ``allocate``, kept as the reference its faster rewrite must equal."""
    weight_sum = sum(weights)
    if total == 0 or weight_sum == 0:
        return [0] * len(weights)
    shares, remainders = [], []
    for index, weight in enumerate(weights):
        share, remainder = divmod(total * weight, weight_sum)
        shares.append(share)
        remainders.append((-remainder, index))
    for _, index in sorted(remainders)[: total - sum(shares)]:
        shares[index] += 1
    return shares


def test_allocate_gives_exactly_what_it_first_gave_on_random_inputs() -> None:
    import random

    rng = random.Random(60)
    for _ in range(30_000):
        # small weights and equal ones make equal remainders, where the order matters
        top = rng.choice((1, 3, 10, 1000, 10**6))
        weights = [rng.randint(0, top) for _ in range(rng.randint(0, 50))]
        if rng.random() < 0.3 and weights:
            weights = [rng.choice(weights) for _ in weights]
        total = rng.randint(0, sum(weights))
        assert allocate(total, weights) == allocate_as_first_written(total, weights)
    for bad_total, bad_weights in ((-1, [5]), (1, [2, -1]), (4, [1, 2]), (1, [])):
        with pytest.raises(ValueError):
            allocate(bad_total, bad_weights)
