"""Who wins an order: a customer cancelling online, two desks, a code scanned twice."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.central.conftest import LYON, ops_path, push, stock_level
from tests.support.central_server import CentralServer, pickup_move

SKU, PRODUCT_ID = "SKU0000170", 170


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    path: Path = tmp_path_factory.mktemp("central") / "central.db"
    with CentralServer(path, products=300) as server:
        server.count_stock(LYON, SKU, 1000)
        yield server


@pytest.fixture(scope="module")
def desks(central: CentralServer) -> Iterator[dict[str, httpx.Client]]:
    """Two desks of one store, each with its own terminal token."""
    clients = {name: central.client(central.enrol(LYON, name)) for name in ("T01", "T02")}
    yield clients
    for client in clients.values():
        client.close()


def _move(desks: dict[str, httpx.Client], terminal: str, op: dict[str, Any]) -> dict[str, Any]:
    [result] = push(desks[terminal], LYON, terminal, [op])
    return result


def _ready(central: CentralServer, desks: dict[str, httpx.Client], order_id: str) -> dict:
    """A Lyon order of 2, made ready by T01."""
    order = central.place_pickup_order(order_id, {SKU: 2})
    assert _move(desks, "T01", pickup_move(f"{order_id}-p", 1, order, "preparing"))["status"] == (
        "accepted"
    )
    order = central.pickup_order(order_id)
    assert _move(desks, "T01", pickup_move(f"{order_id}-r", 2, order, "ready"))["status"] == (
        "accepted"
    )
    return central.pickup_order(order_id)


def test_a_desk_moving_an_order_cancelled_online_gets_a_conflict(
    central: CentralServer, desks: dict[str, httpx.Client]
) -> None:
    before = stock_level(desks["T01"], LYON, PRODUCT_ID)["reserved"]
    order = _ready(central, desks, "web-cancelled")
    cancelled = central.web(
        "POST", "/v1/web/pickup-orders/web-cancelled/cancel", {"reason": "Changed my mind"}
    )
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
    assert stock_level(desks["T01"], LYON, PRODUCT_ID)["reserved"] == before  # released

    stale = _move(desks, "T01", pickup_move("cancelled-handover", 3, order, "collected"))
    assert (stale["status"], stale["code"]) == ("rejected", "conflict")
    assert "cancelled online at" in stale["reason"]
    assert central.pickup_order("web-cancelled")["version"] == 4

    again = central.web("POST", "/v1/web/pickup-orders/web-cancelled/cancel")  # no body
    assert again.status_code == 200 and again.json()["version"] == 4  # a retry changes nothing


def test_a_collected_order_cannot_be_cancelled_online(
    central: CentralServer, desks: dict[str, httpx.Client]
) -> None:
    order = _ready(central, desks, "web-gone")
    assert _move(desks, "T02", pickup_move("gone-1", 3, order, "collected"))["status"] == (
        "accepted"
    )
    refused = central.web("POST", "/v1/web/pickup-orders/web-gone/cancel", {})
    assert refused.status_code == 409
    assert "collected at terminal T02 by Inès" in refused.json()["error"]["message"]
    assert central.web("POST", "/v1/web/pickup-orders/never/cancel", {}).status_code == 404


def test_a_desk_can_cancel_and_the_web_sees_who(
    central: CentralServer, desks: dict[str, httpx.Client]
) -> None:
    order = central.place_pickup_order("web-desk-cancel", {SKU: 1})
    op = pickup_move("desk-cancel", 1, order, "cancelled", staff="Hugo")
    op["payload"]["reason"] = "Customer phoned"
    assert _move(desks, "T02", op)["status"] == "accepted"
    last = central.pickup_order("web-desk-cancel")["history"][-1]
    assert (last["state"], last["terminal_id"], last["staff"], last["reason"]) == (
        "cancelled", "T02", "Hugo", "Customer phoned",
    )  # fmt: skip


def test_a_code_scanned_twice_hands_over_once(
    central: CentralServer, desks: dict[str, httpx.Client]
) -> None:
    order = _ready(central, desks, "web-twice")
    on_hand = stock_level(desks["T01"], LYON, PRODUCT_ID)["on_hand"]
    handover = pickup_move("twice-1", 3, order, "collected")
    assert _move(desks, "T01", handover)["status"] == "accepted"
    assert _move(desks, "T01", handover)["status"] == "duplicate"  # a retried push
    second = _move(desks, "T01", pickup_move("twice-2", 4, order, "collected"))  # a new scan
    assert (second["status"], second["code"]) == ("rejected", "conflict")
    assert "collected at terminal T01" in second["reason"]
    assert stock_level(desks["T01"], LYON, PRODUCT_ID)["on_hand"] == on_hand - 2


def _race(desks: dict[str, httpx.Client], order: dict, n: int) -> dict[str, dict[str, Any]]:
    """Both desks push the handover of ``order`` at the same instant; each one's result."""
    start = threading.Barrier(2)
    results: dict[str, dict[str, Any]] = {}

    def hand_over(terminal: str) -> None:
        op = pickup_move(f"race-{n}-{terminal}", 10 + n, order, "collected")
        start.wait()
        response = desks[terminal].post(ops_path(LYON, terminal), json={"operations": [op]})
        results[terminal] = response.json()["results"][0]

    threads = [threading.Thread(target=hand_over, args=(t,)) for t in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    return results


def test_two_desks_handing_over_at_once_one_wins(
    central: CentralServer, desks: dict[str, httpx.Client]
) -> None:
    orders = [_ready(central, desks, f"web-race-{n}") for n in range(6)]
    on_hand = stock_level(desks["T01"], LYON, PRODUCT_ID)["on_hand"]
    for n, order in enumerate(orders):
        results = _race(desks, order, n)
        statuses = sorted((r["status"], r["code"]) for r in results.values())
        assert statuses == [("accepted", None), ("rejected", "conflict")]
        winner = next(t for t, r in results.items() if r["status"] == "accepted")
        loser = next(r for r in results.values() if r["status"] == "rejected")
        assert f"collected at terminal {winner}" in loser["reason"]
    assert stock_level(desks["T01"], LYON, PRODUCT_ID)["on_hand"] == on_hand - 2 * len(orders)


def test_a_stale_version_is_a_conflict_naming_the_other_desk(
    central: CentralServer, desks: dict[str, httpx.Client]
) -> None:
    order = central.place_pickup_order("web-stale", {SKU: 1})
    assert _move(desks, "T02", pickup_move("stale-1", 1, order, "preparing"))["status"] == (
        "accepted"
    )
    late = _move(desks, "T01", pickup_move("stale-2", 1, order, "preparing"))
    assert (late["status"], late["code"]) == ("rejected", "conflict")
    assert "preparing" in late["reason"] and "T02" in late["reason"]
