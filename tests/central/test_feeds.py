"""Feeds: pages in change order, opaque cursors bound to one feed and one store."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator

import httpx
import pytest

from sync.contract import PAGE_MODELS, ErrorResponse
from tests.central.conftest import LYON, PARIS, pull_all
from tests.support.central_server import CentralServer


@pytest.fixture(scope="module")
def lyon(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, "F1")) as client:
        yield client


def _get(client: httpx.Client, feed: str, store: str = LYON, **params: object) -> httpx.Response:
    return client.get(f"/v1/stores/{store}/feeds/{feed}", params=params)


@pytest.mark.parametrize(
    ("feed", "count"), [("catalog", 3000), ("stock", 3000), ("customers", 10), ("promotions", 20)]
)
def test_paging_covers_each_feed_once_in_change_order(
    lyon: httpx.Client, feed: str, count: int
) -> None:
    versions, cursor, pages = [], None, 0
    while True:
        params = {"limit": 700} | ({"cursor": cursor} if cursor else {})
        response = _get(lyon, feed, **params)
        assert response.status_code == 200
        page = PAGE_MODELS[feed].model_validate_json(response.content)  # the contract shape
        versions += [item.version for item in page.items]  # type: ignore[attr-defined]
        cursor, pages = page.next_cursor, pages + 1
        if not page.has_more:
            break
    assert len(versions) == count
    assert versions == sorted(set(versions))
    assert pages == -(-count // 700)  # a full last page already says has_more: false


def test_the_demo_catalog_is_the_tills(lyon: httpx.Client) -> None:
    items, _ = pull_all(lyon, LYON, "catalog", limit=5000)
    first = items[0]
    assert (first["id"], first["sku"]) == (1, "SKU0000001")
    assert [item["id"] for item in items] == list(range(1, 3001))


def test_the_last_cursor_returns_an_empty_page_until_something_changes(
    central: CentralServer, lyon: httpx.Client
) -> None:
    _items, cursor = pull_all(lyon, LYON, "catalog")
    page = _get(lyon, "catalog", cursor=cursor).json()
    assert (page["items"], page["has_more"]) == ([], False)
    assert page["next_cursor"] == cursor
    central.set_price("SKU0000042", 1234)
    central.set_price("SKU0000042", 1299)  # changed twice: served once, latest state
    page = _get(lyon, "catalog", cursor=cursor).json()
    assert [(i["sku"], i["price_cents"]) for i in page["items"]] == [("SKU0000042", 1299)]


def test_pickups_is_empty_until_the_web_places_an_order(lyon: httpx.Client) -> None:
    page = _get(lyon, "pickups").json()
    assert page["items"] == [] and page["has_more"] is False


def test_stock_is_per_store(central: CentralServer, lyon: httpx.Client) -> None:
    with central.client(central.enrol(PARIS, "F2")) as paris:
        paris_items, _ = pull_all(paris, PARIS, "stock")
    lyon_items, _ = pull_all(lyon, LYON, "stock")
    assert len(paris_items) == len(lyon_items) == 3000
    assert [i["on_hand"] for i in paris_items] != [i["on_hand"] for i in lyon_items]


def _bad_cursor(response: httpx.Response) -> None:
    assert response.status_code == 400, response.text
    assert ErrorResponse.model_validate_json(response.content).error.code == "bad_cursor"


@pytest.mark.parametrize("cursor", ["garbage", "a.b", "....", "x" * 500, "é"])
def test_a_cursor_the_server_did_not_make_is_refused(lyon: httpx.Client, cursor: str) -> None:
    _bad_cursor(_get(lyon, "catalog", cursor=cursor))


def test_a_forged_cursor_is_refused(lyon: httpx.Client) -> None:
    cursor = _get(lyon, "catalog", limit=1).json()["next_cursor"]
    body, mac = cursor.split(".")
    position = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    position["c"] = 2000  # skip ahead
    forged = base64.urlsafe_b64encode(json.dumps(position).encode()).rstrip(b"=").decode()
    _bad_cursor(_get(lyon, "catalog", cursor=f"{forged}.{mac}"))


def test_another_feeds_or_stores_cursor_is_refused(
    central: CentralServer, lyon: httpx.Client
) -> None:
    stock_cursor = _get(lyon, "stock", limit=1).json()["next_cursor"]
    _bad_cursor(_get(lyon, "catalog", cursor=stock_cursor))
    with central.client(central.enrol(PARIS, "F3")) as paris:
        paris_cursor = _get(paris, "stock", PARIS, limit=1).json()["next_cursor"]
    _bad_cursor(_get(lyon, "stock", cursor=paris_cursor))


@pytest.mark.parametrize("limit", ["0", "5001", "-1", "abc", "1.5", ""])
def test_a_bad_limit_is_refused(lyon: httpx.Client, limit: str) -> None:
    response = _get(lyon, "catalog", limit=limit)
    assert response.status_code == 400


def test_limits_at_the_bounds(lyon: httpx.Client) -> None:
    assert len(_get(lyon, "catalog", limit=1).json()["items"]) == 1
    assert len(_get(lyon, "catalog", limit=5000).json()["items"]) == 3000
    assert len(_get(lyon, "catalog").json()["items"]) == 1000  # the default


def test_an_unknown_feed_is_404(lyon: httpx.Client) -> None:
    response = _get(lyon, "orders")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
