"""The services the till's, stock's and pickup desk's workers open from a data folder:
what ``open_till`` builds (demo store, JET start, checkout), what ``close`` records and
releases, and the receipt choice recorded through a service. Real store files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pos.domain import fiscal_events as fe
from pos.domain.chain_entry import EVENT
from pos.services.desk_services import open_pickup_desk, open_stock
from pos.services.receipts import record_outcome
from pos.services.till_services import TillRules, open_till
from pos.store import chains
from pos.store.catalog_loader import load_catalog
from pos.store.local_store import LocalStore
from pos.store.receipts import receipt_events
from resources.demo.catalog import DEPARTMENTS, demo_products

RULES = TillRules(demo_if_empty=False, terminal_id="T07")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    with LocalStore(tmp_path / "store.db") as store:
        load_catalog(store.conn, DEPARTMENTS, list(demo_products(50, seed=3)))
    return tmp_path


def kinds(data_dir: Path) -> list[str]:
    with LocalStore(data_dir / "store.db") as store:
        return [entry.kind for entry in chains.entries(store.conn, EVENT)]


def test_open_till_signs_the_start_and_close_the_stop_then_releases_the_file(data_dir):
    services = open_till(data_dir, RULES)
    assert services.summary.terminal_id == "T07"
    assert services.checkout.terminal_id == "T07" and services.summary.product_count == 50
    services.close()
    assert kinds(data_dir)[-2:] == [fe.APP_STARTED, fe.APP_STOPPED]
    with pytest.raises(sqlite3.ProgrammingError):  # the connection is closed
        services.store.conn.execute("SELECT 1")


def test_an_empty_folder_becomes_the_demo_store_only_when_the_rules_say_so(tmp_path):
    (tmp_path / "bare").mkdir()
    bare = open_till(tmp_path / "bare", RULES)
    assert bare.summary.product_count == 0
    bare.close()


def test_the_receipt_choice_is_recorded_through_the_service(data_dir):
    services = open_till(data_dir, RULES)
    try:
        checkout = services.checkout
        services.sessions.open(checkout.actor, {2000: 5})
        product = services.store.catalog.search("a", 1)[0]
        checkout.add_product(product.id, 1)
        checkout.add_tender("cash", 100_000)
        sale = checkout.complete()
        record_outcome(services.store, sale.sale_id, "declined", "2026-11-25T09:00:00.000Z")
        record_outcome(services.store, sale.sale_id, "printed", "2026-11-25T09:00:01.000Z")
        assert receipt_events(services.store.conn, sale.sale_id) == ["declined", "printed"]
    finally:
        services.close()


def test_the_stock_and_pickup_desks_open_and_close_their_own_connection(data_dir):
    stock = open_stock(data_dir)
    pickup = open_pickup_desk(data_dir, store_id=None, tz=None)
    try:
        assert stock.desk is not None and stock.counts is not None
        assert pickup.actor("").display_name  # the first-start administrator, no staff yet
    finally:
        stock.close()
        pickup.close()
    with pytest.raises(sqlite3.ProgrammingError):
        stock._store.conn.execute("SELECT 1")
