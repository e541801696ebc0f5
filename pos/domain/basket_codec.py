"""A basket as plain data, for parking a sale and resuming it later, maybe on another till.

Products travel as the snapshot the lines were priced with, so a resumed sale shows the
customer the same prices as before it was parked.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from pos.domain.basket import Basket, BasketLine
from pos.domain.discount import Discount
from pos.domain.product import Product, SoldBy


def _discount(data: dict[str, int] | None) -> Discount | None:
    return Discount(**data) if data else None


def basket_to_dict(basket: Basket) -> dict[str, Any]:
    return {
        "lines": [
            {
                "product": asdict(line.product),
                "quantity": line.quantity,
                "barcode": line.barcode,
                "discount": asdict(line.discount) if line.discount else None,
                "fixed_gross_cents": line.fixed_gross_cents,
                "voided": line.voided,
            }
            for line in basket.lines
        ],
        "ticket_discount": asdict(basket.ticket_discount) if basket.ticket_discount else None,
    }


def basket_from_dict(data: dict[str, Any]) -> Basket:
    lines = []
    for number, raw in enumerate(data["lines"], start=1):
        product = Product(**{**raw["product"], "sold_by": SoldBy(raw["product"]["sold_by"])})
        lines.append(
            BasketLine(
                line_id=number,
                product=product,
                quantity=raw["quantity"],
                barcode=raw["barcode"],
                discount=_discount(raw["discount"]),
                fixed_gross_cents=raw["fixed_gross_cents"],
                voided=raw["voided"],
            )
        )
    basket = Basket(tuple(lines), _discount(data["ticket_discount"]), len(lines) + 1)
    basket.totals()  # refuse a payload that does not price
    return basket
