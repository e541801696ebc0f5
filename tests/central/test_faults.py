"""Each injected fault, as an httpx client really sees it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.central.conftest import LYON, ops_path, push
from tests.support.central_server import CentralServer
from tests.support.sale_ops import SaleChain

TERMINAL = "X1"
PATH = ops_path(LYON, TERMINAL)
FEED = f"/v1/stores/{LYON}/feeds/stock"


@pytest.fixture(scope="module")
def till(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, TERMINAL)) as client:
        yield client


@pytest.fixture(autouse=True)
def no_faults_after(central: CentralServer) -> Iterator[None]:
    yield
    central.clear_faults()


@pytest.fixture(scope="module")
def chain() -> SaleChain:
    return SaleChain(TERMINAL)


def test_an_injected_500_does_nothing(
    central: CentralServer, till: httpx.Client, chain: SaleChain
) -> None:
    before = central.stats()
    central.set_faults(error_rate=10_000)
    response = till.post(PATH, json={"operations": [chain.sale()]})
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal"
    assert central.stats() == before


def test_a_cut_before_the_work_is_a_transport_error_and_applies_nothing(
    central: CentralServer, till: httpx.Client, chain: SaleChain
) -> None:
    before = central.stats()
    op = chain.sale()
    central.set_faults(reset_before_rate=10_000)
    with pytest.raises(httpx.TransportError):
        till.post(PATH, json={"operations": [op]})
    assert central.stats() == before
    central.clear_faults()
    assert push(till, LYON, TERMINAL, [op])[0]["status"] == "accepted"


def test_a_cut_after_the_commit_is_a_transport_error_but_applied(
    central: CentralServer, till: httpx.Client, chain: SaleChain
) -> None:
    before = central.stats()
    ops = [chain.sale(), chain.sale()]
    central.set_faults(reset_after_rate=10_000)
    with pytest.raises(httpx.TransportError):
        till.post(PATH, json={"operations": ops})
    assert central.stats()["sales"] == before["sales"] + 2  # it did apply
    central.clear_faults()
    assert [r["status"] for r in push(till, LYON, TERMINAL, ops)] == ["duplicate"] * 2


def test_a_cut_after_a_feed_page_is_a_transport_error(
    central: CentralServer, till: httpx.Client
) -> None:
    central.set_faults(reset_after_rate=10_000)
    with pytest.raises(httpx.TransportError):
        till.get(FEED, params={"limit": 5000})


def test_a_slow_body_trips_a_short_read_timeout(central: CentralServer, till: httpx.Client) -> None:
    central.set_faults(slow_body_ms=60)
    with pytest.raises(httpx.ReadTimeout):
        till.get(FEED, params={"limit": 50}, timeout=httpx.Timeout(5.0, read=0.03))
    started = time.monotonic()
    response = till.get(FEED, params={"limit": 50})
    assert response.status_code == 200 and len(response.json()["items"]) == 50
    assert time.monotonic() - started >= 0.4  # 8 pieces, 60 ms before each


def test_latency_delays_every_request(central: CentralServer, till: httpx.Client) -> None:
    central.set_faults(latency_ms=150)
    started = time.monotonic()
    assert till.get(FEED, params={"limit": 1}).status_code == 200
    assert time.monotonic() - started >= 0.15


def test_admin_calls_are_never_faulted(central: CentralServer) -> None:
    central.set_faults(error_rate=10_000)
    assert central.admin("GET", "/v1/admin/stats").status_code == 200


def test_faults_are_reproducible_from_their_seed(
    central: CentralServer, till: httpx.Client
) -> None:
    def statuses() -> list[int]:
        central.set_faults(seed=7, error_rate=5_000)
        return [till.get(FEED, params={"limit": 1}).status_code for _ in range(20)]

    first = statuses()
    assert set(first) == {200, 500}
    assert statuses() == first


def test_rates_over_100_percent_in_total_are_refused(central: CentralServer) -> None:
    response = central.admin(
        "PUT", "/v1/_faults", json={"error_rate": 6000, "reset_after_rate": 6000}
    )
    assert response.status_code == 400


def test_without_the_faults_flag_the_switch_is_404(tmp_path: Path) -> None:
    with CentralServer(tmp_path / "plain.db", products=10, faults=False) as plain:
        response = plain.admin("PUT", "/v1/_faults", json={"error_rate": 10_000})
        assert response.status_code == 404
