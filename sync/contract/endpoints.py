"""Every endpoint of API v1: method, path, auth, request and response models.

The OpenAPI document is rendered from this table, and the reference server's routes are
tested against the document, so the three cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel

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
from sync.contract.coupons import (
    CouponIssueRequest,
    CouponIssueResult,
    CouponRelease,
    CouponReservation,
    CouponReservationRequest,
)
from sync.contract.customers import (
    ConsentChange,
    CustomerCreate,
    CustomerHistory,
    CustomerRecord,
    CustomerSearchResult,
)
from sync.contract.deliveries import DeliveryAnnouncement, DeliveryItem
from sync.contract.enrolment import EnrolmentRequest, EnrolmentResponse
from sync.contract.faults import FaultSettings
from sync.contract.feeds import FEEDS, CatalogItem, FeedPage, PromotionItem, StockItem
from sync.contract.loyalty import (
    LoyaltyAccount,
    LoyaltyRedemption,
    LoyaltyRedemptionResult,
    LoyaltyRuleModel,
    LoyaltyRuleUpsert,
)
from sync.contract.network import CustomerOrder, CustomerOrderRequest, NetworkStock
from sync.contract.operations import PushRequest, PushResponse
from sync.contract.page_set import MEDIA_TYPE as PAGE_SET_MEDIA_TYPE
from sync.contract.pickups import (
    ExpireRequest,
    ExpireResponse,
    PickupCancelRequest,
    PickupOrder,
    PickupOrderRequest,
)
from sync.contract.pricing import Quote, QuoteRequest
from sync.contract.returns import (
    ClaimStatus,
    CreditNoteDebit,
    CreditNoteRecord,
    OriginSaleRecord,
    ReturnClaim,
    ReturnClaimResult,
    ReturnConflictList,
)
from sync.contract.snapshot import DEFAULT_SNAPSHOT_ROWS, MAX_SNAPSHOT_ROWS, SnapshotChunk
from sync.contract.staff import ApprovalList, StaffItem, StaffUpsert
from sync.contract.till_acts import TillActsView
from sync.contract.till_days import SessionsView
from sync.contract.web import AvailabilityResponse, ReservationRequest, ReservationResponse

Auth = Literal["none", "terminal", "web", "admin"]
Method = Literal["GET", "POST", "PUT", "DELETE"]


@dataclass(frozen=True)
class FileBody:
    """A response that is a file, not JSON (the page set): its media type."""

    media_type: str


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
    responses: dict[int, type[BaseModel] | object]  # or a FileBody
    query: tuple[QueryParam, ...] = field(default=())
    body_required: bool = True  # False: an empty body stands for the model's defaults


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
    # -- returns and credit notes (issue 14) ---------------------------------------------
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/origins/{code}",
        "find_return_origin",
        "The sale a return takes back: a till ticket of any store (its sale id, the "
        "receipt's QR), or a web order (its id, pickup code or QR text), with what is "
        "already returned and refunded (409 not_handed_over, 404 not_found)",
        "terminal",
        None,
        {200: OriginSaleRecord},
    ),
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/terminals/{terminal_id}/tickets/{ticket_no}",
        "find_return_ticket",
        "A ticket of this store by its terminal and number, for a return",
        "terminal",
        None,
        {200: OriginSaleRecord},
    ),
    Endpoint(
        "POST",
        "/v1/stores/{store_id}/returns/claims",
        "claim_return",
        "Claim original lines for a return before refunding, atomically; idempotent by "
        "return_id (409 not_returnable with the remaining quantities, op_id_reused)",
        "terminal",
        ReturnClaim,
        {200: ReturnClaimResult},
    ),
    Endpoint(
        "DELETE",
        "/v1/stores/{store_id}/returns/claims/{return_id}",
        "release_return",
        "Release a claim whose return was abandoned (409 claim_consumed once pushed)",
        "terminal",
        None,
        {200: ClaimStatus},
    ),
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/credit-notes/{code}",
        "get_credit_note",
        "A credit note's balance and status (code typed or its QR text)",
        "terminal",
        None,
        {200: CreditNoteRecord},
    ),
    Endpoint(
        "POST",
        "/v1/stores/{store_id}/credit-notes/{code}/debits",
        "debit_credit_note",
        "Spend a credit note at a till; idempotent by op_id (409 credit_note_spent, "
        "credit_note_expired, op_id_reused)",
        "terminal",
        CreditNoteDebit,
        {200: CreditNoteRecord},
    ),
    Endpoint(
        "DELETE",
        "/v1/stores/{store_id}/credit-notes/{code}/debits/{op_id}",
        "reverse_credit_note_debit",
        "Give a debit back (idempotent)",
        "terminal",
        None,
        {200: CreditNoteRecord},
    ),
    Endpoint(
        "GET",
        "/v1/web/credit-notes/{code}",
        "web_get_credit_note",
        "A credit note's balance and status, for the web shop",
        "web",
        None,
        {200: CreditNoteRecord},
    ),
    Endpoint(
        "POST",
        "/v1/web/credit-notes/{code}/debits",
        "web_debit_credit_note",
        "Spend a credit note on the web shop; idempotent by op_id",
        "web",
        CreditNoteDebit,
        {200: CreditNoteRecord},
    ),
    Endpoint(
        "DELETE",
        "/v1/web/credit-notes/{code}/debits/{op_id}",
        "web_reverse_credit_note_debit",
        "Give a web debit back (idempotent)",
        "web",
        None,
        {200: CreditNoteRecord},
    ),
    Endpoint(
        "GET",
        "/v1/admin/return-conflicts",
        "admin_return_conflicts",
        "Return tickets accepted beyond what remained returnable, newest first",
        "admin",
        None,
        {200: ReturnConflictList},
    ),
    # -- pricing (issue 15) ----------------------------------------------------------------
    Endpoint(
        "POST",
        "/v1/stores/{store_id}/pricing",
        "price_basket",
        "Price a basket with the shared promotion engine, as central charges it (a quote: "
        "nothing is kept)",
        "terminal",
        QuoteRequest,
        {200: Quote},
    ),
    # -- loyalty (issue 15) ----------------------------------------------------------------
    Endpoint(
        "PUT",
        "/v1/admin/loyalty/rule",
        "admin_put_loyalty_rule",
        "Replace the loyalty rule (a new version; past earnings keep theirs)",
        "admin",
        LoyaltyRuleUpsert,
        {200: LoyaltyRuleModel},
    ),
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/loyalty/rule",
        "get_loyalty_rule",
        "The loyalty rule, for a till: points per euro, department multipliers, value",
        "terminal",
        None,
        {200: LoyaltyRuleModel},
    ),
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/customers/{customer_id}/loyalty",
        "get_loyalty_account",
        "A customer's loyalty balance and latest ledger entries",
        "terminal",
        None,
        {200: LoyaltyAccount},
    ),
    Endpoint(
        "POST",
        "/v1/stores/{store_id}/customers/{customer_id}/loyalty/redemptions",
        "redeem_loyalty_points",
        "Spend points; idempotent by op_id (409 loyalty_balance, loyalty_below_minimum, "
        "op_id_reused)",
        "terminal",
        LoyaltyRedemption,
        {200: LoyaltyRedemptionResult},
    ),
    Endpoint(
        "DELETE",
        "/v1/stores/{store_id}/customers/{customer_id}/loyalty/redemptions/{op_id}",
        "reverse_loyalty_redemption",
        "Give a redemption back (idempotent; the op id then redeems afresh)",
        "terminal",
        None,
        {200: LoyaltyRedemptionResult},
    ),
    Endpoint(
        "GET",
        "/v1/web/loyalty/rule",
        "web_get_loyalty_rule",
        "The loyalty rule, for the web shop: points per euro, department multipliers, value",
        "web",
        None,
        {200: LoyaltyRuleModel},
    ),
    Endpoint(
        "GET",
        "/v1/web/customers/{customer_id}/loyalty",
        "web_get_loyalty_account",
        "A customer's loyalty balance and latest ledger entries",
        "web",
        None,
        {200: LoyaltyAccount},
    ),
    Endpoint(
        "POST",
        "/v1/web/customers/{customer_id}/loyalty/redemptions",
        "web_redeem_loyalty_points",
        "Spend points; idempotent by op_id (409 loyalty_balance, loyalty_below_minimum, "
        "op_id_reused)",
        "web",
        LoyaltyRedemption,
        {200: LoyaltyRedemptionResult},
    ),
    Endpoint(
        "DELETE",
        "/v1/web/customers/{customer_id}/loyalty/redemptions/{op_id}",
        "web_reverse_loyalty_redemption",
        "Give a redemption back (idempotent; the op id then redeems afresh)",
        "web",
        None,
        {200: LoyaltyRedemptionResult},
    ),
    # -- coupons (issue 15) -------------------------------------------------------------------
    Endpoint(
        "POST",
        "/v1/stores/{store_id}/coupons/reservations",
        "reserve_coupon",
        "Check a coupon code and reserve a single-use one for a sale; idempotent by sale "
        "(409 coupon_used, coupon_expired, coupon_not_started, coupon_other_store, "
        "coupon_already_applied; 404 coupon_unknown)",
        "terminal",
        CouponReservationRequest,
        {200: CouponReservation},
    ),
    Endpoint(
        "DELETE",
        "/v1/stores/{store_id}/coupons/reservations/{sale_id}/{code}",
        "release_coupon",
        "Give back a code reserved for a sale (a code not reserved for it: a no-op)",
        "terminal",
        None,
        {200: CouponRelease},
    ),
    Endpoint(
        "POST",
        "/v1/admin/promotions/{promotion_id}/coupons",
        "admin_issue_coupons",
        "Issue single-use codes for a promotion (count random ones, or the codes given)",
        "admin",
        CouponIssueRequest,
        {200: CouponIssueResult},
    ),
    # -- customers (issue 15) --------------------------------------------------------------
    Endpoint(
        "POST",
        "/v1/stores/{store_id}/customers",
        "create_customer",
        "Create a customer with consent; idempotent by customer_id (409 conflict: another "
        "body; 409 customer_exists: the email or phone is error.customer_id's)",
        "terminal",
        CustomerCreate,
        {201: CustomerRecord},
    ),
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/customers",
        "search_customers",
        "Active customers by card or id, phone, email or name prefix; at most 20, best first",
        "terminal",
        None,
        {200: CustomerSearchResult},
        (QueryParam("q", {"type": "string", "maxLength": 200}, True, "Typed or scanned text."),),
    ),
    Endpoint(
        "POST",
        "/v1/stores/{store_id}/customers/{customer_id}/consent",
        "set_customer_consent",
        "Record the customer's marketing choice (withdrawn: false), from this store",
        "terminal",
        ConsentChange,
        {200: CustomerRecord},
    ),
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/customers/{customer_id}/history",
        "customer_history",
        "The customer's store tickets and web orders, newest first",
        "terminal",
        None,
        {200: CustomerHistory},
        (
            QueryParam(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": 50, "default": 20},
                description="Entries at most.",
            ),
        ),
    ),
    Endpoint(
        "DELETE",
        "/v1/admin/customers/{customer_id}",
        "admin_erase_customer",
        "Erase a customer (GDPR): personal fields blanked, gone from searches and tills",
        "admin",
        None,
        {200: CustomerRecord},
    ),
    # -- stock across the network (issue 16) ----------------------------------------------
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/network-stock/{product_id}",
        "network_stock",
        "A product's stock now in every store and warehouse (the asking store included)",
        "terminal",
        None,
        {200: NetworkStock},
    ),
    Endpoint(
        "POST",
        "/v1/stores/{store_id}/customer-orders",
        "place_customer_order",
        "Order for a customer from a till: pickup at another store (its desk sees it) or "
        "delivery from the web warehouse; left to pay; idempotent by order_id",
        "terminal",
        CustomerOrderRequest,
        {200: CustomerOrder},
    ),
    # -- deliveries and transfers (issue 16) ----------------------------------------------
    Endpoint(
        "POST",
        "/v1/admin/stores/{store_id}/deliveries",
        "announce_delivery",
        "Announce a supplier's delivery to a store (its tills see it in the deliveries feed); "
        "idempotent by delivery_id",
        "admin",
        DeliveryAnnouncement,
        {200: DeliveryItem},
    ),
    Endpoint(
        "GET",
        "/v1/admin/deliveries/{delivery_id}",
        "delivery",
        "A delivery as central knows it: expected lines, what was received, the differences",
        "admin",
        None,
        {200: DeliveryItem},
    ),
)

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
