"""A basket as plain data, for parking a sale and resuming it later, maybe on another till.

Products travel as the snapshot the lines were priced with, so a resumed sale shows the
customer the same prices as before it was parked. Who the basket is priced for (its
customer and coupon tokens) travels too (``pricing_to_dict``): the checkout prices the
resumed basket again with them. The promotions the engine works out are not kept (they
are worked out again); a line priced by central keeps central's, fixed.
"""

from __future__ import annotations

from typing import Any

from pos.domain.basket import Basket, BasketLine, ReturnedPart
from pos.domain.discount import Discount
from pos.domain.price_override import OverrideReason, PriceOverride
from pos.domain.product import Product, SoldBy
from pos.domain.returns import Channel, ReturnedAmounts, ReturnReason, ReturnRef
from pos.domain.sale import CustomerOrderRef, LinePromotion


def _discount(data: dict[str, Any] | None) -> Discount | None:
    return Discount(**data) if data else None


def discount_to_dict(discount: Discount | None) -> dict[str, Any] | None:
    if discount is None:
        return None
    data: dict[str, Any] = {
        "percent_bp": discount.percent_bp,
        "amount_cents": discount.amount_cents,
    }
    if discount.approval_id:
        data["approval_id"] = discount.approval_id
    return data


def override_to_dict(override: PriceOverride | None) -> dict[str, Any] | None:
    if override is None:
        return None
    return {
        "catalog_price_cents": override.catalog_price_cents,
        "reason": override.reason.value,
        "note": override.note,
        "approval_id": override.approval_id,
    }


def _override(data: dict[str, Any] | None) -> PriceOverride | None:
    if not data:
        return None
    return PriceOverride(**{**data, "reason": OverrideReason(data["reason"])})


def line_to_dict(line: BasketLine) -> dict[str, Any]:
    """One line as plain data; built by hand (not ``asdict``): it runs on every scan."""
    p = line.product
    return {
        "product": {
            "id": p.id,
            "sku": p.sku,
            "name": p.name,
            "price_cents": p.price_cents,
            "vat_bp": p.vat_bp,
            "sold_by": p.sold_by.value,
            "brand": p.brand,
            "department": p.department,
        },
        "quantity": line.quantity,
        "barcode": line.barcode,
        "discount": discount_to_dict(line.discount),
        "fixed_gross_cents": line.fixed_gross_cents,
        "voided": line.voided,
        "override": override_to_dict(line.override),
        **({"returned": returned_to_dict(line.returned)} if line.returned else {}),
        **({"fixed_promotions": _promotions(line)} if line.fixed_promotions else {}),
        **({"customer_order": _order(line.customer_order)} if line.customer_order else {}),
    }


def _order(ref: CustomerOrderRef) -> list[str]:
    return [ref.order_id, ref.fulfilment, ref.location_name, ref.label]


def _promotions(line: BasketLine) -> list[list[Any]]:
    return [[p.promotion_id, p.name, p.discount_cents] for p in line.promotions]


def pricing_to_dict(basket: Basket) -> dict[str, Any]:
    """``{"customer_id", "coupons"}`` of the basket's pricing; empty when it has neither
    (so a basket without them is written exactly as before)."""
    context = basket.pricing.context if basket.pricing is not None else None
    if context is None or (context.customer_id is None and not context.coupons):
        return {}
    return {"customer_id": context.customer_id, "coupons": sorted(context.coupons)}


def pricing_keys(data: dict[str, Any]) -> tuple[str | None, frozenset[str]]:
    """The customer and coupon tokens a stored basket was priced for."""
    return data.get("customer_id"), frozenset(data.get("coupons") or ())


def returned_to_dict(part: ReturnedPart) -> dict[str, Any]:
    ref, amounts = part.ref, part.amounts
    return {
        "origin_sale_id": ref.origin_sale_id,
        "origin_line_no": ref.origin_line_no,
        "origin_label": ref.origin_label,
        "channel": ref.channel.value,
        "reason": ref.reason.value,
        "restock": ref.restock,
        "approval_id": ref.approval_id,
        "amounts": [
            amounts.gross_cents,
            amounts.line_discount_cents,
            amounts.ticket_discount_cents,
            amounts.total_cents,
        ],
    }


def _returned(data: dict[str, Any] | None) -> ReturnedPart | None:
    if not data:
        return None
    ref = ReturnRef(
        data["origin_sale_id"], data["origin_line_no"], data["origin_label"],
        Channel(data["channel"]), ReturnReason(data["reason"]), bool(data["restock"]),
        data["approval_id"],
    )  # fmt: skip
    return ReturnedPart(ref, ReturnedAmounts(*data["amounts"]))


def basket_to_dict(basket: Basket) -> dict[str, Any]:
    return {
        "lines": [line_to_dict(line) for line in basket.lines],
        "ticket_discount": discount_to_dict(basket.ticket_discount),
        **pricing_to_dict(basket),
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
                override=_override(raw.get("override")),
                returned=_returned(raw.get("returned")),
                promotions=tuple(LinePromotion(*p) for p in raw.get("fixed_promotions", ())),
                fixed_promotions="fixed_promotions" in raw,
                customer_order=CustomerOrderRef(*raw["customer_order"])
                if raw.get("customer_order")
                else None,
            )
        )
    basket = Basket(tuple(lines), _discount(data["ticket_discount"]), len(lines) + 1)
    basket.totals()  # refuse a payload that does not price
    return basket
