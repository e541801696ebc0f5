"""A web cart read from Medusa (``GET /store/carts/{id}``: there is no admin cart route),
at Medusa's own calculated prices, in integer cents (rules in ``money.py``).

The shape handed to the desk follows the contract's ``Cart`` where Medusa has the field
(no short code or QR: a Medusa cart is found by its id)::

    {"cart_id", "state": "open"|"converted", "customer_id", "email", "currency",
     "total_cents", "tax_cents", "discount_cents", "created_at", "updated_at",
     "lines": [PricedLine fields + "line_id", "variant_id", "barcode"]}

Each line is checked against ``sync.contract.pricing.PricedLine`` (``unit_price_cents`` is
what Medusa charges per unit after its promotions, ``list_price_cents`` the price before
them). ``total_cents`` is Medusa's cart total rounded once; a line's ``total_cents`` its
own total rounded once, so lines may differ from the total by up to half a cent each.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from sync.contract.pricing import PricedLine
from sync.medusa.catalog import barcodes_of, display_name, sku_of
from sync.medusa.http import MedusaHttp
from sync.medusa.money import BadAmount, field_cents, rate_to_bp, to_cents
from sync.medusa.state import AdapterState
from sync.ports import CentralRejected

CART_FIELDS = (
    "id,email,customer_id,currency_code,completed_at,created_at,updated_at,total,tax_total,"
    "discount_total,items.discount_total,items.compare_at_unit_price,"
    "items.id,items.variant_id,items.variant_sku,items.variant_barcode,items.title,"
    "items.variant_title,items.product_title,items.quantity,items.unit_price,items.total,"
    "items.tax_lines.rate"
)


def fetch_cart(http: MedusaHttp, state: AdapterState, cart_id: str) -> dict[str, Any]:
    cart = http.store("GET", f"/store/carts/{cart_id}", params={"fields": CART_FIELDS})["cart"]
    try:
        return cart_view(cart, state)
    except (BadAmount, KeyError, TypeError, ValidationError) as exc:
        raise CentralRejected(
            f"Medusa's cart {cart_id} cannot be read by the till ({exc}).", code="bad_reply"
        ) from None


def cart_view(cart: dict[str, Any], state: AdapterState) -> dict[str, Any]:
    items = cart.get("items") or []
    variants = [
        (item["variant_id"], _line_sku(item), None) for item in items if item.get("variant_id")
    ]
    ids = state.product_ids(variants)
    return {
        "cart_id": cart["id"],
        "state": "converted" if cart.get("completed_at") else "open",
        "customer_id": cart.get("customer_id") or None,
        "email": cart.get("email") or "",
        "currency": cart.get("currency_code") or "",
        "total_cents": field_cents(cart, "total"),
        "tax_cents": field_cents(cart, "tax_total"),
        "discount_cents": field_cents(cart, "discount_total"),
        "created_at": cart.get("created_at"),
        "updated_at": cart.get("updated_at"),
        "lines": [priced_line(n, item, ids) for n, item in enumerate(items, start=1)],
    }


def priced_line(line_no: int, item: dict[str, Any], ids: dict[str, int]) -> dict[str, Any]:
    quantity = item["quantity"]
    if isinstance(quantity, bool) or int(quantity) != quantity or quantity <= 0:
        raise BadAmount(f"quantity {quantity!r}")
    rates = [line.get("rate") for line in item.get("tax_lines") or []]
    codes = barcodes_of({"barcode": item.get("variant_barcode")})
    unit = field_cents(item, "unit_price")
    original = item.get("compare_at_unit_price")
    priced = PricedLine(
        line_no=line_no,
        product_id=ids[item["variant_id"]],
        sku=_line_sku(item),
        name=display_name(
            item.get("product_title") or item.get("title") or "?", item.get("variant_title") or ""
        ),
        sold_by="unit",
        quantity=int(quantity),
        list_price_cents=to_cents(original) if original else unit,
        unit_price_cents=unit,
        vat_bp=sum(rate_to_bp(rate) for rate in rates if rate is not None),
        promotion=None,
        discount_cents=to_cents(item.get("discount_total") or 0, item.get("raw_discount_total")),
        total_cents=to_cents(item.get("total"), item.get("raw_total")),
    )
    return {
        **priced.model_dump(),
        "line_id": item["id"],
        "variant_id": item.get("variant_id") or "",
        "barcode": codes[0] if codes else None,
    }


def _line_sku(item: dict[str, Any]) -> str:
    return sku_of({"sku": item.get("variant_sku"), "id": item.get("variant_id") or item["id"]})
