"""No-shows: the operator's expiry run expires overdue open orders and frees their stock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tests.central.conftest import LYON, push, stock_level
from tests.support.central_server import CentralServer, pickup_move

SKU, PRODUCT_ID = "SKU0000180", 180


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    path: Path = tmp_path_factory.mktemp("central") / "central.db"
    with CentralServer(path, products=300) as server:
        server.count_stock(LYON, SKU, 50)
        yield server


@pytest.fixture(scope="module")
def desk(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, "X1")) as client:
        yield client


def test_expiry_releases_stock_and_beats_a_late_desk(
    central: CentralServer, desk: httpx.Client
) -> None:
    now = datetime.now(UTC)
    overdue = central.place_pickup_order("web-late", {SKU: 4}, due_at=_iso(now - timedelta(days=8)))
    assert overdue["expires_at"] < _iso(now)  # due + 7 days has passed
    fresh = central.place_pickup_order("web-fresh", {SKU: 3})
    assert stock_level(desk, LYON, PRODUCT_ID)["reserved"] == 7

    run = central.expire_pickups()
    assert [(e["order_id"], e["from_state"]) for e in run["expired"]] == [("web-late", "received")]
    assert stock_level(desk, LYON, PRODUCT_ID)["reserved"] == 3
    assert central.pickup_order("web-late")["state"] == "expired"
    assert central.expire_pickups()["expired"] == []  # nothing twice

    [late] = push(desk, LYON, "X1", [pickup_move("late-1", 1, overdue, "preparing")])
    assert (late["status"], late["code"]) == ("rejected", "conflict")
    assert "expired" in late["reason"]
    cancel = central.web("POST", "/v1/web/pickup-orders/web-late/cancel", {})
    assert cancel.status_code == 409

    # Made ready, an order is held PICKUP_HOLD_DAYS (7) from then: "now" moves on.
    [prep] = push(desk, LYON, "X1", [pickup_move("fresh-1", 2, fresh, "preparing")])
    assert prep["status"] == "accepted"
    fresh = central.pickup_order("web-fresh")
    [ready] = push(desk, LYON, "X1", [pickup_move("fresh-2", 3, fresh, "ready")])
    assert ready["status"] == "accepted"
    assert central.expire_pickups(_iso(now + timedelta(days=6)))["expired"] == []
    run = central.expire_pickups(_iso(now + timedelta(days=8)))
    assert [(e["order_id"], e["from_state"]) for e in run["expired"]] == [("web-fresh", "ready")]
    assert stock_level(desk, LYON, PRODUCT_ID) | {"version": 0} == {
        "product_id": PRODUCT_ID, "sku": SKU, "on_hand": 50, "reserved": 0, "version": 0,
    }  # fmt: skip


def test_expiry_is_the_operators_call(central: CentralServer, desk: httpx.Client) -> None:
    assert desk.post("/v1/admin/pickups/expire", json={}).status_code == 401
    assert central.admin("POST", "/v1/admin/pickups/expire", json={"now": "soon"}).status_code == (
        400
    )
