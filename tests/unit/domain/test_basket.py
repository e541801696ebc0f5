import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.basket import Basket
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.product import Product, SoldBy
from pos.domain.vat import FRENCH_RATES

JAM = Product(1, "SKU1", "Confiture de fraises 370 g", 329, 550)
SHAMPOO = Product(2, "SKU2", "Shampooing doux 250 ml", 449, 2000)
APPLES = Product(3, "SKU3", "Pommes Golden", 249, 550, SoldBy.WEIGHT)


def test_repeat_scan_adds_to_the_last_line() -> None:
    basket = Basket()
    basket.add(JAM, barcode="3017620422003")
    basket.add(JAM, barcode="3017620422003")
    assert len(basket.lines) == 1 and basket.lines[0].quantity == 2
    basket.add(SHAMPOO)
    basket.add(JAM, barcode="3017620422003")
    assert [line.quantity for line in basket.lines] == [2, 1, 1]


def test_weighed_goods_are_priced_per_kilogram() -> None:
    basket = Basket()
    line = basket.add(APPLES, 452)  # 452 g at 2,49 €/kg = 1,12548 → 1,13 €
    assert line.gross_cents == 113
    basket.add(APPLES, 300)
    assert len(basket.lines) == 2  # weighed lines never merge


def test_label_price_is_the_line_price() -> None:
    basket = Basket()
    line = basket.add(APPLES, 1000, fixed_gross_cents=275)
    assert line.gross_cents == 275
    with pytest.raises(PosError):
        basket.set_quantity(line.line_id, 2000)


def test_totals_with_discounts_and_void() -> None:
    basket = Basket()
    jam = basket.add(JAM, 3)  # 9,87
    shampoo = basket.add(SHAMPOO)  # 4,49
    basket.set_line_discount(jam.line_id, Discount.percent(1000))  # -0,99 (0,987)
    basket.set_ticket_discount(Discount.amount(100))
    totals = basket.totals()
    assert totals.gross_cents == 987 + 449
    assert totals.line_discount_cents == 99
    assert totals.ticket_discount_cents == 100
    assert totals.total_cents == 987 + 449 - 99 - 100
    assert sum(v.total_cents for v in totals.vat) == totals.total_cents
    basket.void(shampoo.line_id)
    assert basket.totals().total_cents == 987 - 99 - 100
    assert len(basket.lines) == 2 and basket.lines[1].voided


def test_fixed_ticket_discount_shrinks_when_a_void_leaves_less() -> None:
    basket = Basket()
    jam = basket.add(JAM)
    basket.add(SHAMPOO)
    basket.set_ticket_discount(Discount.amount(500))
    basket.void(next(line for line in basket.lines if line.product is SHAMPOO).line_id)
    assert basket.totals().total_cents == 0
    assert jam.line_id == 1


@pytest.mark.parametrize("quantity", [0, -1, 10_000, 2.5])
def test_absurd_quantities_are_refused_and_nothing_changes(quantity) -> None:
    basket = Basket()
    basket.add(JAM)
    with pytest.raises(PosError):
        basket.add(SHAMPOO, quantity)
    with pytest.raises(PosError):
        basket.set_quantity(1, quantity)
    assert [(line.product, line.quantity) for line in basket.lines] == [(JAM, 1)]


def test_a_total_over_the_limit_is_refused() -> None:
    gold = Product(9, "SKU9", "Lingot", 99_000_000, 2000)
    basket = Basket()
    basket.add(gold)
    with pytest.raises(PosError) as err:
        basket.add(gold, 2)
    assert err.value.code == "amount_too_large"
    assert basket.lines[0].quantity == 1


def test_voided_or_missing_lines_are_refused() -> None:
    basket = Basket()
    line = basket.add(JAM)
    basket.void(line.line_id)
    with pytest.raises(PosError, match="voided"):
        basket.set_quantity(line.line_id, 2)
    with pytest.raises(PosError, match="no such line"):
        basket.void(42)
    assert basket.is_empty()


def test_sale_lines_carry_the_allocated_ticket_discount() -> None:
    basket = Basket()
    basket.add(JAM)
    basket.add(SHAMPOO)
    basket.set_ticket_discount(Discount.amount(100))
    lines = basket.sale_lines()
    assert [line.line_no for line in lines] == [1, 2]
    assert sum(line.ticket_discount_cents for line in lines) == 100
    assert sum(line.total_cents for line in lines) == basket.totals().total_cents


products = st.builds(
    Product,
    id=st.integers(1, 10**6),
    sku=st.just("SKU"),
    name=st.just("Produit"),
    price_cents=st.integers(0, 100_000),
    vat_bp=st.sampled_from(list(FRENCH_RATES)),
    sold_by=st.sampled_from(list(SoldBy)),
)
discounts = st.one_of(
    st.none(),
    st.integers(1, 10000).map(Discount.percent),
    st.integers(1, 5000).map(lambda c: Discount(amount_cents=c)),
)


@given(
    st.lists(st.tuples(products, st.integers(1, 5000), discounts, st.booleans()), max_size=40),
    discounts,
)
def test_basket_invariants(entries, ticket_discount) -> None:
    basket = Basket()
    for product, quantity, discount, void in entries:
        try:
            line = basket.add(product, quantity)
            basket.set_line_discount(line.line_id, discount)
            if void:
                basket.void(line.line_id)
        except PosError:
            continue
    with contextlib.suppress(PosError):
        basket.set_ticket_discount(ticket_discount)
    totals = basket.totals()
    lines = basket.sale_lines()
    # total = sum of lines; VAT breakdown sums to the total; allocation conserves cents
    assert totals.total_cents == sum(line.total_cents for line in lines)
    assert sum(v.total_cents for v in totals.vat) == totals.total_cents
    assert sum(v.base_cents + v.vat_cents for v in totals.vat) == totals.total_cents
    assert sum(line.ticket_discount_cents for line in lines) == totals.ticket_discount_cents
    assert totals.total_cents == (
        totals.gross_cents - totals.line_discount_cents - totals.ticket_discount_cents
    )
    assert all(line.total_cents >= 0 for line in lines)


def test_totals_are_computed_once_per_state_and_follow_every_change() -> None:
    basket = Basket()
    line = basket.add(JAM)
    first = basket.totals()
    assert basket.totals() is first
    basket.set_ticket_discount(Discount.percent(5000))
    assert basket.totals().total_cents == 164  # 3,29 € at -50 %, half up
    basket.set_quantity(line.line_id, 2)
    assert basket.totals().total_cents == 329
    basket.lines = basket.lines[:0]
    assert basket.totals().total_cents == 0
