"""The web channel's reservations and the operator's changes reach the tills' feeds."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from sync.contract import AvailabilityResponse, CatalogItem, ReservationResponse, StockItem
from tests.central.conftest import LYON, PARIS, pull_all, stock_level
from tests.support.central_server import CentralServer


@pytest.fixture(scope="module")
def web(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.web_token) as client:
        yield client


@pytest.fixture(scope="module")
def lyon(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, "W1")) as client:
        yield client


def _reserve(
    web: httpx.Client, reservation_id: str, lines: list, store: str = LYON
) -> httpx.Response:
    return web.post(
        "/v1/web/reservations",
        json={"reservation_id": reservation_id, "store_id": store, "lines": lines},
    )


def test_availability_lists_every_store(central: CentralServer, web: httpx.Client) -> None:
    central.count_stock(LYON, "SKU0000020", 30)
    response = web.get("/v1/web/availability", params={"sku": "SKU0000020"})
    availability = AvailabilityResponse.model_validate_json(response.content)
    stores = {s.store_id: s for s in availability.stores}
    assert set(stores) == {LYON, PARIS, "entrepot-web"}  # the web warehouse too (issue 16)
    assert (stores[LYON].on_hand, stores[LYON].available) == (30, 30)


def test_availability_of_an_unknown_sku_is_404(web: httpx.Client) -> None:
    assert web.get("/v1/web/availability", params={"sku": "NOPE"}).status_code == 404
    assert web.get("/v1/web/availability").status_code == 404


def test_a_reservation_raises_reserved_in_the_stock_feed(
    central: CentralServer, web: httpx.Client, lyon: httpx.Client
) -> None:
    central.count_stock(LYON, "SKU0000021", 10)
    _items, cursor = pull_all(lyon, LYON, "stock")
    lines = [{"sku": "SKU0000021", "quantity": 3}]
    response = _reserve(web, "web-1", lines)
    assert response.status_code == 201
    assert ReservationResponse.model_validate_json(response.content).status == "held"
    again = _reserve(web, "web-1", lines)  # idempotent: no second hold
    assert again.status_code == 201
    changed, _ = pull_all(lyon, LYON, "stock", cursor=cursor)
    assert [(i["sku"], i["on_hand"], i["reserved"]) for i in changed] == [("SKU0000021", 10, 3)]

    released = web.delete("/v1/web/reservations/web-1")
    assert released.json()["status"] == "released"
    assert web.delete("/v1/web/reservations/web-1").status_code == 200  # idempotent
    assert stock_level(lyon, LYON, 21)["reserved"] == 0


def test_a_reservation_id_reused_for_other_lines_is_a_conflict(web: httpx.Client) -> None:
    assert _reserve(web, "web-2", [{"sku": "SKU0000022", "quantity": 1}]).status_code in (201, 409)
    response = _reserve(web, "web-2", [{"sku": "SKU0000022", "quantity": 2}])
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_reserving_more_than_available_is_refused_whole(
    central: CentralServer, web: httpx.Client, lyon: httpx.Client
) -> None:
    central.count_stock(LYON, "SKU0000023", 2)
    central.count_stock(LYON, "SKU0000024", 5)
    lines = [{"sku": "SKU0000024", "quantity": 1}, {"sku": "SKU0000023", "quantity": 3}]
    assert _reserve(web, "web-3", lines).status_code == 409
    assert stock_level(lyon, LYON, 24)["reserved"] == 0  # nothing half-applied


def test_reserving_in_an_unknown_store_or_sku_is_404(web: httpx.Client) -> None:
    assert (
        _reserve(web, "web-4", [{"sku": "SKU0000001", "quantity": 1}], "nowhere").status_code == 404
    )
    assert _reserve(web, "web-5", [{"sku": "NOPE", "quantity": 1}]).status_code == 404
    assert web.delete("/v1/web/reservations/never-made").status_code == 404


def test_a_malformed_reservation_is_400(web: httpx.Client) -> None:
    assert _reserve(web, "web-6", [{"sku": "SKU0000001", "quantity": 0}]).status_code == 400
    assert _reserve(web, "web-6", [{"sku": "SKU0000001", "quantity": 1.0}]).status_code == 400
    assert _reserve(web, "web-6", []).status_code == 400


def test_a_price_change_reaches_the_catalog_feed(
    central: CentralServer, lyon: httpx.Client
) -> None:
    _items, cursor = pull_all(lyon, LYON, "catalog")
    item = CatalogItem.model_validate(central.set_price("SKU0000030", 4321))
    changed, _ = pull_all(lyon, LYON, "catalog", cursor=cursor)
    assert [(i["id"], i["price_cents"]) for i in changed] == [(30, 4321)]
    assert changed[0]["version"] == item.version


def test_a_full_product_upsert_creates_then_updates(
    central: CentralServer, lyon: httpx.Client
) -> None:
    product = {
        "name": "Café moulu pur arabica 250 g", "brand": "Maison Test", "department": "epicerie",
        "price_cents": 459, "vat_bp": 550, "barcodes": ["3000000000017"],
    }  # fmt: skip
    created = central.admin("PUT", "/v1/admin/products/NEW-001", json=product)
    assert created.status_code == 201
    new_id = created.json()["id"]
    assert new_id == 3001
    updated = central.admin("PUT", "/v1/admin/products/NEW-001", json=product | {"active": False})
    assert updated.status_code == 200 and updated.json()["active"] is False
    items, _ = pull_all(lyon, LYON, "catalog")
    assert [i["active"] for i in items if i["id"] == new_id] == [False]


def test_product_changes_that_contradict_the_catalog_are_refused(central: CentralServer) -> None:
    taken = pull_barcode_of_product_1(central)
    clash = {"name": "Doublon", "price_cents": 100, "vat_bp": 550, "barcodes": [taken]}
    assert central.admin("PUT", "/v1/admin/products/NEW-002", json=clash).status_code == 409
    assert (
        central.admin("PUT", "/v1/admin/products/NOPE", json={"price_cents": 1}).status_code == 404
    )
    bad = central.admin("PUT", "/v1/admin/products/SKU0000001", json={"price_cents": -5})
    assert bad.status_code == 400
    assert central.admin("PUT", "/v1/admin/products/SKU0000001", content=b"nope").status_code == 400


def pull_barcode_of_product_1(central: CentralServer) -> str:
    with central.client(central.enrol(LYON, "W2")) as client:
        page = client.get(f"/v1/stores/{LYON}/feeds/catalog", params={"limit": 1}).json()
    return str(page["items"][0]["barcodes"][0])


def test_a_stock_count_sets_the_level(central: CentralServer, lyon: httpx.Client) -> None:
    item = StockItem.model_validate(central.count_stock(LYON, "SKU0000031", 77))
    assert item.on_hand == 77
    assert stock_level(lyon, LYON, 31)["on_hand"] == 77
    assert central.admin("POST", "/v1/admin/stores/nowhere/stock",
                         json={"sku": "SKU0000031", "on_hand": 1}).status_code == 404  # fmt: skip
