"""The wire models refuse what the contract forbids: floats, bools, extras, oversize."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from sync.contract import (
    DESK_TARGETS,
    MAX_OPERATIONS,
    OPEN_PICKUP_STATES,
    PICKUP_TRANSITIONS,
    CatalogItem,
    FaultSettings,
    PickupTransitionPayload,
    PushRequest,
    SalePayload,
    StockMovementPayload,
    cart_qr_text,
    normalize_code,
    parse_cart_qr,
    parse_pickup_qr,
    pickup_qr_text,
)
from tests.support.sale_ops import SaleChain

PRODUCT: dict[str, Any] = {
    "id": 1, "sku": "SKU0000001", "name": "Pâtes", "brand": "", "department": None,
    "price_cents": 190, "vat_bp": 550, "sold_by": "unit", "plu": None,
    "barcodes": ["3374394115426"], "active": True, "version": 1, "popularity": 12,
}  # fmt: skip


def test_a_catalog_item_round_trips_from_json() -> None:
    item = CatalogItem.model_validate_json(json.dumps(PRODUCT))
    assert item.model_dump() == PRODUCT


def test_a_catalog_item_without_popularity_reads_as_never_sold() -> None:
    """Older servers and Medusa send none (issue 18.1); a negative figure is refused."""
    without = {key: value for key, value in PRODUCT.items() if key != "popularity"}
    assert CatalogItem.model_validate(without).popularity == 0
    with pytest.raises(ValidationError):
        CatalogItem.model_validate(PRODUCT | {"popularity": -1})


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("price_cents", 1.0),  # a float where cents are meant
        ("price_cents", True),  # a bool is not an int
        ("price_cents", "190"),  # nor is a string
        ("price_cents", -1),
        ("id", 0),
        ("id", 2**32),
        ("vat_bp", 10_000),
        ("sold_by", "litre"),
        ("active", 1),
        ("sku", "SKU/1"),
        ("name", "x" * 201),
        ("barcodes", ["12"]),
    ],
)
def test_wrong_types_and_bounds_are_refused(field: str, value: Any) -> None:
    with pytest.raises(ValidationError):
        CatalogItem.model_validate_json(json.dumps(PRODUCT | {field: value}))


def test_extra_fields_are_refused() -> None:
    with pytest.raises(ValidationError, match="Extra inputs"):
        CatalogItem.model_validate(PRODUCT | {"colour": "red"})


def test_a_push_is_bounded() -> None:
    op = SaleChain().sale()
    PushRequest.model_validate({"operations": [op]})
    with pytest.raises(ValidationError):
        PushRequest.model_validate({"operations": []})
    with pytest.raises(ValidationError):
        PushRequest.model_validate({"operations": [op] * (MAX_OPERATIONS + 1)})


def test_a_sale_payload_is_the_till_outbox_shape() -> None:
    payload = SaleChain().sale()["payload"]
    SalePayload.model_validate(payload)
    float_total = json.loads(json.dumps(payload))
    float_total["sale"]["total_cents"] = 349.0
    with pytest.raises(ValidationError):
        SalePayload.model_validate(float_total)


def test_stock_movement_ref_is_optional() -> None:
    movement = {"product_id": 1, "sku": "SKU0000001", "delta": -2, "reason": "damage"}
    assert StockMovementPayload.model_validate(movement).ref is None


def test_fault_rates_are_basis_points() -> None:
    assert FaultSettings().error_rate == 0
    with pytest.raises(ValidationError):
        FaultSettings.model_validate({"error_rate": 0.5})
    with pytest.raises(ValidationError):
        FaultSettings.model_validate({"error_rate": 10_001})


# -- click-and-collect and carts ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("K7M2-Q9XD", "K7M2-Q9XD"),
        ("k7m2q9xd", "K7M2-Q9XD"),
        (" k7m2 q9xd ", "K7M2-Q9XD"),
        ("O1IL-0000", "0111-0000"),  # O, I and L read as the digits they look like
        ("K7M2-Q9X", None),
        ("K7M2-Q9XDD", None),
        ("K7M2-Q9XU", None),  # U is not in the alphabet
        ("", None),
    ],
)
def test_codes_are_forgiving_to_type(typed: str, code: str | None) -> None:
    assert normalize_code(typed) == code


def test_qr_texts_name_what_they_are() -> None:
    text = pickup_qr_text("web:1001", "K7M2-Q9XD")
    assert text == "CMPT-PU:web:1001:K7M2-Q9XD"
    assert parse_pickup_qr(text) == ("web:1001", "K7M2-Q9XD")
    assert parse_pickup_qr("CMPT-PU:K7M2-Q9XD") is None  # no order id
    assert parse_pickup_qr(cart_qr_text("K7M2-Q9XD")) is None
    assert parse_cart_qr("CMPT-CART:k7m2q9xd") == "K7M2-Q9XD"
    assert parse_cart_qr(text) is None


TRANSITION: dict[str, Any] = {
    "order_id": "web-1", "from_state": "ready", "to_state": "collected",
    "expected_version": 3, "staff": "Inès", "at": "2025-11-25T10:00:00.000Z",
}  # fmt: skip


@pytest.mark.parametrize(
    "change",
    [
        {"expected_version": 3.0},
        {"expected_version": 0},
        {"to_state": "lost"},
        {"at": "2025-11-25 10:00"},
        {"at": "2025-02-30T10:00:00Z"},  # the pattern fits, the calendar does not
        {"at": "2025-11-25T10:00:00"},  # no offset
        {"lines": []},
        {"lines": [{"sku": "SKU1", "quantity": -1}]},
        {"staff": ""},
        {"note": "x"},
    ],
)
def test_a_pickup_transition_is_strict(change: dict[str, Any]) -> None:
    PickupTransitionPayload.model_validate(TRANSITION)
    with pytest.raises(ValidationError):
        PickupTransitionPayload.model_validate(TRANSITION | change)


def test_the_desk_may_not_ask_for_expiry() -> None:
    assert "expired" not in DESK_TARGETS
    assert "expired" in PICKUP_TRANSITIONS["ready"]
    assert all(state in PICKUP_TRANSITIONS for state in OPEN_PICKUP_STATES)
