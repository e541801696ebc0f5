"""Returned amounts: what was paid comes back to the cent, however the line is split."""

from __future__ import annotations

import random

import pytest

from pos.domain.errors import PosError
from pos.domain.product import SoldBy
from pos.domain.returns import OriginLine, returned_amounts


def origin(quantity: int, gross: int, line_discount: int, ticket_share: int, **kw) -> OriginLine:
    return OriginLine(
        line_no=1,
        product_id=7,
        sku="SKU7",
        name="Bol",
        barcode=None,
        sold_by=kw.pop("sold_by", SoldBy.UNIT),
        quantity=quantity,
        unit_price_cents=gross // quantity,
        vat_bp=2000,
        gross_cents=gross,
        line_discount_cents=line_discount,
        ticket_discount_cents=ticket_share,
        total_cents=gross - line_discount - ticket_share,
        **kw,
    )


def test_returning_a_line_in_any_split_gives_back_exactly_what_was_paid() -> None:
    rng = random.Random(14)
    for _ in range(2000):
        quantity = rng.randint(1, 12)
        gross = quantity * rng.randint(1, 9999)
        line_discount = rng.randint(0, gross // 3)
        ticket_share = rng.randint(0, (gross - line_discount) // 2)
        line = origin(quantity, gross, line_discount, ticket_share)
        given_back = 0
        while line.remaining:
            part = rng.randint(1, line.remaining)
            amounts = returned_amounts(line, part)
            assert amounts.total_cents == (
                amounts.gross_cents - amounts.line_discount_cents - amounts.ticket_discount_cents
            )
            assert max(amounts.gross_cents, amounts.total_cents) <= 0
            given_back -= amounts.total_cents
            line = origin(
                quantity,
                gross,
                line_discount,
                ticket_share,
                returned_quantity=line.returned_quantity + part,
            )
        assert given_back == gross - line_discount - ticket_share


def test_a_ticket_discount_share_goes_back_pro_rata() -> None:
    # 3 x 10.00 € with 1.00 € of the ticket discount: one unit gives back 9.66 €, the
    # last one the remainder, so the three add up to the 29.00 € paid.
    line = origin(3, 3000, 0, 100)
    first = returned_amounts(line, 1)
    assert (first.gross_cents, first.ticket_discount_cents, first.total_cents) == (
        -1000,
        -33,
        -967,
    )


@pytest.mark.parametrize(
    ("line", "quantity", "code"),
    [
        (origin(2, 2000, 0, 0), 3, "above_returnable"),
        (origin(2, 2000, 0, 0, returned_quantity=2), 1, "already_returned"),
        (origin(2, 2000, 0, 0), 0, "return_quantity"),
        (origin(750, 1500, 0, 0, sold_by=SoldBy.WEIGHT), 300, "weighed_whole"),
    ],
)
def test_what_cannot_be_returned_is_refused(line: OriginLine, quantity: int, code: str) -> None:
    with pytest.raises(PosError) as refused:
        returned_amounts(line, quantity)
    assert refused.value.code == code
