"""Where an order a till places for a customer goes in Medusa (``customer_orders.py``):
the stock location named as the pickup store (as ``network_stock.py`` names them) and its
pickup option, or the web warehouse's location and its home delivery option (a
fulfillment set of type ``shipping``); Medusa prices the option."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sync.contract.network import CustomerOrderRequest
from sync.medusa.http import MedusaHttp
from sync.medusa.network_stock import all_locations, kind_of, store_id_of
from sync.ports import CentralRejected

LOCATION_FIELDS = (
    "id,name,*fulfillment_sets,*fulfillment_sets.service_zones,"
    "*fulfillment_sets.service_zones.shipping_options"
)


@dataclass(frozen=True, slots=True)
class Till:
    """Who places the order and where it is recorded (from the backend's settings)."""

    store_id: str
    location_id: str
    warehouse_location_id: str
    region_id: str
    sales_channel_id: str
    country_code: str
    currency_code: str
    plugin: bool


@dataclass(frozen=True, slots=True)
class Destination:
    location_id: str
    store_id: str
    name: str
    option_id: str


def destination(http: MedusaHttp, till: Till, request: CustomerOrderRequest) -> Destination:
    for location in all_locations(http):
        where = str(location["id"])
        kind = kind_of(location, till.warehouse_location_id)
        store = till.store_id if where == till.location_id else store_id_of(location)
        if request.fulfilment == "pickup" and store == request.pickup_store_id:
            if kind != "store":
                raise CentralRejected(
                    f"{location.get('name') or store} is a warehouse: it takes no pickup "
                    "orders.", code="conflict", http_status=409,
                )  # fmt: skip
            return _with_option(http, location, store, "pickup")
        if request.fulfilment == "delivery" and kind == "warehouse":
            return _with_option(http, location, store, "shipping")
    if request.fulfilment == "pickup":
        raise CentralRejected(
            f"Medusa has no stock location for the store {request.pickup_store_id!r}.",
            code="not_found", http_status=404,
        )  # fmt: skip
    raise CentralRejected(
        "Medusa has no web warehouse to ship from: name its stock location in the "
        "web_warehouse_location_id setting.",
        code="conflict", http_status=409,
    )  # fmt: skip


def _with_option(
    http: MedusaHttp, location: dict[str, Any], store_id: str, set_type: str
) -> Destination:
    """The location's first shipping option in a fulfillment set of ``set_type``."""
    found = http.admin(
        "GET", f"/admin/stock-locations/{location['id']}", params={"fields": LOCATION_FIELDS}
    )["stock_location"]
    options = [
        option
        for fulfillment_set in found.get("fulfillment_sets") or []
        if fulfillment_set.get("type") == set_type
        for zone in fulfillment_set.get("service_zones") or []
        for option in zone.get("shipping_options") or []
    ]
    name = str(found.get("name") or store_id)[:200]
    if not options:
        what = "pickup" if set_type == "pickup" else "home delivery"
        raise CentralRejected(
            f"{name} has no {what} shipping option in Medusa: add one to its location.",
            code="not_supported",
        )
    return Destination(str(found["id"]), store_id, name, str(options[0]["id"]))
