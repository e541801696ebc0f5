"""Central's prices: the catalog price and the promotions of the shared engine.

``pos.domain.promotions`` prices the basket (the till runs the same code on the same
promotions, read the same way: ``sync.central.promotion_book``), so a basket costs the
same online, at the till and in a quote. The lines it is given are built from central's
products as the till builds them from its catalog: the list price, the gross (``unit *
quantity``; grams: ``/ 1000`` half up), department, brand, weighed or not.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from pos.domain.money import mul_div_half_up
from pos.domain.promotions import PricingContext, PricingLine, PricingResult
from pos.domain.quantity import line_portion
from pos.domain.vat import vat_breakdown
from sync.central.errors import bad_request, conflict, not_found
from sync.central.promotion_book import BOOKS, CentralBook
from sync.contract.pricing import (
    AppliedPromotion,
    LinePromotionWire,
    LineRequest,
    PricedLine,
    Quote,
    QuoteRequest,
    QuoteVat,
)
from sync.contract.scalars import MAX_CENTS

_CHUNK = 500
_PRODUCTS = (
    "SELECT sku, id, name, brand, coalesce(department, ''), price_cents, vat_bp, sold_by, "
    "active FROM products WHERE sku IN ({})"
)


def line_total(unit_cents: int, quantity: int, sold_by: str) -> int:
    """The gross of a line: units, or grams at a price per kg (half up), as the till."""
    if sold_by == "weight":
        return mul_div_half_up(unit_cents, quantity, 1000)
    return unit_cents * quantity


def portion_cents(line: PricedLine, count: int) -> int:
    """What ``count`` of a line's quantity (units or grams) cost, for a partial pickup,
    its loyalty points and its refund: the line's total in proportion (half up; all of
    it: exactly ``total_cents``), as promotions are priced on the whole line. A line
    stored before contract v2 has its discount in ``unit_price_cents``: as it was."""
    if not line.promotions:
        return line_total(line.unit_price_cents, count, line.sold_by)
    return line_portion(line.total_cents, line.quantity, count)


@dataclass(frozen=True, slots=True)
class Article:
    product_id: int
    sku: str
    name: str
    brand: str
    department: str
    list_cents: int
    vat_bp: int
    sold_by: str


@dataclass(frozen=True, slots=True)
class PricedBasket:
    lines: list[PricedLine]
    basket: list[LinePromotionWire]


def merged(lines: Sequence[LineRequest]) -> list[tuple[str, int]]:
    """Quantity per SKU, in the order the SKUs first appear."""
    totals: dict[str, int] = {}
    for line in lines:
        totals[line.sku] = totals.get(line.sku, 0) + line.quantity
    return list(totals.items())


def price_lines(
    conn: sqlite3.Connection,
    lines: Sequence[LineRequest],
    at: datetime,
    *,
    store_id: str | None,
    channel: str = "web",
    customer_id: str | None = None,
) -> list[PricedLine]:
    """Priced lines of a cart or an order, one per SKU: 404 for an unknown SKU, 409 for
    one no longer sold, 400 for a line or a total over the largest ticket."""
    context = PricingContext(at, store_id or "", channel, customer_id)
    return price_basket(conn, merged(lines), context).lines


def quote(conn: sqlite3.Connection, store_id: str, request: QuoteRequest, at: datetime) -> Quote:
    """The quote endpoint's answer: lines as given, with the till's VAT table."""
    context = PricingContext(
        at, store_id, request.channel, request.customer_id, frozenset(request.coupons)
    )
    priced = price_basket(conn, [(line.sku, line.quantity) for line in request.lines], context)
    vat = vat_breakdown((line.vat_bp, line.total_cents) for line in priced.lines)
    return Quote(
        lines=priced.lines,
        basket_promotions=priced.basket,
        discount_cents=sum(line.discount_cents for line in priced.lines),
        total_cents=sum(line.total_cents for line in priced.lines),
        vat=[QuoteVat(vat_bp=v.vat_bp, base_cents=v.base_cents, vat_cents=v.vat_cents,
                      total_cents=v.total_cents) for v in vat],
    )  # fmt: skip


def price_basket(
    conn: sqlite3.Connection, wanted: Sequence[tuple[str, int]], context: PricingContext
) -> PricedBasket:
    """Each (sku, quantity) priced in ``context``, line ids 1..n in the order given."""
    found = articles(conn, [sku for sku, _quantity in wanted])
    pricing = []
    for line_id, (sku, quantity) in enumerate(wanted, start=1):
        article = found[sku]
        gross = line_total(article.list_cents, quantity, article.sold_by)
        if gross > MAX_CENTS:
            raise bad_request(f"{quantity} of {sku!r} cost more than {MAX_CENTS} cents.")
        pricing.append(
            PricingLine(line_id, sku, article.list_cents, quantity, gross, article.department,
                        article.brand, article.sold_by == "weight")
        )  # fmt: skip
    if sum(line.gross_cents for line in pricing) > MAX_CENTS:
        raise bad_request(f"The lines add up to more than {MAX_CENTS} cents.")
    books = BOOKS.get(conn)
    result = books.book.evaluate(pricing, context)
    lines = [_priced(books, result, found[line.sku], line) for line in pricing]
    basket = [
        LinePromotionWire(promotion_id=b.promotion_id, name=b.name, discount_cents=b.discount_cents)
        for b in result.basket
    ]
    return PricedBasket(lines, basket)


def _priced(
    books: CentralBook, result: PricingResult, article: Article, line: PricingLine
) -> PricedLine:
    applied = [
        LinePromotionWire(promotion_id=a.promotion_id, name=a.name, discount_cents=a.discount_cents)
        for a in result.lines.get(line.line_id, ())
    ]
    for basket in result.basket:
        share = basket.share_of(line.line_id)
        if share:
            applied.append(LinePromotionWire(
                promotion_id=basket.promotion_id, name=basket.name, discount_cents=share
            ))  # fmt: skip
    discount = sum(a.discount_cents for a in applied)
    largest = max(applied, key=lambda a: (a.discount_cents, -a.promotion_id), default=None)
    old = None
    if largest is not None:
        promotion = books.by_id[largest.promotion_id]
        old = AppliedPromotion(
            id=promotion.id, name=promotion.name, kind=promotion.kind.value, value=promotion.value
        )
    return PricedLine(
        line_no=line.line_id, product_id=article.product_id, sku=article.sku, name=article.name,
        sold_by=article.sold_by, quantity=line.quantity, list_price_cents=article.list_cents,
        unit_price_cents=article.list_cents, vat_bp=article.vat_bp, promotion=old,
        discount_cents=discount, total_cents=line.gross_cents - discount, promotions=applied,
    )  # fmt: skip


def articles(conn: sqlite3.Connection, skus: Sequence[str]) -> dict[str, Article]:
    """The products of these SKUs: 404 for the first unknown, 409 for the first no
    longer sold."""
    found: dict[str, Article] = {}
    inactive: list[str] = []
    ordered = list(dict.fromkeys(skus))
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        for sku, pid, name, brand, dept, price, vat_bp, sold_by, active in conn.execute(
            _PRODUCTS.format(",".join("?" * len(chunk))), chunk
        ):
            found[sku] = Article(pid, sku, name, brand, dept, price, vat_bp, sold_by)
            if not active:
                inactive.append(sku)
    missing = [sku for sku in ordered if sku not in found]
    if missing:
        raise not_found(f"There is no product {missing[0]!r}.")
    if inactive:
        first = next(sku for sku in ordered if sku in inactive)
        raise conflict(f"Product {first!r} is no longer sold.")
    return found
