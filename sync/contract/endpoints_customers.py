"""The pricing, loyalty, coupon and customer endpoints of API v1 (issue 15): one price
and one customer on every channel.

Part of ``endpoints.ENDPOINTS``, in the order the OpenAPI document lists them.
"""

from __future__ import annotations

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
from sync.contract.endpoint_types import Endpoint, QueryParam
from sync.contract.loyalty import (
    LoyaltyAccount,
    LoyaltyRedemption,
    LoyaltyRedemptionResult,
    LoyaltyRuleModel,
    LoyaltyRuleUpsert,
)
from sync.contract.pricing import Quote, QuoteRequest

CUSTOMERS: tuple[Endpoint, ...] = (
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
)
