"""Stock across the network over the real server (issue 16): the network_stock feed, the
live lookup, and orders a till places for a customer at another store or for delivery."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sync.contract.feeds import NetworkStockPage
from sync.contract.network import CustomerOrder, NetworkStock
from tests.central.conftest import LYON, PARIS, pull_all
from tests.support.central_server import CentralServer

WAREHOUSE = "entrepot-web"
CUSTOMER = "CLI-0001"


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    path: Path = tmp_path_factory.mktemp("central") / "central.db"
    with CentralServer(path, products=300) as server:
        yield server


@pytest.fixture(scope="module")
def lyon(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, "T01")) as client:
        yield client


@pytest.fixture(scope="module")
def paris(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(PARIS, "T01")) as client:
        yield client


def _order(client: httpx.Client, store_id: str = LYON, **fields: Any) -> httpx.Response:
    body = {
        "order_id": "o-1",
        "fulfilment": "pickup",
        "customer_id": CUSTOMER,
        "lines": [{"sku": "SKU0000040", "quantity": 1}],
        "pickup_store_id": PARIS,
    } | fields
    return client.post(f"/v1/stores/{store_id}/customer-orders", json=body)  # fmt: skip


def test_the_feed_serves_other_locations_only_then_their_changes(
    central: CentralServer, lyon: httpx.Client
) -> None:
    response = lyon.get(f"/v1/stores/{LYON}/feeds/network_stock", params={"limit": 100})
    assert response.status_code == 200
    NetworkStockPage.model_validate_json(response.content)  # the contract's shape
    items, cursor = pull_all(lyon, LYON, "network_stock")
    assert {i["store_id"] for i in items} == {PARIS, WAREHOUSE}
    assert len(items) == 2 * 300
    warehouse = [i for i in items if i["store_id"] == WAREHOUSE and i["product_id"] == 7]
    assert warehouse[0]["kind"] == "warehouse" and warehouse[0]["name"] == "Entrepôt web"

    central.count_stock(PARIS, "SKU0000007", 42)
    central.count_stock(LYON, "SKU0000008", 5)  # Lyon's own change: not in Lyon's feed
    changed, _ = pull_all(lyon, LYON, "network_stock", cursor=cursor)
    assert [(i["store_id"], i["sku"], i["on_hand"]) for i in changed] == [(PARIS, "SKU0000007", 42)]


def test_the_live_lookup_names_every_location(central: CentralServer, lyon: httpx.Client) -> None:
    central.count_stock(PARIS, "SKU0000009", 11)
    response = lyon.get(f"/v1/stores/{LYON}/network-stock/9")
    assert response.status_code == 200, response.text
    found = NetworkStock.model_validate_json(response.content)
    by_id = {location.store_id: location for location in found.locations}
    assert set(by_id) == {LYON, PARIS, WAREHOUSE}
    assert (by_id[PARIS].on_hand, by_id[PARIS].available, by_id[PARIS].kind) == (11, 11, "store")
    assert by_id[WAREHOUSE].kind == "warehouse"
    assert lyon.get(f"/v1/stores/{LYON}/network-stock/999999").status_code == 404
    assert lyon.get(f"/v1/stores/{LYON}/network-stock/abc").status_code == 404
    assert central.client().get(f"/v1/stores/{LYON}/network-stock/9").status_code == 401


def test_an_order_for_pickup_at_paris_reaches_paris_desk_once(
    central: CentralServer, lyon: httpx.Client, paris: httpx.Client
) -> None:
    central.count_stock(PARIS, "SKU0000040", 3)
    _, cursor = pull_all(paris, PARIS, "pickups")
    first = _order(lyon, order_id="aisle-1")
    assert first.status_code == 200, first.text
    order = CustomerOrder.model_validate_json(first.content)
    assert (order.location_id, order.ordered_by, order.paid) == (PARIS, LYON, False)
    assert order.pickup_code is not None
    again = _order(lyon, order_id="aisle-1")  # a retry after a lost reply
    assert again.json() == first.json()

    seen, _ = pull_all(paris, PARIS, "pickups", cursor=cursor)
    assert [(o["id"], o["state"], o["customer"]["name"]) for o in seen] == [
        ("aisle-1", "received", seen[0]["customer"]["name"])
    ]
    assert seen[0]["pickup_code"] == order.pickup_code
    level = lyon.get(f"/v1/stores/{LYON}/network-stock/40").json()["locations"]
    assert [(x["reserved"], x["available"]) for x in level if x["store_id"] == PARIS] == [(1, 2)]

    other = _order(lyon, order_id="aisle-1", lines=[{"sku": "SKU0000040", "quantity": 2}])
    assert other.status_code == 409  # the same id for another order


def test_a_delivery_order_reserves_at_the_web_warehouse(lyon: httpx.Client) -> None:
    address = {"line": "12 rue de la Paix", "postcode": "75002", "city": "Paris"}
    response = _order(lyon, order_id="aisle-2", fulfilment="delivery", pickup_store_id=None,
                      address=address)  # fmt: skip
    assert response.status_code == 200, response.text
    order = CustomerOrder.model_validate_json(response.content)
    assert (order.fulfilment, order.location_id, order.pickup_code) == ("delivery", WAREHOUSE, None)
    level = lyon.get(f"/v1/stores/{LYON}/network-stock/40").json()["locations"]
    assert [x["reserved"] for x in level if x["store_id"] == WAREHOUSE] == [1]


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"pickup_store_id": "nowhere"}, 404),  # a store that does not exist
        ({"pickup_store_id": WAREHOUSE}, 409),  # a warehouse takes no pickups
        ({"pickup_store_id": None}, 400),
        ({"fulfilment": "delivery", "pickup_store_id": None}, 400),  # no address
        ({"customer_id": "CLI-NOBODY"}, 404),
        ({"lines": [{"sku": "SKU0000040", "quantity": 0}]}, 400),
        ({"lines": [{"sku": "SKU0000040", "quantity": 999}]}, 409),  # more than there is
    ],
)
def test_bad_orders_are_refused_and_place_nothing(
    central: CentralServer, lyon: httpx.Client, fields: dict[str, Any], status: int
) -> None:
    central.count_stock(PARIS, "SKU0000050", 100)
    order_id = f"bad-{status}-{len(str(fields))}"
    response = _order(lyon, order_id=order_id, **fields)
    assert response.status_code == status, response.text
    assert response.json()["error"]["message"]
    fixed = _order(lyon, order_id=order_id, lines=[{"sku": "SKU0000050", "quantity": 1}])
    assert fixed.status_code == 200, fixed.text  # the id stayed free: nothing was placed
