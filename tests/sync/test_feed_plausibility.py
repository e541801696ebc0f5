"""Implausible pulled pages are refused whole, through the engine, from a real central
server on 127.0.0.1 behind a proxy that edits its pages: nothing of the page applied,
the feed's cursor unchanged, the refusal named in the status; a later sound page applies."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pos.store import feed_cursors
from tests.support.central_server import CentralServer
from tests.sync.hostile_proxy import HostileProxy
from tests.sync.terminals import Terminal, open_terminal

Page = dict[str, Any]


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    """One server for the module: these tests only pull (and change one price)."""
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


@pytest.fixture
def proxy(central: CentralServer) -> Iterator[HostileProxy]:
    with HostileProxy(central.url) as opened:
        yield opened


@pytest.fixture
def till(tmp_path: Path, central: CentralServer, proxy: HostileProxy) -> Iterator[Terminal]:
    # the feeds' pages from the first sync (the snapshot's checks: tests/sync/test_snapshot.py)
    terminal = open_terminal(tmp_path / "till", central, url=proxy.url, use_snapshot=False)
    yield terminal
    terminal.close()


def edit_first(change: Callable[[list[dict[str, Any]]], None]) -> Callable[[Page], Page]:
    def rewrite(page: Page) -> Page:
        if page["items"]:
            change(page["items"])
        return page

    return rewrite


def table(till: Terminal, sql: str) -> list[tuple]:
    with till.store() as store:
        return store.conn.execute(sql).fetchall()


def cursor(till: Terminal, feed: str) -> str | None:
    with till.store() as store:
        return feed_cursors.cursor(store.conn, feed)


def set_item(**fields: Any) -> Callable[[list[dict[str, Any]]], None]:
    def change(items: list[dict[str, Any]]) -> None:
        items[0].update(fields)

    return change


def sku_of_the_next(items: list[dict[str, Any]]) -> None:
    items[0]["sku"] = items.pop(1)["sku"]  # no duplicate: the other product stays known here


def duplicate(key: str) -> Callable[[list[dict[str, Any]]], None]:
    def change(items: list[dict[str, Any]]) -> None:
        items[1][key] = items[0][key]

    return change


STOCK_CASES = {
    "negative_reserved": (set_item(reserved=-1000), "reserved = -1000, below zero"),
    "absurd_on_hand": (set_item(on_hand=-999_999), "on_hand = -999999, outside"),
    "held_far_beyond_on_hand": (
        set_item(on_hand=10, reserved=500_000),
        "reserved = 500000, more than on_hand (10)",
    ),
    "sku_of_another_product": (sku_of_the_next, "which belongs to product"),
    "duplicate_id": (duplicate("product_id"), "appears twice in one page"),
    "duplicate_sku": (duplicate("sku"), "appears twice in one page"),
}


@pytest.mark.parametrize("case", sorted(STOCK_CASES))
def test_an_implausible_stock_page_is_refused_whole(
    case: str, till: Terminal, proxy: HostileProxy
) -> None:
    change, named = STOCK_CASES[case]
    proxy.only, proxy.rewrite = "/feeds/stock", edit_first(change)
    status = till.sync()
    assert status.state == "error"
    assert "stock feed was refused" in (status.last_error or "")
    assert named in (status.last_error or "")
    assert table(till, "SELECT count(*) FROM products") == [(300,)]  # the catalog went in
    assert table(till, "SELECT count(*) FROM central_stock") == [(0,)]
    assert cursor(till, "stock") is None

    proxy.rewrite = None
    assert till.sync().state == "idle"
    assert table(till, "SELECT count(*) FROM central_stock") == [(300,)]


def test_held_units_beyond_a_level_oversold_by_sales_are_plausible(
    till: Terminal, proxy: HostileProxy
) -> None:
    """Central accepts sales beyond stock, so on_hand can fall below zero and below what
    is held: such a level is true, not implausible."""
    proxy.only, proxy.rewrite = "/feeds/stock", edit_first(set_item(on_hand=-3, reserved=5))
    assert till.sync().state == "idle"
    assert table(till, "SELECT on_hand, reserved FROM central_stock WHERE on_hand < 0") == [(-3, 5)]


CATALOG_CASES = {
    "duplicate_id": (duplicate("id"), "product id"),
    "duplicate_sku": (duplicate("sku"), "SKU"),
}


@pytest.mark.parametrize("case", sorted(CATALOG_CASES))
def test_a_catalog_page_naming_a_product_twice_is_refused(
    case: str, till: Terminal, proxy: HostileProxy
) -> None:
    change, named = CATALOG_CASES[case]
    proxy.only, proxy.rewrite = "/feeds/catalog", edit_first(change)
    status = till.sync()
    assert "catalog feed was refused" in (status.last_error or "")
    assert f"{named} " in (status.last_error or "") and "appears twice" in (status.last_error or "")
    assert table(till, "SELECT count(*) FROM products") == [(0,)]
    assert table(till, "SELECT count(*) FROM catalog_staging") == [(0,)]
    assert cursor(till, "catalog") is None


def test_a_catalog_item_with_the_sku_of_another_product_is_refused(
    till: Terminal, proxy: HostileProxy, central: CentralServer
) -> None:
    assert till.sync().state == "idle"
    (first_sku,), (second_sku,) = table(till, "SELECT sku FROM products ORDER BY id LIMIT 2")
    before_cursor = cursor(till, "catalog")
    changed = central.admin("PUT", f"/v1/admin/products/{second_sku}", json={"price_cents": 4321})
    assert changed.status_code == 200, changed.text
    proxy.only, proxy.rewrite = "/feeds/catalog", edit_first(set_item(sku=first_sku))

    status = till.sync()
    assert "catalog feed was refused" in (status.last_error or "")
    assert f"SKU {first_sku!r}, which belongs to product" in (status.last_error or "")
    kept = f"SELECT price_cents != 4321 FROM products WHERE sku = '{second_sku}'"
    assert table(till, kept) == [(1,)]
    assert cursor(till, "catalog") == before_cursor
