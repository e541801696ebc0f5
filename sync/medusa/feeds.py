"""The ``stock``, ``customers`` and ``pickups`` feeds from Medusa.

* ``stock``: inventory items with their level at this store's stock location
  (``stocked_quantity`` -> ``on_hand``, ``reserved_quantity`` -> ``reserved``). Medusa lists
  inventory items without an ``updated_at`` filter on their levels, so each pull is a
  full pass by pages (ordered by id); the cursor is the offset and starts again at 0 once
  the pass is done. Items with no level here are levels of 0.
* ``customers``: changed since the cursor (``updated_at``); deleted ones come as
  ``active: false``; ``loyalty_points`` from ``metadata.loyalty_points`` (Medusa has no
  loyalty: 0 when absent).
* ``pickups``: orders changed since the cursor whose shipping method is one of this
  store's pickup options (Medusa ignores unknown filters, so the choice is made here);
  each is the contract's ``PickupOrder`` (state and version rules in ``pickups.py``).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ValidationError

from sync.contract import CustomerItem, StockItem
from sync.contract.pickups import PickupCustomer, PickupEvent, PickupLine, PickupOrder
from sync.medusa.catalog import display_name, operator_id, sku_of
from sync.medusa.cursors import as_state, changed_since, time_cursor
from sync.medusa.http import MedusaHttp
from sync.medusa.money import BadAmount, field_cents, rate_to_bp, to_cents
from sync.medusa.pickups import (
    DETAIL_FIELDS,
    counts,
    expires_at,
    is_pickup_at,
    pickup_code,
    pickup_qr,
    pickup_state,
    pickup_version,
)
from sync.medusa.settings import MedusaSettings
from sync.medusa.state import AdapterState
from sync.medusa.timestamps import version_of

STOCK_FIELDS = (
    "id,sku,updated_at,location_levels.location_id,location_levels.stocked_quantity,"
    "location_levels.reserved_quantity,location_levels.updated_at,variants.id,"
    "variants.sku,variants.metadata"
)
CUSTOMER_FIELDS = "id,email,first_name,last_name,company_name,phone,metadata,updated_at,deleted_at"


class StockFeed:
    def __init__(self, http: MedusaHttp, settings: MedusaSettings, state: AdapterState) -> None:
        self.http, self.settings, self.state = http, settings, state

    def page(self, state: dict[str, Any], limit: int) -> tuple[list[StockItem], dict, bool]:
        offset = int(state.get("offset", 0))
        rows = self.http.admin(
            "GET",
            "/admin/inventory-items",
            params={"limit": limit, "offset": offset, "order": "id", "fields": STOCK_FIELDS},
        )["inventory_items"]
        variants = [
            (variant["id"], sku_of(variant), operator_id(variant))
            for row in rows
            for variant in row.get("variants") or []
        ]
        ids = self.state.product_ids(variants)
        items = [item for row in rows for item in self._items(row, ids)]
        if len(rows) < limit:
            return items, {"offset": 0}, False
        return items, {"offset": offset + len(rows)}, True

    def _items(self, row: dict[str, Any], ids: dict[str, int]) -> list[StockItem]:
        level = next(
            (
                level
                for level in row.get("location_levels") or []
                if level.get("location_id") == self.settings.stock_location_id
            ),
            {},
        )
        items = []
        for variant in row.get("variants") or []:
            try:
                items.append(
                    StockItem(
                        product_id=ids[variant["id"]],
                        sku=sku_of(variant),
                        on_hand=_whole(level.get("stocked_quantity", 0)),
                        reserved=_whole(level.get("reserved_quantity", 0)),
                        version=version_of(level.get("updated_at"), row.get("updated_at")),
                    )
                )
            except (ValidationError, ValueError, TypeError):
                continue  # a level the till cannot hold (fractional, absurd): left out
        return items


class CustomersFeed:
    def __init__(self, http: MedusaHttp) -> None:
        self.http = http

    def page(self, state: dict[str, Any], limit: int) -> tuple[list[CustomerItem], dict, bool]:
        rows, cursor, more = changed_since(self._list, time_cursor(state.get("t")), limit)
        return customer_items(rows), {"t": as_state(cursor)}, more

    def _list(self, params: dict[str, str | int], limit: int) -> list[dict[str, Any]]:
        return self.http.admin(
            "GET",
            "/admin/customers",
            params={**params, "limit": limit, "with_deleted": "true", "fields": CUSTOMER_FIELDS},
        )["customers"]


def customer_items(rows: list[dict[str, Any]]) -> list[CustomerItem]:
    """The rows the contract accepts; an id or e-mail it refuses is not shown at the till."""
    items = []
    for row in rows:
        try:
            items.append(customer_item(row))
        except ValidationError:
            continue
    return items


def customer_item(row: dict[str, Any]) -> CustomerItem:
    name = " ".join(part for part in (row.get("first_name"), row.get("last_name")) if part)
    points = (row.get("metadata") or {}).get("loyalty_points", 0)
    return CustomerItem(
        id=row["id"],
        name=(name or row.get("company_name") or "")[:200],
        email=row.get("email") or "",
        phone=(row.get("phone") or "")[:32],
        loyalty_points=points if isinstance(points, int) and points >= 0 else 0,
        active=not row.get("deleted_at"),
        version=version_of(row.get("updated_at")),
        # Medusa has no consent field: the adapter keeps it in metadata (customers.py)
        marketing_consent=(row.get("metadata") or {}).get("comptoir_marketing_consent") is True,
    )


class PickupsFeed:
    def __init__(
        self, http: MedusaHttp, state: AdapterState, store_id: str, options: tuple[str, ...]
    ) -> None:
        self.http, self.state, self.store_id, self.options = http, state, store_id, options
        self.skipped: list[str] = []

    def page(self, state: dict[str, Any], limit: int) -> tuple[list[PickupOrder], dict, bool]:
        rows, cursor, more = changed_since(self._list, time_cursor(state.get("t")), limit)
        mine = [row for row in rows if is_pickup_at(row, self.options) and not is_pos_sale(row)]
        return self.items(mine), {"t": as_state(cursor)}, more

    def items(self, mine: list[dict[str, Any]]) -> list[PickupOrder]:
        """Contract orders for admin order rows of this store (a row the contract refuses
        is left out and named in ``skipped``)."""
        variants = [
            (
                item["variant_id"],
                sku_of({"sku": item.get("variant_sku"), "id": item["variant_id"]}),
                None,
            )
            for row in mine
            for item in row.get("items") or []
            if item.get("variant_id")
        ]
        ids = self.state.product_ids(variants)
        items = []
        for row in mine:
            try:
                items.append(pickup_order(row, self.store_id, ids))
            except (ValidationError, BadAmount, KeyError, TypeError) as exc:
                self.skipped.append(f"order {row.get('id')}: {str(exc).splitlines()[0]}")
        return items

    def _list(self, params: dict[str, str | int], limit: int) -> list[dict[str, Any]]:
        return self.http.admin(
            "GET", "/admin/orders", params={**params, "limit": limit, "fields": DETAIL_FIELDS}
        )["orders"]


def pickup_order(order: dict[str, Any], store_id: str, ids: dict[str, int]) -> PickupOrder:
    """The contract's pickup order for a Medusa order (rules in ``pickups.py``)."""
    state = pickup_state(order)
    picked, given = counts(order, "comptoir_picked"), counts(order, "comptoir_collected")
    lines = _with_short(
        [
            _with_counts(_pickup_line(n, item, ids, state), item["id"], state, picked, given)
            for n, item in enumerate(order["items"], 1)
        ],
        (order.get("metadata") or {}).get("comptoir_stock_short"),
    )
    total = sum(line.total_cents for line in lines)
    address = order.get("shipping_address") or {}
    name = " ".join(p for p in (address.get("first_name"), address.get("last_name")) if p)
    version = pickup_version(order)
    created, updated = order["created_at"], order["updated_at"]
    history = [
        PickupEvent(
            version=1, from_state=None, state="received", at=created, recorded_at=created,
            channel="web", terminal_id=None, staff=None, op_id=None, reason=None,
        )
    ]  # fmt: skip
    metadata = order.get("metadata") or {}
    if state != "received":
        op = metadata.get("comptoir_op")
        history.append(
            PickupEvent(
                version=max(version, 2), from_state=None, state=state, at=updated,
                recorded_at=updated, channel=_channel(op), terminal_id=None,
                staff=None, op_id=op if isinstance(op, str) else None, reason=None,
            )
        )  # fmt: skip
    return PickupOrder(
        id=order["id"],
        store_id=store_id,
        pickup_code=pickup_code(order),
        qr_text=pickup_qr(order),
        state=state,
        version=version,
        customer=PickupCustomer(
            name=(name or order.get("email") or "Client web")[:200],
            email=(order.get("email") or "")[:254],
            phone=(address.get("phone") or "")[:32],
        ),
        paid=order.get("payment_status") in ("authorized", "captured", "partially_captured"),
        lines=lines,
        total_cents=total,
        picked_total_cents=_sum(lines, "picked_quantity"),
        collected_total_cents=_sum(lines, "collected_quantity"),
        partial=any(
            line.picked_quantity is not None and line.picked_quantity < line.quantity
            for line in lines
        ),
        sale_id=None,
        created_at=created,
        due_at=None,
        expires_at=expires_at(created, metadata.get("comptoir_ready_at")),
        updated_at=updated,
        history=history,
    )


def _channel(op: object) -> Literal["web", "terminal", "central"]:
    if not isinstance(op, str):
        return "web"
    return "central" if op.startswith("expire:") else "terminal"


def _with_counts(
    line: PickupLine,
    item_id: str,
    state: str,
    picked: dict[str, int] | None,
    given: dict[str, int] | None,
) -> PickupLine:
    """The plugin's recorded counts (a partial preparation or hand-over) over the
    all-or-nothing reading of a plain Medusa order."""
    changes: dict[str, int | None] = {}
    if picked is not None and item_id in picked:
        changes["picked_quantity"] = min(picked[item_id], line.quantity)
    if given is not None and item_id in given:
        changes["collected_quantity"] = min(given[item_id], line.quantity)
    elif state == "partially_collected":
        changes["collected_quantity"] = 0
    return line.model_copy(update=changes) if changes else line


def _with_short(lines: list[PickupLine], short: object) -> list[PickupLine]:
    """The plugin's ``comptoir_stock_short`` ({sku: units the pickup store lacked at
    placement}) spread over the lines of each SKU, in order, none beyond its quantity."""
    if not isinstance(short, dict):
        return lines
    left = {sku: n for sku, n in short.items() if isinstance(n, int) and not isinstance(n, bool)}
    marked = []
    for line in lines:
        missing = min(max(left.get(line.sku, 0), 0), line.quantity)
        if missing:
            left[line.sku] -= missing
            line = line.model_copy(update={"short_quantity": missing})
        marked.append(line)
    return marked


def _sum(lines: list[PickupLine], field: str) -> int | None:
    """Totals as picked or handed over: each line's total in proportion to its count."""
    found = [getattr(line, field) for line in lines]
    if any(count is None for count in found):
        return None
    return sum(
        line.total_cents * count // line.quantity for line, count in zip(lines, found, strict=True)
    )


def _pickup_line(line_no: int, item: dict[str, Any], ids: dict[str, int], state: str) -> PickupLine:
    quantity = item["quantity"]
    if isinstance(quantity, bool) or int(quantity) != quantity or quantity <= 0:
        raise BadAmount(f"quantity {quantity!r}")
    total = to_cents(item.get("total"), item.get("raw_total"))
    unit = field_cents(item, "unit_price")
    discount = to_cents(item.get("discount_total") or 0, item.get("raw_discount_total"))
    rates = [line.get("rate") for line in item.get("tax_lines") or []]
    sku = sku_of({"sku": item.get("variant_sku"), "id": item.get("variant_id") or item["id"]})
    picked = int(quantity) if state in ("ready", "collected", "partially_collected") else None
    return PickupLine(
        line_no=line_no,
        product_id=ids[item["variant_id"]],
        sku=sku,
        name=display_name(
            item.get("product_title") or item.get("title") or "?", item.get("variant_title") or ""
        ),
        sold_by="unit",
        quantity=int(quantity),
        list_price_cents=unit,
        unit_price_cents=unit,
        vat_bp=sum(rate_to_bp(rate) for rate in rates if rate is not None),
        promotion=None,
        discount_cents=discount,
        total_cents=total,
        picked_quantity=picked,
        collected_quantity=int(quantity) if state in ("collected", "partially_collected") else None,
    )


def is_pos_sale(order: dict[str, Any]) -> bool:
    """Our own in-store sales are pickup orders too (that is how Medusa records them)."""
    return bool((order.get("metadata") or {}).get("comptoir_sale_id"))


def _whole(value: Any) -> int:
    if isinstance(value, bool):
        raise TypeError("not a quantity")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError("fractional stock")
    return int(value)
