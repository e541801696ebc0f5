"""An immutable picture of the open sale, made on the till's worker for the screen.

The screen never touches the ``Checkout`` (it lives on the worker thread with its
database connection); it receives one of these after every change and paints it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pos.domain.basket import BasketLine
from pos.domain.product import SoldBy
from pos.domain.quantity import format_quantity
from pos.domain.sale import CustomerOrderRef, VatLine
from pos.services.checkout import Checkout


@dataclass(frozen=True, slots=True)
class LineOrigin:
    """What a returned line takes back, for the cashier to read on the line: the original
    ticket's label ("T02 n°41", a web order's number) and when it was sold (ISO UTC, ""
    when the till no longer knows), or none at all (a return without receipt)."""

    label: str
    sold_at: str = ""
    no_receipt: bool = False


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
    origin: LineOrigin | None = None  # set on a returned line
    # The promotions on the line (name, cents taken off), part of ``discount_cents``:
    # the staff's own discount is the rest.
    promotions: tuple[tuple[str, int], ...] = ()
    product_id: int = 0  # the other stores' stock of the line's product (issue 16)
    sku: str = ""
    customer_order: CustomerOrderRef | None = None  # it pays an order delivered elsewhere


@dataclass(frozen=True, slots=True)
class CouponView:
    """A coupon given for the open sale, as the sale panel lists it: its code, its
    promotion's name and whether that promotion takes anything off the basket yet."""

    code: str
    name: str
    applies: bool


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
    returned_count: int = 0  # units taken back, plus one per weighed line
    promotion_cents: int = 0  # what promotions take off the sold lines (in discount_cents)
    coupons: tuple[CouponView, ...] = ()  # the coupons given for this sale


def line_origin(line: BasketLine, sold_at: Mapping[str, str]) -> LineOrigin | None:
    """A returned line's origin (None for a line sold): ``sold_at`` maps the original
    sales this ticket takes back from to their moment of sale."""
    if line.returned is None:
        return None
    ref = line.returned.ref
    if ref.origin_line_no == 0:
        return LineOrigin("", no_receipt=True)
    return LineOrigin(ref.origin_label, sold_at.get(ref.origin_sale_id, ""))


#: The view of each line last shown, by ``id`` of the line (kept with it, so the id is
#: not reused meanwhile): lines are immutable, so a line unchanged since the last view
#: (most of them on a scan) reuses its ``LineView``. Returned lines, whose view also
#: depends on ``sold_at``, are not kept. Bounded: a few baskets' worth.
_shown: dict[int, tuple[BasketLine, LineView]] = {}
_SHOWN_LIMIT = 1024


def _line_view(line: BasketLine, sold_at: Mapping[str, str]) -> LineView:
    found = _shown.get(id(line))
    if found is not None and found[0] is line:
        return found[1]
    product, voided = line.product, line.voided
    view = LineView(
        line.line_id, product.name, format_quantity(line.quantity, product.sold_by),
        line.quantity, product.sold_by, product.price_cents,
        0 if voided else line.discount_cents, 0 if voided else line.net_cents, voided,
        line.override.catalog_price_cents if line.override else None,
        line_origin(line, sold_at),
        () if voided else tuple([(p.name, p.discount_cents) for p in line.promotions]),
        product.id, product.sku, customer_order=line.customer_order,
    )  # fmt: skip
    if line.returned is None:
        if len(_shown) >= _SHOWN_LIMIT:
            _shown.clear()
        _shown[id(line)] = (line, view)
    return view


def basket_view(
    checkout: Checkout,
    last_line_id: int | None = None,
    sold_at: Mapping[str, str] | None = None,
    coupons: tuple[CouponView, ...] = (),
) -> BasketView:
    """``sold_at``: when the original sales of returned lines were made (by sale id);
    ``coupons``: those the till's worker applied to this sale."""
    totals = checkout.totals()
    sold_at = sold_at or {}
    lines = tuple([_line_view(line, sold_at) for line in checkout.basket.lines])
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
        returned_count=sum(
            1 if line.product.sold_by is SoldBy.WEIGHT else -line.quantity
            for line in checkout.basket.active_lines()
            if line.returned is not None
        ),
        ticket_discount_cents=totals.ticket_discount_cents,
        promotion_cents=totals.promotion_cents,
        coupons=coupons,
    )
