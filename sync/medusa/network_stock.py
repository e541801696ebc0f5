"""Other stores' stock of an article, asked of Medusa live (issue 16, item 2).

Each store of the network is a Medusa stock location; an article's stock there is its
inventory item's level at that location (``stocked_quantity``, ``reserved_quantity``).
The adapter reads the variant's inventory items, their levels at every location and the
locations' names, and answers the contract's ``NetworkStock`` (the reference server's
``GET /v1/stores/{id}/network-stock/{product}``), so the till's other-stores dialog is
the same over both platforms.

Which store a location is: this till's own location is ``Resolved.store_id``; another
one is its ``metadata.comptoir_store_id`` when it is a valid store id, else the slug of
its name ("Lyon Bellecour" -> "lyon-bellecour"). The web warehouse is the location named
by the ``web_warehouse_location_id`` setting, or one whose ``metadata.comptoir_kind``
is ``"warehouse"``. A location with no level of the article holds none (zeros).

What Medusa cannot give: a feed of these figures to keep (its levels carry no change
cursor, and a full pass of every article at every location each round is not a till's
job), so the till has only the figures of its own earlier lookups when offline.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from sync.contract.network import LocationStock, NetworkStock
from sync.medusa.catalog import sku_of
from sync.medusa.http import MedusaHttp
from sync.medusa.settings import store_slug
from sync.ports import CentralRejected

STORE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
MAX_LOCATIONS = 1000


def network_stock(
    http: MedusaHttp,
    *,
    variant_id: str,
    product_id: int,
    own_location_id: str,
    own_store_id: str,
    warehouse_location_id: str = "",
) -> NetworkStock:
    """The article's levels at every stock location, this store's included."""
    variant = _variant(http, variant_id)
    links = [
        (str(x["inventory_item_id"]), max(1, int(x.get("required_quantity") or 1)))
        for x in variant.get("inventory_items") or []
        if x.get("inventory_item_id")
    ]
    levels = _levels(http, [item for item, _ in links])
    sku = sku_of(variant)
    locations = []
    for location in all_locations(http):
        where = str(location["id"])
        on_hand, reserved = _units(links, levels, where)
        kind = kind_of(location, warehouse_location_id)
        store_id = own_store_id if where == own_location_id else store_id_of(location)
        locations.append(
            LocationStock(
                store_id=store_id,
                name=str(location.get("name") or store_id)[:200],
                kind=kind,
                on_hand=on_hand,
                reserved=reserved,
                available=on_hand - reserved,
            )
        )
    at = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return NetworkStock(product_id=product_id, sku=sku, at=at, locations=locations)


def _variant(http: MedusaHttp, variant_id: str) -> dict[str, Any]:
    found = http.admin(
        "GET",
        "/admin/product-variants",
        params={
            "id": variant_id,
            "fields": "id,sku,manage_inventory,inventory_items.inventory_item_id,"
            "inventory_items.required_quantity",
        },
    )
    variants = found.get("variants") or []
    if not variants:
        raise CentralRejected(
            f"Medusa has no variant {variant_id} any more: sync the till's catalog.",
            code="unknown_product",
        )
    return dict(variants[0])


def _levels(http: MedusaHttp, items: list[str]) -> dict[tuple[str, str], tuple[int, int]]:
    """(item, location) -> (stocked, reserved)."""
    if not items:
        return {}
    found = http.admin(
        "GET",
        "/admin/inventory-items",
        params={
            "id": items,
            "fields": "id,location_levels.location_id,location_levels.stocked_quantity,"
            "location_levels.reserved_quantity",
            "limit": len(items),
        },
    )
    levels = {}
    for item in found.get("inventory_items") or []:
        for level in item.get("location_levels") or []:
            key = (str(item["id"]), str(level["location_id"]))
            stocked = int(level.get("stocked_quantity") or 0)
            levels[key] = (stocked, int(level.get("reserved_quantity") or 0))
    return levels


def all_locations(http: MedusaHttp) -> list[dict[str, Any]]:
    found = http.admin(
        "GET",
        "/admin/stock-locations",
        params={"fields": "id,name,metadata", "order": "name", "limit": MAX_LOCATIONS},
    )
    return [dict(x) for x in found.get("stock_locations") or [] if x.get("id")]


def _units(
    links: list[tuple[str, int]], levels: dict[tuple[str, str], tuple[int, int]], where: str
) -> tuple[int, int]:
    """Whole articles at a location: an article of several items (a kit) counts as many
    as its scarcest item allows; reserved, as many as its most reserved item holds."""
    if not links:
        return 0, 0
    stocked = [levels.get((item, where), (0, 0))[0] // need for item, need in links]
    reserved = [-(-levels.get((item, where), (0, 0))[1] // need) for item, need in links]
    return min(stocked), max(reserved)


def kind_of(location: dict[str, Any], warehouse_location_id: str) -> str:
    metadata = location.get("metadata") or {}
    if location["id"] == warehouse_location_id or metadata.get("comptoir_kind") == "warehouse":
        return "warehouse"
    return "store"


def store_id_of(location: dict[str, Any]) -> str:
    named = (location.get("metadata") or {}).get("comptoir_store_id")
    if isinstance(named, str) and STORE_ID.match(named):
        return named
    return store_slug(str(location.get("name") or location["id"]))


class MedusaNetworkCalls:
    """``pos.services.other_stores.NetworkCalls`` for ``MedusaBackend``: the live lookup
    (an order for a customer: ``customer_orders.MedusaCustomerOrderCalls``)."""

    http: MedusaHttp
    settings: Any  # MedusaSettings
    state: Any  # AdapterState

    def _ready(self) -> Any: ...  # MedusaBackend's: the checked settings

    def network_stock(self, product_id: int) -> NetworkStock:
        resolved = self._ready()
        variant = self.state.variant_for(int(product_id), "")
        if variant is None:
            raise CentralRejected(
                f"Product {product_id} is not a Medusa variant this till has seen: sync the "
                "catalog first.",
                code="unknown_product",
            )
        return network_stock(
            self.http,
            variant_id=variant,
            product_id=int(product_id),
            own_location_id=self.settings.stock_location_id,
            own_store_id=resolved.store_id,
            warehouse_location_id=self.settings.web_warehouse_location_id,
        )
