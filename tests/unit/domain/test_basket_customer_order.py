"""A basket line paying a customer order (issue 16): priced by central and fixed (no
quantity, discount or price change; voided whole), kept across a restart by the open
basket's codec, and committed with its order."""

from __future__ import annotations

import pytest

from pos.domain.basket import Basket
from pos.domain.basket_codec import basket_from_dict, basket_to_dict
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.product import Product
from pos.domain.sale import CustomerOrderRef

SHOE = Product(7, "SHOE-42", "Basket cuir 42", 8990, 2000)
REF = CustomerOrderRef("aisle-7", "delivery", "Entrepôt web", "1A2B3C4D")


def test_an_order_line_is_fixed_kept_and_committed_with_its_order() -> None:
    basket = Basket()
    line = basket.add_priced(SHOE, 1, (), REF)
    plain = basket.add(SHOE)
    for change in (
        lambda: basket.set_quantity(line.line_id, 2),
        lambda: basket.set_line_discount(line.line_id, Discount.percent(1000)),
        lambda: basket.override_price(line.line_id, 100, None),
    ):
        with pytest.raises(PosError) as refused:
            change()
        assert refused.value.code == "customer_order_fixed"
    assert basket.add(SHOE).line_id == plain.line_id  # a scan never merges into the order

    again = basket_from_dict(basket_to_dict(basket))  # a restart mid-sale
    assert [x.customer_order for x in again.lines] == [REF, None]
    assert [x.customer_order for x in again.sale_lines()] == [REF, None]
    basket.void(line.line_id)  # the order taken out of the sale
    assert [x.customer_order for x in basket.sale_lines()] == [None]
