"""The wire contract of the central commerce API v1 (see ``sync/CONTRACT.md``).

Pure pydantic models shared by the terminal's client and the reference server: both sides
validate every payload with them, so garbage is refused with a reason, never half-applied.

Names are resolved on first use (PEP 562): ``sync.contract.codes`` alone does not pay for
loading every pydantic model, which the till's start-up would feel.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES: dict[str, str] = {
    "UNKNOWN_KEY": "sync.contract.operations",
    "BAD_SIGNATURE": "sync.contract.operations",
    "TerminalKeys": "sync.contract.admin",
    "RegisteredKey": "sync.contract.admin",
    "WitnessView": "sync.contract.admin",
    "WitnessHead": "sync.contract.admin",
    "WitnessFlag": "sync.contract.admin",
    "AppliedPromotion": "sync.contract.pricing",
    "AvailabilityResponse": "sync.contract.web",
    "CART_HOURS": "sync.contract.carts",
    "CART_MAX_DAYS": "sync.contract.carts",
    "CART_QR_PREFIX": "sync.contract.codes",
    "CHAIN_BREAK": "sync.contract.operations",
    "CHAIN_REWRITE": "sync.contract.operations",
    "CONFLICT": "sync.contract.operations",
    "Cart": "sync.contract.carts",
    "CartConvertRequest": "sync.contract.carts",
    "CartRequest": "sync.contract.carts",
    "CartState": "sync.contract.carts",
    "CatalogItem": "sync.contract.feeds",
    "CatalogPage": "sync.contract.feeds",
    "ChainFlag": "sync.contract.admin",
    "ChainView": "sync.contract.admin",
    "CustomerItem": "sync.contract.feeds",
    "CustomersPage": "sync.contract.feeds",
    "DepartmentItem": "sync.contract.feeds",
    "DepartmentsPage": "sync.contract.feeds",
    "DEFAULT_PAGE_ITEMS": "sync.contract.scalars",
    "DESK_TARGETS": "sync.contract.pickups",
    "EnrolmentRequest": "sync.contract.enrolment",
    "EnrolmentResponse": "sync.contract.enrolment",
    "ErrorBody": "sync.contract.errors",
    "ErrorCode": "sync.contract.errors",
    "ErrorResponse": "sync.contract.errors",
    "ExpireRequest": "sync.contract.pickups",
    "ExpireResponse": "sync.contract.pickups",
    "ExpiredPickup": "sync.contract.pickups",
    "FEEDS": "sync.contract.feeds",
    "FaultSettings": "sync.contract.faults",
    "FeedName": "sync.contract.feeds",
    "FeedPage": "sync.contract.feeds",
    "GENESIS_HASH": "sync.contract.sales",
    "HASH_MISMATCH": "sync.contract.operations",
    "ILLEGAL_TRANSITION": "sync.contract.operations",
    "INVALID_LINES": "sync.contract.operations",
    "INVALID_PAYLOAD": "sync.contract.operations",
    "JournalSeal": "sync.contract.sales",
    "LineRequest": "sync.contract.pricing",
    "MAX_OPERATIONS": "sync.contract.scalars",
    "MAX_PAGE_ITEMS": "sync.contract.scalars",
    "NOT_FOUND": "sync.contract.operations",
    "OPEN_PICKUP_STATES": "sync.contract.pickups",
    "OP_ID_REUSED": "sync.contract.operations",
    "Operation": "sync.contract.operations",
    "OperationKind": "sync.contract.operations",
    "OperationResult": "sync.contract.operations",
    "OperationStatus": "sync.contract.operations",
    "PAGE_MODELS": "sync.contract.feeds",
    "PAYLOAD_MODELS": "sync.contract.operations",
    "PICKUP_HOLD_DAYS": "sync.contract.pickups",
    "PICKUP_QR_PREFIX": "sync.contract.codes",
    "PICKUP_TRANSITIONS": "sync.contract.pickups",
    "PickupCancelRequest": "sync.contract.pickups",
    "PickupCustomer": "sync.contract.pickups",
    "PickupEvent": "sync.contract.pickups",
    "PickupItem": "sync.contract.feeds",
    "PickupLine": "sync.contract.pickups",
    "PickupLineCount": "sync.contract.pickups",
    "PickupOrder": "sync.contract.pickups",
    "PickupOrderRequest": "sync.contract.pickups",
    "PickupState": "sync.contract.pickups",
    "PickupTransitionPayload": "sync.contract.pickups",
    "PickupsPage": "sync.contract.feeds",
    "PriceChange": "sync.contract.admin",
    "PricedLine": "sync.contract.pricing",
    "ProductUpsert": "sync.contract.admin",
    "NotApplied": "sync.contract.feeds",
    "PromotionItem": "sync.contract.feeds",
    "PromotionUpsert": "sync.contract.admin",
    "PromotionsPage": "sync.contract.feeds",
    "PushRequest": "sync.contract.operations",
    "PushResponse": "sync.contract.operations",
    "ReservationLine": "sync.contract.web",
    "ReservationRequest": "sync.contract.web",
    "ReservationResponse": "sync.contract.web",
    "SaleLineRecord": "sync.contract.sales",
    "SalePayload": "sync.contract.sales",
    "SaleRecord": "sync.contract.sales",
    "SaleTenderRecord": "sync.contract.sales",
    "SaleVatRecord": "sync.contract.sales",
    "Stats": "sync.contract.admin",
    "StockCount": "sync.contract.admin",
    "SnapshotChunk": "sync.contract.snapshot",
    "StockItem": "sync.contract.feeds",
    "StockMovementPayload": "sync.contract.operations",
    "StockCountPayload": "sync.contract.operations",
    "StockPage": "sync.contract.feeds",
    "StoreAvailability": "sync.contract.web",
    "UNKNOWN_KIND": "sync.contract.operations",
    "UNKNOWN_PRODUCT": "sync.contract.operations",
    "UNPAID_HANDOVER": "sync.contract.operations",
    "cart_qr_text": "sync.contract.codes",
    "normalize_code": "sync.contract.codes",
    "parse_cart_qr": "sync.contract.codes",
    "parse_pickup_qr": "sync.contract.codes",
    "pickup_qr_text": "sync.contract.codes",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
