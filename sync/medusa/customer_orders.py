"""An order a till places for a customer, made in Medusa (issue 16, the endless aisle).

The reference server's ``POST /v1/stores/{id}/customer-orders`` over Medusa's admin API:
a draft order (``POST /admin/draft-orders``) with the customer, the till's sales channel,
the region, the articles (priced by Medusa: no unit price is sent, so its calculated
price for that customer applies) and one shipping method (added through a draft edit,
so that Medusa prices it), then converted into an order (``convert-to-order``: Medusa
reserves the stock and emits ``order.placed``). It is left to pay: the pickup desk
captures it, or the customer pays online.

* ``pickup``: the shipping method is the pickup option of the store's stock location
  (the location named as that store as ``network_stock.py`` names them), so the store's
  desk sees it in its pickups feed; Comptoir's plugin gives it its random pickup code and
  moves its reservations to that location (``plugin/src/pickups/place.ts``). Without the
  plugin the code is the one computed from the order id (``pickups.pickup_code``) and
  the reservations stay where Medusa made them (any location of the channel).
* ``delivery``: the shipping method is a home delivery option (a fulfillment set of
  type ``shipping``) of the web warehouse's location, priced by Medusa: its total
  includes the delivery fee. The reservations are moved to the warehouse when it holds
  the stock; otherwise they stay where Medusa made them.

Idempotent by our order id: the order carries ``metadata.comptoir_order_id`` and a
fingerprint of the request; the same request again (after a lost reply, or a draft
left unconverted by a cut) answers that order, converting the draft first; the same id
with another request is refused (``conflict``, 409). The search reads the customer's
newest ``LOOKBACK`` orders and drafts: a retry comes within days, not years later.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from pydantic import ValidationError

from sync.contract.network import CustomerOrder, CustomerOrderRequest
from sync.contract.pricing import PricedLine
from sync.medusa.carts import priced_line
from sync.medusa.http import MedusaHttp
from sync.medusa.money import BadAmount, field_cents
from sync.medusa.order_destinations import Destination, Till, destination
from sync.medusa.pickups import pickup_code
from sync.medusa.state import AdapterState
from sync.medusa.timestamps import iso, parse
from sync.ports import CentralRejected

ORDER_KEY = "comptoir_order_id"
REQUEST_KEY = "comptoir_order_request"
LOOKBACK = 200
#: How long to wait for the plugin's pickup code (its ``order.placed`` subscriber runs
#: just after the conversion answered); without it by then, a retry answers it.
CODE_WAIT_S = 3.0
ORDER_FIELDS = (
    "id,status,created_at,total,metadata,customer_id,currency_code,"
    "items.id,items.variant_id,items.variant_sku,items.variant_barcode,items.title,"
    "items.variant_title,items.product_title,items.quantity,items.unit_price,items.total,"
    "items.discount_total,items.compare_at_unit_price,items.tax_lines.rate"
)


def place(
    http: MedusaHttp, state: AdapterState, till: Till, request: CustomerOrderRequest
) -> CustomerOrder:
    """Place the order in Medusa, or answer the one placed before with this request."""
    fingerprint = hashlib.sha256(
        f"{till.store_id}\n{request.model_dump_json()}".encode()
    ).hexdigest()
    customer = _customer(http, request.customer_id)
    where = destination(http, till, request)
    found = _placed(http, request.customer_id, request.order_id, fingerprint)
    if found is None or found[1]:
        order_id = _usable_draft(http, found, where.option_id) or _draft(
            http, till, request, customer, where, fingerprint
        )
        _convert(http, order_id)
    else:
        order_id = str(found[0]["id"])
    order = _order(http, order_id)
    if request.fulfilment == "delivery":
        _reserve_at(http, order, where.location_id)
    elif till.plugin and not _code_given(order):
        order = _await_code(http, order_id)
    return _answer(order, state, till, request, where)


def _customer(http: MedusaHttp, customer_id: str) -> dict[str, Any]:
    found = (
        http.admin(
            "GET",
            "/admin/customers",
            params={"id": customer_id, "fields": "id,email,first_name,last_name,phone", "limit": 1},
        ).get("customers")
        or []
    )
    if not found:
        raise CentralRejected(
            f"Medusa has no customer {customer_id!r}: sync the till's customers first.",
            code="customer_unknown",
            http_status=404,
        )
    return dict(found[0])


def _placed(
    http: MedusaHttp, customer_id: str, order_id: str, fingerprint: str
) -> tuple[dict[str, Any], bool] | None:
    """(order or draft, is a draft) carrying our order id; a conflict if another request."""
    for path, key in (("/admin/orders", "orders"), ("/admin/draft-orders", "draft_orders")):
        rows = (
            http.admin(
                "GET",
                path,
                params={
                    "customer_id": customer_id,
                    "order": "-created_at",
                    "limit": LOOKBACK,
                    "fields": "id,metadata",
                },
            ).get(key)
            or []
        )
        for row in rows:
            metadata = row.get("metadata") or {}
            if metadata.get(ORDER_KEY) != order_id:
                continue
            if metadata.get(REQUEST_KEY) != fingerprint:
                raise CentralRejected(
                    f"Order {order_id!r} exists with another request.",
                    code="conflict", http_status=409,
                )  # fmt: skip
            return dict(row), key == "draft_orders"
    return None


def _draft(
    http: MedusaHttp,
    till: Till,
    request: CustomerOrderRequest,
    customer: dict[str, Any],
    where: Destination,
    fingerprint: str,
) -> str:
    variants = _variants(http, [line.sku for line in request.lines])
    body: dict[str, Any] = {
        "region_id": till.region_id,
        "sales_channel_id": till.sales_channel_id,
        "customer_id": customer["id"],
        "currency_code": till.currency_code,
        "items": [
            {"variant_id": variants[line.sku], "quantity": line.quantity} for line in request.lines
        ],
        "shipping_address": _address(till, request, customer, where),
        "metadata": {
            ORDER_KEY: request.order_id,
            REQUEST_KEY: fingerprint,
            "comptoir_ordered_by": till.store_id,
            "comptoir_fulfilment": request.fulfilment,
            "comptoir_staff": request.staff,
            "comptoir_note": request.note,
        },
    }
    if customer.get("email"):
        body["email"] = customer["email"]
    draft = http.admin("POST", "/admin/draft-orders", params={"fields": "id"}, body=body)
    draft_id = str(draft["draft_order"]["id"])
    _ship(http, draft_id, where.option_id)
    return draft_id


def _ship(http: MedusaHttp, draft_id: str, option_id: str) -> None:
    """The shipping method through a draft edit, so Medusa prices the option as for a web
    cart (tax included as its price says); a method given at creation would be taken as
    an amount before tax."""
    edit = f"/admin/draft-orders/{draft_id}/edit"
    http.admin("POST", edit, params={"fields": "id"})
    http.admin("POST", f"{edit}/shipping-methods", body={"shipping_option_id": option_id})
    http.admin("POST", f"{edit}/confirm")


def _usable_draft(
    http: MedusaHttp, found: tuple[dict[str, Any], bool] | None, option_id: str
) -> str | None:
    """A draft found again when it carries its shipping method; one cut before that is
    deleted (it reserved nothing) and made again."""
    if found is None:
        return None
    draft_id = str(found[0]["id"])
    if _ships(http, draft_id, option_id):
        return draft_id
    http.admin("DELETE", f"/admin/draft-orders/{draft_id}")
    return None


def _ships(http: MedusaHttp, draft_id: str, option_id: str) -> bool:
    """Whether a draft found again already carries its shipping method (else it was cut
    before: it is made again)."""
    draft = http.admin(
        "GET", f"/admin/draft-orders/{draft_id}",
        params={"fields": "id,shipping_methods.shipping_option_id"},
    )["draft_order"]  # fmt: skip
    methods = draft.get("shipping_methods") or []
    return any(m.get("shipping_option_id") == option_id for m in methods)


def _variants(http: MedusaHttp, skus: list[str]) -> dict[str, str]:
    found = (
        http.admin(
            "GET",
            "/admin/product-variants",
            params={"sku": skus, "fields": "id,sku", "limit": max(1, len(skus))},
        ).get("variants")
        or []
    )
    by_sku = {str(v["sku"]): str(v["id"]) for v in found if v.get("sku")}
    missing = [sku for sku in skus if sku not in by_sku]
    if missing:
        raise CentralRejected(
            f"Medusa has no article {missing[0]!r}: sync the till's catalog.",
            code="unknown_product",
        )
    return by_sku


def _address(
    till: Till, request: CustomerOrderRequest, customer: dict[str, Any], where: Destination
) -> dict[str, Any]:
    """The customer's name and phone; the delivery address, or the pickup store's name
    (Medusa taxes by the address's country: the till's)."""
    named = {
        "first_name": customer.get("first_name") or "",
        "last_name": customer.get("last_name") or "",
        "phone": customer.get("phone") or "",
        "country_code": till.country_code,
    }
    if request.address is not None:
        line, postcode, city = request.address.line, request.address.postcode, request.address.city
        return {**named, "address_1": line, "postal_code": postcode, "city": city}
    return {**named, "address_1": f"Retrait en magasin : {where.name}"[:200]}


def _convert(http: MedusaHttp, draft_id: str) -> None:
    """Into an order of the same id (Medusa reserves its stock, emits ``order.placed``)."""
    http.admin("POST", f"/admin/draft-orders/{draft_id}/convert-to-order", params={"fields": "id"})


def _order(http: MedusaHttp, order_id: str) -> dict[str, Any]:
    return dict(
        http.admin("GET", f"/admin/orders/{order_id}", params={"fields": ORDER_FIELDS})["order"]
    )


def _code_given(order: dict[str, Any]) -> bool:
    return isinstance((order.get("metadata") or {}).get("comptoir_pickup_code"), str)


def _await_code(http: MedusaHttp, order_id: str) -> dict[str, Any]:
    """The plugin's code, given by its subscriber after the conversion (bounded wait)."""
    deadline = time.monotonic() + CODE_WAIT_S
    while True:
        order = _order(http, order_id)
        if _code_given(order) or time.monotonic() > deadline:
            return order
        time.sleep(0.1)


def _reserve_at(http: MedusaHttp, order: dict[str, Any], location_id: str) -> None:
    """Move the order's reservations to the web warehouse, each where it fits; one the
    warehouse cannot hold stays where Medusa made it (the order is placed either way)."""
    items = [str(item["id"]) for item in order.get("items") or []]
    if not items:
        return
    found = (
        http.admin(
            "GET",
            "/admin/reservations",
            params={"line_item_id": items, "fields": "id,location_id", "limit": 1000},
        ).get("reservations")
        or []
    )
    for reservation in found:
        if reservation.get("location_id") == location_id:
            continue
        try:
            http.admin(
                "POST", f"/admin/reservations/{reservation['id']}",
                params={"fields": "id"}, body={"location_id": location_id},
            )  # fmt: skip
        except CentralRejected:
            continue


def _answer(
    order: dict[str, Any],
    state: AdapterState,
    till: Till,
    request: CustomerOrderRequest,
    where: Destination,
) -> CustomerOrder:
    items = order.get("items") or []
    try:
        ids = state.product_ids(
            [(str(item["variant_id"]), str(item.get("variant_sku") or ""), None)
             for item in items if item.get("variant_id")]
        )  # fmt: skip
        lines = [
            PricedLine.model_validate(
                {k: v for k, v in priced_line(n, item, ids).items() if k in PricedLine.model_fields}
            )
            for n, item in enumerate(items, start=1)
        ]
        pickup = request.fulfilment == "pickup"
        given = (order.get("metadata") or {}).get("comptoir_pickup_code")
        code = given if isinstance(given, str) else None if till.plugin else pickup_code(order)
        return CustomerOrder(
            order_id=request.order_id, fulfilment=request.fulfilment,
            location_id=where.store_id, location_name=where.name, ordered_by=till.store_id,
            customer_id=request.customer_id, state="received", paid=False,
            pickup_code=code if pickup else None, total_cents=field_cents(order, "total"),
            lines=lines, created_at=iso(parse(str(order["created_at"]))),
        )  # fmt: skip
    except (BadAmount, KeyError, TypeError, ValueError, ValidationError) as exc:
        raise CentralRejected(
            f"Medusa's order {order.get('id')} cannot be read by the till ({exc}).",
            code="bad_reply",
        ) from None


class MedusaCustomerOrderCalls:
    """``NetworkCalls.place_customer_order`` for ``MedusaBackend`` (mixed in)."""

    http: MedusaHttp
    settings: Any  # MedusaSettings
    state: AdapterState

    def _ready(self) -> Any: ...  # MedusaBackend's: the checked settings

    def place_customer_order(self, request: CustomerOrderRequest) -> CustomerOrder:
        resolved = self._ready()
        settings = self.settings
        till = Till(
            store_id=resolved.store_id,
            location_id=settings.stock_location_id,
            warehouse_location_id=settings.web_warehouse_location_id,
            region_id=settings.region_id,
            sales_channel_id=settings.sales_channel_id,
            country_code=settings.country_code,
            currency_code=settings.currency_code,
            plugin=resolved.plugin is not None,
        )
        return place(self.http, self.state, till, request)
