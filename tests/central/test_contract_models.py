"""The wire models refuse what the contract forbids: floats, bools, extras, oversize."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from sync.contract import (
    MAX_OPERATIONS,
    CatalogItem,
    FaultSettings,
    PushRequest,
    SalePayload,
    StockMovementPayload,
)
from tests.support.sale_ops import SaleChain

PRODUCT: dict[str, Any] = {
    "id": 1, "sku": "SKU0000001", "name": "Pâtes", "brand": "", "department": None,
    "price_cents": 190, "vat_bp": 550, "sold_by": "unit", "plu": None,
    "barcodes": ["3374394115426"], "active": True, "version": 1,
}  # fmt: skip


def test_a_catalog_item_round_trips_from_json() -> None:
    item = CatalogItem.model_validate_json(json.dumps(PRODUCT))
    assert item.model_dump() == PRODUCT


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
