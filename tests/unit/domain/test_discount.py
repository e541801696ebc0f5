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
