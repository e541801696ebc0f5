"""Delta feeds through Comptoir's plugin (``GET /admin/comptoir/feeds/{feed}``).

Where the plugin is installed the stock, customers, catalog, pickups and staff feeds read only
the rows changed after the cursor (the plugin keeps an opaque ``(change stamp, row id)``
cursor: rows sharing a stamp are neither skipped nor repeated across pages). A deleted
level, inventory item or variant comes as a level of 0 (the contract's stock item has no
deletion flag: the till holds no stock of a product that is gone).

The adapter's cursor state is ``{"p": <plugin cursor>}``; the REST path's is
``{"offset": n}``. A cursor of the other path (a till whose Medusa got the plugin, or
lost it) is a ``BadCursor``: the engine pulls the feed again from the start, once.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from sync.contract import CatalogItem, CustomerItem, StockItem
from sync.contract.pickups import PickupOrder
from sync.contract.staff import StaffItem
from sync.medusa.catalog import CatalogFeed, operator_id, sku_of
from sync.medusa.feeds import PickupsFeed, customer_items
from sync.medusa.http import MedusaHttp
from sync.medusa.state import AdapterState
from sync.medusa.timestamps import version_of
from sync.ports import BadCursor, CentralRejected

PATH = "/admin/comptoir/feeds/{feed}"


def plugin_state(feed: str, state: dict[str, Any]) -> str | None:
    """The plugin's cursor inside the adapter's state; ``BadCursor`` for a REST one."""
    if not state:
        return None
    cursor = state.get("p")
    if set(state) != {"p"} or not (cursor is None or isinstance(cursor, str)):
        raise BadCursor(
            f"The {feed} cursor was made before Comptoir's plugin was installed in Medusa."
        )
    return cursor


def rest_state(feed: str, state: dict[str, Any]) -> dict[str, Any]:
    """``state`` for the REST path; ``BadCursor`` for one made by the plugin's feed (the
    REST catalog's own state has a ``p`` too: its products' time cursor, a mapping)."""
    if set(state) == {"p"} and not isinstance(state["p"], dict):
        raise BadCursor(f"The {feed} cursor was made by Comptoir's plugin, which is gone.")
    return state


def read_feed(
    http: MedusaHttp, feed: str, cursor: str | None, limit: int, **params: str
) -> tuple[list[dict[str, Any]], str | None, bool]:
    """One page of the plugin's ``feed``: (rows, next cursor, has_more)."""
    query: dict[str, str | int] = {"limit": limit, **params}
    if cursor:
        query["cursor"] = cursor
    try:
        found = http.admin("GET", PATH.format(feed=feed), params=query)
    except CentralRejected as exc:
        if exc.code == "bad_cursor":
            raise BadCursor(str(exc), code="bad_cursor", http_status=exc.http_status) from None
        raise
    return list(found["items"]), found.get("next_cursor"), bool(found.get("has_more"))


class PluginStockFeed:
    """This store's levels changed since the cursor (``stock`` feed, plugin path)."""

    def __init__(self, http: MedusaHttp, location_id: str, state: AdapterState) -> None:
        self.http, self.location_id, self.state = http, location_id, state

    def page(self, state: dict[str, Any], limit: int) -> tuple[list[StockItem], dict, bool]:
        cursor = plugin_state("stock", state)
        rows, cursor, more = read_feed(
            self.http, "stock", cursor, limit, location_id=self.location_id
        )
        ids = self.state.product_ids(
            [(row["variant_id"], _sku(row), _operator_id(row)) for row in rows]
        )
        items: dict[int, StockItem] = {}
        for row in rows:  # in change order: a product's last row is its level now
            try:
                item = _item(row, ids[row["variant_id"]])
            except (ValidationError, ValueError, TypeError):
                continue  # a level the till cannot hold (fractional, absurd): left out
            items.pop(item.product_id, None)
            items[item.product_id] = item
        return list(items.values()), {"p": cursor}, more


class PluginCustomersFeed:
    """Customers changed since the cursor, deleted ones as ``active: false`` (plugin path;
    the rows have the REST shape, so the till's items are the same)."""

    def __init__(self, http: MedusaHttp) -> None:
        self.http = http

    def page(self, state: dict[str, Any], limit: int) -> tuple[list[CustomerItem], dict, bool]:
        rows, cursor, more = read_feed(
            self.http, "customers", plugin_state("customers", state), limit
        )
        return customer_items(rows), {"p": cursor}, more


class PluginStaffFeed:
    """This store's staff (and those of every store) as the plugin keeps them: PIN hashes
    only, a deactivated member as ``active: false`` (the till refuses them at sign-in)."""

    def __init__(self, http: MedusaHttp, location_id: str) -> None:
        self.http = http
        self.location_id = location_id

    def page(self, state: dict[str, Any], limit: int) -> tuple[list[StaffItem], dict, bool]:
        rows, cursor, more = read_feed(
            self.http, "staff", plugin_state("staff", state), limit, location_id=self.location_id
        )
        try:
            items = [StaffItem.model_validate(_without(row, "updated_at")) for row in rows]
        except ValidationError as exc:
            raise CentralRejected(
                f"Medusa's Comptoir plugin sent a staff member the till cannot use: {exc}",
                code="bad_item",
            ) from None
        return items, {"p": cursor}, more


def _without(row: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != key}


class PluginCatalogFeed:
    """Variants changed since the cursor (their product, price set, a price list covering
    them included), priced in the POS channel and region by the plugin. The rows have
    the admin API's shape, so the till's items are built by the REST path's code."""

    def __init__(self, rest: CatalogFeed) -> None:
        self.rest = rest

    def page(self, state: dict[str, Any], limit: int) -> tuple[list[CatalogItem], dict, bool]:
        settings = self.rest.settings
        rows, cursor, more = read_feed(
            self.rest.http,
            "catalog",
            plugin_state("catalog", state),
            limit,
            sales_channel_id=settings.sales_channel_id,
            region_id=settings.region_id,
        )
        prices = {
            row["id"]: row["calculated_price"]
            for row in rows
            if row.get("calculated_price") and not row.get("deleted_at")
        }
        return self.rest.items(rows, prices), {"p": cursor}, more


class PluginPickupsFeed:
    """This store's pickup orders changed since the cursor, moves made by another till
    or by the plugin's expiry run included (admin order rows: the REST path's mapping)."""

    def __init__(self, rest: PickupsFeed, location_id: str) -> None:
        self.rest, self.location_id = rest, location_id

    def page(self, state: dict[str, Any], limit: int) -> tuple[list[PickupOrder], dict, bool]:
        rows, cursor, more = read_feed(
            self.rest.http,
            "pickups",
            plugin_state("pickups", state),
            limit,
            location_id=self.location_id,
        )
        return self.rest.items(rows), {"p": cursor}, more


def _item(row: dict[str, Any], product_id: int) -> StockItem:
    gone = bool(row.get("deleted"))
    return StockItem(
        product_id=product_id,
        sku=_sku(row),
        on_hand=0 if gone else _whole(row["stocked_quantity"]),
        reserved=0 if gone else _whole(row["reserved_quantity"]),
        version=version_of(row["updated_at"]),
    )


def _sku(row: dict[str, Any]) -> str:
    return sku_of({"sku": row.get("variant_sku"), "id": row["variant_id"]})


def _operator_id(row: dict[str, Any]) -> int | None:
    return operator_id({"metadata": {"comptoir_product_id": row.get("comptoir_product_id")}})


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("not a quantity")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError("fractional stock")
    return int(value)
