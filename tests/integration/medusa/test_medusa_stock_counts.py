"""A till's stock count applied to Medusa through Comptoir's plugin: each counted line
with a variance moves the level at this store's location only, once (a resent count
answers duplicate); a line without a variance moves nothing."""

from __future__ import annotations

import pytest

from pos.store.sale_codec import canonical_json
from sync.ports import OutgoingOperation
from tests.integration.medusa.test_medusa_stock_movements import levels
from tests.medusa.helpers import catalog_by_sku

pytestmark = pytest.mark.medusa

#: (sku, counted − expected): two short, one found, one right.
LINES = (("CARNET-A5", -2), ("TASSE-BLEUE", 1), ("STYLO-NOIR", 0))


def count_op(catalog: dict, expected: dict[str, int]) -> OutgoingOperation:
    lines = [
        {"product_id": catalog[sku].id, "sku": sku, "counted": expected[sku] + variance,
         "counted_at": "2026-12-06T10:05:00.000Z", "expected": expected[sku],
         "staff_id": "camille"}
        for sku, variance in LINES
    ]  # fmt: skip
    payload = {"count_id": "count-medusa-1", "scope": "shelf:Allée 3", "approved_by": "ines",
               "approved_at": "2026-12-06T10:30:00.000Z", "lines": lines}  # fmt: skip
    return OutgoingOperation("count-medusa-1", 1, "stock_count", canonical_json(payload))


def test_a_count_moves_medusa_at_this_location_only_and_once(make_backend, admin, seed):
    backend = make_backend()
    catalog = catalog_by_sku(backend)
    skus = [sku for sku, _ in LINES]
    before = levels(admin, seed, skus)
    op = count_op(catalog, {sku: max(before[sku, "paris"], 2) for sku in skus})
    [outcome] = backend.push([op])
    assert outcome.status == "accepted", outcome.reason
    after = levels(admin, seed, skus)
    for sku, variance in LINES:
        assert after[sku, "paris"] == before[sku, "paris"] + variance
        assert after[sku, "lyon"] == before[sku, "lyon"]  # no other location touched
    [again] = backend.push([op])
    assert again.status == "duplicate" and levels(admin, seed, skus) == after
