"""Central keeps and serves promotions whole (contract v2): what the operator writes is
what a till pulls, through the real sync engine, into the book it prices with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pos.domain.promotions import Kind, Target
from pos.store import promotion_feed
from pos.store.local_store import LocalStore
from pos.store.promotion_book import load_book
from sync.central.promotions import RULE_FIELDS
from tests.central.conftest import LYON, pull_all
from tests.support.central_server import CentralServer
from tests.sync.terminals import open_terminal

WHOLE: dict[str, Any] = {
    "name": "2e à -50 % sur les cafés (Paris, carte)",
    "kind": "nth_percent",
    "value": 5000,
    "skus": ["SKU0000002"],
    "departments": ["epicerie"],
    "brands": ["Prix Doux"],
    "everything": False,
    "priority": 7,
    "exclusive": True,
    "stackable": True,
    "stores": ["paris-rivoli", LYON],
    "channels": ["web"],
    "customer_only": True,
    "coupon_code": "CAFE 2",
    "single_use_codes": False,
    "n": 2,
    "m": 0,
    "threshold_cents": 0,
    "starts_at": "2026-01-01T00:00:00+01:00",
    "ends_at": "2031-01-01T00:00:00.000Z",
}


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=50) as server:
        yield server


def test_central_keeps_the_tills_rule_fields() -> None:
    assert RULE_FIELDS == promotion_feed.RULE_FIELDS


def test_every_field_reaches_the_tills_book(central: CentralServer, tmp_path: Path) -> None:
    response = central.admin("PUT", "/v1/admin/promotions/501", json=WHOLE)
    assert response.status_code == 201, response.text
    with central.client(central.enrol(LYON, "V1")) as client:
        items, _ = pull_all(client, LYON, "promotions")
    [served] = [item for item in items if item["id"] == 501]
    assert {key: served[key] for key in RULE_FIELDS} == {key: WHOLE[key] for key in RULE_FIELDS}
    assert served["starts_at"] == "2025-12-31T23:00:00.000Z"  # the house format

    terminal = open_terminal(tmp_path / "till", central, "V2")
    try:
        assert terminal.sync().state == "idle"
    finally:
        terminal.close()
    with LocalStore(terminal.path) as store:
        loaded = load_book(store.conn)
    [promotion] = [p for p in loaded.promotions if p.id == 501]
    assert loaded.skipped == ()
    assert (promotion.kind, promotion.value, promotion.n, promotion.priority) == (
        Kind.NTH_PERCENT, 5000, 2, 7,
    )  # fmt: skip
    assert promotion.target == Target(
        frozenset({"SKU0000002"}), frozenset({"epicerie"}), frozenset({"Prix Doux"})
    )
    assert (promotion.exclusive, promotion.stackable, promotion.customer_only) == (True,) * 3
    assert promotion.stores == frozenset({"paris-rivoli", LYON})
    assert (promotion.channels, promotion.coupon_code) == (frozenset({"web"}), "CAFE2")
