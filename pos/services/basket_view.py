"""An immutable picture of the open sale, made on the till's worker for the screen.

The screen never touches the ``Checkout`` (it lives on the worker thread with its
database connection); it receives one of these after every change and paints it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.product import SoldBy
from pos.domain.quantity import format_quantity
from pos.domain.sale import VatLine
from pos.services.checkout import Checkout


@dataclass(frozen=True, slots=True)
class LineView:
    line_id: int
    name: str
    quantity_text: str  # "3", "0,452 kg"
    quantity: int
    sold_by: SoldBy
    unit_price_cents: int
    discount_cents: int
    total_cents: int
    voided: bool
    catalog_price_cents: int | None = None  # set when the price was overridden


@dataclass(frozen=True, slots=True)
class BasketView:
    sale_id: str
    lines: tuple[LineView, ...]
    gross_cents: int
    discount_cents: int  # line and ticket discounts
    total_cents: int
    vat: tuple[VatLine, ...]
    item_count: int
    paid_cents: int
    remaining_cents: int
    change_cents: int
    last_line_id: int | None  # the line the last action touched, to select it
    ticket_discount_cents: int = 0


def basket_view(checkout: Checkout, last_line_id: int | None = None) -> BasketView:
    totals = checkout.totals()
    lines = tuple(
        LineView(
            line_id=line.line_id,
            name=line.product.name,
            quantity_text=format_quantity(line.quantity, line.product.sold_by),
            quantity=line.quantity,
            sold_by=line.product.sold_by,
            unit_price_cents=line.product.price_cents,
            discount_cents=0 if line.voided else line.discount_cents,
            total_cents=0 if line.voided else line.net_cents,
            voided=line.voided,
            catalog_price_cents=line.override.catalog_price_cents if line.override else None,
        )
        for line in checkout.basket.lines
    )
    payment = checkout.payment
    return BasketView(
        sale_id=checkout.sale_id,
        lines=lines,
        gross_cents=totals.gross_cents,
        discount_cents=totals.line_discount_cents + totals.ticket_discount_cents,
        total_cents=totals.total_cents,
        vat=totals.vat,
        item_count=totals.item_count,
        paid_cents=payment.paid_cents,
        remaining_cents=payment.remaining_cents if payment.tenders else totals.total_cents,
        change_cents=payment.change_cents,
        last_line_id=last_line_id,
        ticket_discount_cents=totals.ticket_discount_cents,
    )
