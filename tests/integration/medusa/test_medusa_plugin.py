"""Comptoir's plugin inside the real Medusa: installed, authenticated, answering per item."""

from __future__ import annotations

import httpx
import pytest

from tests.medusa.seed import Seed

pytestmark = pytest.mark.medusa


def _batch(seed: Seed, operations: list[dict]) -> dict:
    return {
        "terminal_id": "T01",
        "sales_channel_id": seed.pos_sales_channel_id,
        "stock_location_id": seed.location_id,
        "region_id": seed.region_id,
        "operations": operations,
    }


def test_the_plugin_says_its_version_to_the_secret_key_only(seed: Seed) -> None:
    answer = httpx.get(f"{seed.base_url}/admin/comptoir/version", auth=(seed.secret_key, ""))
    assert answer.status_code == 200
    assert answer.json()["plugin"] == "comptoir-medusa-plugin"
    assert answer.json()["api"] == 1
    anonymous = httpx.get(f"{seed.base_url}/admin/comptoir/version")
    assert anonymous.status_code == 401


def test_an_unknown_kind_is_refused_by_name_not_dropped(seed: Seed) -> None:
    op = {"op_id": "plugin-unknown-1", "kind": "teleport", "lane": "a", "payload": {}}
    answer = httpx.post(
        f"{seed.base_url}/admin/comptoir/operations",
        auth=(seed.secret_key, ""),
        json=_batch(seed, [op]),
    )
    assert answer.status_code == 200
    [outcome] = answer.json()["outcomes"]
    assert outcome["op_id"] == "plugin-unknown-1"
    assert outcome["status"] == "rejected"
    assert outcome["code"] == "not_supported"
    assert "teleport" in outcome["reason"]


def test_a_malformed_batch_is_a_400_naming_the_field(seed: Seed) -> None:
    answer = httpx.post(
        f"{seed.base_url}/admin/comptoir/operations",
        auth=(seed.secret_key, ""),
        json={"terminal_id": "T01"},
    )
    assert answer.status_code == 400
    assert "sales_channel_id" in answer.json()["message"]
