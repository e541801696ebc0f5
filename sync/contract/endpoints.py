"""Every endpoint of API v1: method, path, auth, request and response models.

The OpenAPI document is rendered from this table, and the reference server's routes are
tested against the document, so the three cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel

from sync.contract.admin import ChainView, PriceChange, ProductUpsert, Stats, StockCount
from sync.contract.enrolment import EnrolmentRequest, EnrolmentResponse
from sync.contract.faults import FaultSettings
from sync.contract.feeds import CatalogItem, FeedPage, StockItem
from sync.contract.operations import PushRequest, PushResponse
from sync.contract.web import AvailabilityResponse, ReservationRequest, ReservationResponse

Auth = Literal["none", "terminal", "web", "admin"]
Method = Literal["GET", "POST", "PUT", "DELETE"]


@dataclass(frozen=True, slots=True)
class QueryParam:
    name: str
    schema: dict[str, object]
    required: bool = False
    description: str = ""


@dataclass(frozen=True, slots=True)
class Endpoint:
    method: Method
    path: str
    operation_id: str
    summary: str
    auth: Auth
    request: type[BaseModel] | object | None
    responses: dict[int, type[BaseModel] | object]
    query: tuple[QueryParam, ...] = field(default=())


_FEED_QUERY = (
    QueryParam(
        "cursor",
        {"type": "string", "minLength": 1, "maxLength": 512},
        description="Opaque; absent means from the beginning.",
    ),
    QueryParam(
        "limit",
        {"type": "integer", "minimum": 1, "maximum": 5000, "default": 1000},
        description="Items per page.",
    ),
)

ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint(
        "POST",
        "/v1/enrolments",
        "enrol",
        "Enrol a terminal: trade the store's code for a token",
        "none",
        EnrolmentRequest,
        {201: EnrolmentResponse},
    ),
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/feeds/{feed}",
        "pull_feed",
        "One page of a feed",
        "terminal",
        None,
        {200: FeedPage},
        _FEED_QUERY,
    ),
    Endpoint(
        "POST",
        "/v1/stores/{store_id}/terminals/{terminal_id}/operations",
        "push_operations",
        "Push a batch of outbox operations, answered per operation",
        "terminal",
        PushRequest,
        {200: PushResponse},
    ),
    Endpoint(
        "GET",
        "/v1/web/availability",
        "web_availability",
        "A SKU's stock in every store",
        "web",
        None,
        {200: AvailabilityResponse},
        (QueryParam("sku", {"type": "string", "minLength": 1, "maxLength": 64}, True),),
    ),
    Endpoint(
        "POST",
        "/v1/web/reservations",
        "web_reserve",
        "Hold stock for a web order",
        "web",
        ReservationRequest,
        {201: ReservationResponse},
    ),
    Endpoint(
        "DELETE",
        "/v1/web/reservations/{reservation_id}",
        "web_release",
        "Release a web reservation",
        "web",
        None,
        {200: ReservationResponse},
    ),
    Endpoint(
        "PUT",
        "/v1/admin/products/{sku}",
        "admin_put_product",
        "Create or change a product, or change its price alone",
        "admin",
        ProductUpsert | PriceChange,
        {200: CatalogItem, 201: CatalogItem},
    ),
    Endpoint(
        "POST",
        "/v1/admin/stores/{store_id}/stock",
        "admin_stock_count",
        "Record a stock count",
        "admin",
        StockCount,
        {200: StockItem},
    ),
    Endpoint(
        "GET",
        "/v1/admin/terminals/{store_id}/{terminal_id}/chain",
        "admin_chain",
        "A terminal's witnessed journal chain",
        "admin",
        None,
        {200: ChainView},
    ),
    Endpoint("GET", "/v1/admin/stats", "admin_stats", "Counters", "admin", None, {200: Stats}),
    Endpoint(
        "PUT",
        "/v1/_faults",
        "set_faults",
        "Switch fault injection (reference server only)",
        "admin",
        FaultSettings,
        {200: FaultSettings},
    ),
)

#: Path parameters, as JSON Schema (the same patterns as the models' fields).
PATH_PARAMS: dict[str, dict[str, object]] = {
    "store_id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,63}$"},
    "terminal_id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"},
    "feed": {"type": "string", "enum": ["catalog", "promotions", "stock", "customers", "pickups"]},
    "sku": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"},
    "reservation_id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"},
}
