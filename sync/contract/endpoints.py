"""Every endpoint of API v1: method, path, auth, request and response models.

The OpenAPI document is rendered from this table, and the reference server's routes are
tested against the document, so the three cannot drift apart.
"""

from __future__ import annotations

from sync.contract.admin import (
    ChainView,
    EnrolmentAttempts,
    PriceChange,
    ProductUpsert,
    PromotionUpsert,
    Stats,
    StockCount,
    TerminalKeys,
    WitnessView,
)
from sync.contract.carts import Cart, CartConvertRequest, CartRequest
from sync.contract.endpoint_types import Auth, Endpoint, FileBody, Method, QueryParam
from sync.contract.endpoints_customers import CUSTOMERS
from sync.contract.endpoints_network import NETWORK
from sync.contract.endpoints_returns import RETURNS
from sync.contract.enrolment import EnrolmentRequest, EnrolmentResponse
from sync.contract.faults import FaultSettings
from sync.contract.feeds import FEEDS, CatalogItem, FeedPage, PromotionItem, StockItem
from sync.contract.operations import PushRequest, PushResponse
from sync.contract.page_set import MEDIA_TYPE as PAGE_SET_MEDIA_TYPE
from sync.contract.pickups import (
    ExpireRequest,
    ExpireResponse,
    PickupCancelRequest,
    PickupOrder,
    PickupOrderRequest,
)
from sync.contract.snapshot import DEFAULT_SNAPSHOT_ROWS, MAX_SNAPSHOT_ROWS, SnapshotChunk
from sync.contract.staff import ApprovalList, StaffItem, StaffUpsert
from sync.contract.till_acts import TillActsView
from sync.contract.till_days import SessionsView
from sync.contract.web import AvailabilityResponse, ReservationRequest, ReservationResponse

__all__ = ["ENDPOINTS", "PATH_PARAMS", "Auth", "Endpoint", "FileBody", "Method", "QueryParam"]


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

_SNAPSHOT_QUERY = (
    QueryParam(
        "cursor",
        {"type": "string", "minLength": 1, "maxLength": 512},
        description="Opaque (the previous chunk's next_cursor); absent starts a snapshot.",
    ),
    QueryParam(
        "limit",
        {"type": "integer", "minimum": 1, "maximum": MAX_SNAPSHOT_ROWS,
         "default": DEFAULT_SNAPSHOT_ROWS},
        description="Rows per chunk.",
    ),
)  # fmt: skip


_CORE: tuple[Endpoint, ...] = (
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
        "GET",
        "/v1/stores/{store_id}/snapshot",
        "pull_snapshot",
        "A chunk of the first-sync snapshot: the catalog, then this store's stock, in "
        "columns, gzipped when accepted; the feeds continue from its sequence",
        "terminal",
        None,
        {200: SnapshotChunk},
        _SNAPSHOT_QUERY,
    ),
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/page-set",
        "pull_page_set",
        "The first-sync page set: a ready SQLite file of the catalog and this store's "
        "stock (sync/contract/page_set.py), with an ETag; Range and If-Range resume it (206)",
        "terminal",
        None,
        {200: FileBody(PAGE_SET_MEDIA_TYPE), 206: FileBody(PAGE_SET_MEDIA_TYPE)},
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
        "/v1/stores/{store_id}/pickup-codes/{code}",
        "find_pickup_by_code",
        "This store's pickup order for a typed code or a scanned pickup QR text",
        "terminal",
        None,
        {200: PickupOrder},
    ),
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/carts/{code}",
        "find_cart",
        "An online cart for a typed code or a scanned cart QR text, at its online prices",
        "terminal",
        None,
        {200: Cart},
    ),
    Endpoint(
        "POST",
        "/v1/stores/{store_id}/carts/{code}/convert",
        "convert_cart",
        "Record the sale a cart became (idempotent for that sale)",
        "terminal",
        CartConvertRequest,
        {200: Cart},
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
        "POST",
        "/v1/web/pickup-orders",
        "web_place_pickup_order",
        "Place a click-and-collect order: priced, reserved, given a pickup code",
        "web",
        PickupOrderRequest,
        {201: PickupOrder},
    ),
    Endpoint(
        "GET",
        "/v1/web/pickup-orders/{order_id}",
        "web_get_pickup_order",
        "A click-and-collect order as it is now",
        "web",
        None,
        {200: PickupOrder},
    ),
    Endpoint(
        "POST",
        "/v1/web/pickup-orders/{order_id}/cancel",
        "web_cancel_pickup_order",
        "Cancel a click-and-collect order and release its stock",
        "web",
        PickupCancelRequest,
        {200: PickupOrder},
        body_required=False,
    ),
    Endpoint(
        "POST",
        "/v1/web/carts",
        "web_put_cart",
        "Make or replace an online cart, priced by central",
        "web",
        CartRequest,
        {200: Cart, 201: Cart},
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
        "PUT",
        "/v1/admin/stores/{store_id}/staff/{staff_id}",
        "admin_put_staff",
        "Create or replace a staff member (the PIN is hashed at once, served as its hash)",
        "admin",
        StaffUpsert,
        {200: StaffItem, 201: StaffItem},
    ),
    Endpoint(
        "GET",
        "/v1/admin/stores/{store_id}/approvals",
        "admin_approvals",
        "The managers' approvals the store's tills pushed",
        "admin",
        None,
        {200: ApprovalList},
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
    Endpoint(
        "GET",
        "/v1/admin/stores/{store_id}/terminals/{terminal_id}/keys",
        "admin_terminal_keys",
        "A terminal's registered signing keys (public halves), oldest first",
        "admin",
        None,
        {200: TerminalKeys},
    ),
    Endpoint(
        "GET",
        "/v1/admin/stores/{store_id}/terminals/{terminal_id}/witness",
        "admin_terminal_witness",
        "A terminal's signed chains as witnessed: the head of each chain, and every flag",
        "admin",
        None,
        {200: WitnessView},
    ),
    Endpoint(
        "GET",
        "/v1/admin/terminals/{store_id}/{terminal_id}/sessions",
        "admin_till_sessions",
        "A terminal's till sessions: openings, cash movements and Z reports",
        "admin",
        None,
        {200: SessionsView},
    ),
    Endpoint(
        "GET",
        "/v1/admin/terminals/{store_id}/{terminal_id}/till-acts",
        "admin_till_acts",
        "A terminal's cancelled sales (with their lines) and drawer openings without a sale",
        "admin",
        None,
        {200: TillActsView},
    ),
    Endpoint(
        "PUT",
        "/v1/admin/promotions/{promotion_id}",
        "admin_put_promotion",
        "Create or replace a promotion",
        "admin",
        PromotionUpsert,
        {200: PromotionItem, 201: PromotionItem},
    ),
    Endpoint(
        "POST",
        "/v1/admin/pickups/expire",
        "admin_expire_pickups",
        "Expire open pickup orders past their expires_at, releasing their stock",
        "admin",
        ExpireRequest,
        {200: ExpireResponse},
        body_required=False,
    ),
    Endpoint("GET", "/v1/admin/stats", "admin_stats", "Counters", "admin", None, {200: Stats}),
    Endpoint(
        "GET",
        "/v1/admin/enrolment-attempts",
        "admin_enrolment_attempts",
        "The latest enrolment attempts (wrong codes, throttled ones)",
        "admin",
        None,
        {200: EnrolmentAttempts},
    ),
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
#: Every endpoint, in the order the OpenAPI document lists them.
ENDPOINTS: tuple[Endpoint, ...] = _CORE + RETURNS + CUSTOMERS + NETWORK

#: Path parameters, as JSON Schema (the same patterns as the models' fields).
PATH_PARAMS: dict[str, dict[str, object]] = {
    "store_id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,63}$"},
    "terminal_id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"},
    "feed": {
        "type": "string",
        "enum": list(FEEDS),
    },
    "sku": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"},
    "reservation_id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"},
    "order_id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"},
    "code": {
        "type": "string",
        "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$",
        "description": "A typed code (case, hyphens free) or the whole QR text.",
    },
    "promotion_id": {"type": "string", "pattern": r"^[1-9][0-9]{0,17}$"},
    "staff_id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"},
    "ticket_no": {"type": "string", "pattern": r"^[1-9][0-9]{0,17}$"},
    "return_id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"},
    "op_id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"},
    "sale_id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"},
    "customer_id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"},
    "product_id": {"type": "string", "pattern": r"^[1-9][0-9]{0,9}$"},
    "delivery_id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"},
}
