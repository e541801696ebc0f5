"""Returned lines in the basket, refund mode of a payment, and where a refund goes."""

from __future__ import annotations

import pytest

from pos.domain.basket import Basket, ReturnedPart
from pos.domain.basket_codec import basket_from_dict, basket_to_dict
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.product import Product, SoldBy
from pos.domain.refunds import check_refund, propose_refund
from pos.domain.returns import (
    Channel,
    OriginLine,
    OriginTender,
    ReturnReason,
    ReturnRef,
    returned_amounts,
)
from pos.domain.sale import SaleTender
from pos.domain.tenders import Payment

BOWL = Product(1, "SKU-1", "Bol", 999, 2000)
TEA = Product(2, "SKU-2", "Thé", 1000, 550)
ORIGIN = OriginLine(1, 1, "SKU-1", "Bol", None, SoldBy.UNIT, 3, 999, 2000, 2997, 0, 100, 2897)
REF = ReturnRef("sale-1", 1, "T1 n°1", Channel.STORE, ReturnReason.WRONG_SIZE, True)


def _part(quantity: int) -> ReturnedPart:
    return ReturnedPart(REF, returned_amounts(ORIGIN, quantity))


def test_an_exchange_nets_the_returned_lines_and_keeps_them_out_of_the_discounts():
    basket = Basket()
    back = basket.add_returned(BOWL, 1, _part(1))
    basket.add(TEA, 2)
    basket.set_ticket_discount(Discount.amount(100))
    totals = basket.totals()
    assert back.quantity == -1 and basket.returned_of("sale-1", 1) == 1
    # 2000 sold less 100 off the sold lines only, less 999 - 33 given back as paid
    assert totals.total_cents == 2000 - 100 - 966
    assert totals.returned_cents == -966 and totals.ticket_discount_cents == 100
    lines = basket.sale_lines()
    assert (lines[0].quantity, lines[0].total_cents, lines[0].ticket_discount_cents) == (
        -1, -966, -33,
    )  # fmt: skip
    assert lines[0].returned == REF and lines[1].ticket_discount_cents == 100
    assert {row.vat_bp: row.total_cents for row in totals.vat} == {2000: -966, 550: 1900}
    for change in (
        lambda: basket.set_quantity(back.line_id, -2),
        lambda: basket.set_line_discount(back.line_id, Discount.percent(500)),
        lambda: basket.override_price(back.line_id, 1, None),
    ):
        with pytest.raises(PosError) as refused:
            change()
        assert refused.value.code == "returned_line_fixed"
    again = basket_from_dict(basket_to_dict(basket))  # parked, recovered: the same
    assert again.sale_lines() == lines


def test_a_refund_is_negative_exact_and_gives_no_change():
    payment = Payment(-2897)
    with pytest.raises(PosError) as refused:
        payment.add("cash", 500)
    assert refused.value.code == "refund_expected"
    with pytest.raises(PosError) as refused:
        payment.add("voucher", -500)
    assert refused.value.code == "refund_kind"
    payment.add("card", -2000, "CB-42")
    assert (payment.remaining_cents, payment.is_covered) == (897, False)
    with pytest.raises(PosError) as refused:
        payment.add("cash", -898)
    assert refused.value.code == "refund_exceeds_due"
    payment.add("cash", -897)
    assert (payment.is_covered, payment.change_cents) == (True, 0)


def test_a_refund_goes_back_to_the_card_then_cash_to_the_limit_then_a_credit_note():
    origins = (
        OriginTender("card", 3000, "CB-1", refunded_cents=1000),
        OriginTender("cash", 20000),
        OriginTender("gift_card", 5000, "GC-9"),
    )
    plan = propose_refund(-27000, origins, cash_limit_cents=15000)
    assert plan == (
        SaleTender("card", -2000, "CB-1"),
        SaleTender("cash", -15000),
        SaleTender("credit_note", -10000),
    )
    above = propose_refund(-27000, origins, cash_limit_cents=15000, cash_above_limit=True)
    assert above[1] == SaleTender("cash", -20000) and above[2].amount_cents == -5000
    assert check_refund(plan, origins, cash_limit_cents=15000).cash_above_limit is False
    assert check_refund(above, origins, cash_limit_cents=15000).cash_above_limit is True
    with pytest.raises(PosError) as refused:
        check_refund((SaleTender("card", -2001, "CB-1"),), origins, cash_limit_cents=15000)
    assert (refused.value.code, refused.value.params["room_cents"]) == ("refund_above_tender", 2000)
