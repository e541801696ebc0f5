"""Stock across the network (issue 16, item 2): other stores and the web warehouse, and
orders a till places for a customer (the endless aisle).

A *location* is a store or a warehouse (``kind``): both hold stock; only a store has
tills and takes pickup orders; the web warehouse ships home deliveries.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from sync.contract.pricing import Lines, PricedLine
from sync.contract.scalars import (
    WIRE,
    Cents,
    CustomerId,
    Flag,
    Message,
    NonEmptyName,
    OrderId,
    ProductId,
    Seq,
    ShortCode,
    Sku,
    StockLevel,
    StoreId,
    Timestamp,
)

LocationKind = Literal["store", "warehouse"]
Fulfilment = Literal["pickup", "delivery"]
MAX_LOCATIONS = 1000


class NetworkStockItem(BaseModel):
    """One other location's central level of a product this store carries."""

    model_config = WIRE

    store_id: StoreId
    name: NonEmptyName
    kind: LocationKind
    product_id: ProductId
    sku: Sku
    on_hand: StockLevel
    reserved: StockLevel
    version: Seq


class LocationStock(BaseModel):
    """``available = on_hand - reserved`` (negative when stock ran out)."""

    model_config = WIRE

    store_id: StoreId
    name: NonEmptyName
    kind: LocationKind
    on_hand: StockLevel
    reserved: StockLevel
    available: StockLevel


class NetworkStock(BaseModel):
    """``GET /v1/stores/{store_id}/network-stock/{product_id}``: every location, the
    asking store included; a location with no level holds none (zeros)."""

    model_config = WIRE

    product_id: ProductId
    sku: Sku
    at: Timestamp
    locations: Annotated[list[LocationStock], Field(max_length=MAX_LOCATIONS)]


class DeliveryAddress(BaseModel):
    model_config = WIRE

    line: Annotated[str, Field(min_length=3, max_length=200, strict=True)]
    postcode: Annotated[str, Field(min_length=2, max_length=16, strict=True)]
    city: Annotated[str, Field(min_length=1, max_length=100, strict=True)]


class CustomerOrderRequest(BaseModel):
    """``POST /v1/stores/{store_id}/customer-orders``: a till orders for a customer.

    ``pickup``: a click-and-collect order at ``pickup_store_id`` (its desk sees it in its
    pickups feed, to pay there unless ``paid``); ``delivery``: a web order shipped from
    the web warehouse to ``address``. Idempotent by ``order_id``: the same request again
    answers the order as placed; the same id with another request is a 409."""

    model_config = WIRE

    order_id: OrderId
    fulfilment: Fulfilment
    customer_id: CustomerId
    lines: Lines
    pickup_store_id: StoreId | None = None
    address: DeliveryAddress | None = None
    staff: Annotated[str, Field(max_length=64, strict=True)] = ""
    note: Message = ""


class CustomerOrder(BaseModel):
    """The order as placed: where it will be (``location_id``), priced by central, and
    left to pay (``paid`` False: at the pickup desk, or online for a delivery)."""

    model_config = WIRE

    order_id: OrderId
    fulfilment: Fulfilment
    location_id: StoreId
    location_name: NonEmptyName
    ordered_by: StoreId
    customer_id: CustomerId
    state: Literal["received"]
    paid: Flag
    pickup_code: ShortCode | None
    total_cents: Cents
    lines: Annotated[list[PricedLine], Field(min_length=1, max_length=200)]
    created_at: Timestamp
