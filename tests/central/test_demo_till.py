"""A real demo till and the demo server agree: same catalog, and its sales witnessed clean.

This is the one test that builds the till's own store (``pos``), to check what the server
was built to match: product ids, prices and barcodes, the outbox payloads and the chain.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pos.services.demo_store import build_demo_store
from pos.store.local_store import LocalStore
from tests.central.conftest import LYON, pull_all, push
from tests.support.central_server import CentralServer

PRODUCTS = 400


@pytest.fixture(scope="module")
def till_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("till") / "store.db"
    with LocalStore(path) as store:
        build_demo_store(store, products=PRODUCTS, days=2, today=date(2025, 11, 25))
    return path


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    path = tmp_path_factory.mktemp("central") / "central.db"
    with CentralServer(path, products=PRODUCTS) as server:
        yield server


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_the_servers_catalog_is_the_tills(central: CentralServer, till_db: Path) -> None:
    till = {
        row[0]: row[1:]
        for row in _rows(
            till_db, "SELECT id, sku, name, price_cents, vat_bp, sold_by, plu FROM products"
        )
    }
    codes: dict[int, set[str]] = {}
    for code, product_id in _rows(till_db, "SELECT code, product_id FROM barcodes"):
        codes.setdefault(product_id, set()).add(code)
    with central.client(central.enrol(LYON, "T01")) as client:
        items, _ = pull_all(client, LYON, "catalog")
    served = {
        i["id"]: (i["sku"], i["name"], i["price_cents"], i["vat_bp"], i["sold_by"], i["plu"])
        for i in items
    }
    assert served == till
    assert {i["id"]: set(i["barcodes"]) for i in items if i["barcodes"]} == codes


def test_the_tills_outbox_is_accepted_clean_and_stock_agrees(
    central: CentralServer, till_db: Path
) -> None:
    ops = [
        {"op_id": op_id, "seq": seq, "kind": kind, "payload": json.loads(payload)}
        for seq, op_id, kind, payload in _rows(
            till_db, "SELECT seq, op_id, kind, payload FROM outbox ORDER BY seq"
        )
    ]
    assert ops, "the demo till recorded past sales"
    [(key_id, pem)] = _rows(till_db, "SELECT key_id, public_pem FROM terminal_keys")
    key = {"key_id": key_id, "public_pem": pem}  # the demo store's own key
    with central.client(central.enrol(LYON, "T01", terminal_key=key)) as client:
        results = push(client, LYON, "T01", ops)
        assert {(r["status"], tuple(r["warnings"])) for r in results} == {("accepted", ())}
        levels, _ = pull_all(client, LYON, "stock")
    [(head_seq, head_sig)] = _rows(
        till_db, "SELECT seq, sig FROM chain_entries WHERE chain = 'ticket' "
        "ORDER BY seq DESC LIMIT 1",
    )  # fmt: skip
    witness = central.witness(LYON, "T01")
    ticket = [h for h in witness["heads"] if h["chain"] == "ticket"]
    assert [(h["head_seq"], h["head_sig"]) for h in ticket] == [(head_seq, head_sig)]
    assert (witness["keys"], witness["flags"]) == (1, [])
    till_levels = dict(_rows(till_db, "SELECT product_id, on_hand FROM stock"))
    assert {i["product_id"]: i["on_hand"] for i in levels} == till_levels


def test_the_demo_till_has_the_servers_promotions(central: CentralServer, till_db: Path) -> None:
    """Both load ``resources/demo/promotions.json``: the till without a server, so its
    basket shows promotions; the server seeds them into its feed."""
    from pos.domain.promotions.fields import promotion_from_fields
    from pos.store.promotion_book import load_book
    from sync.central.promotions import RULE_FIELDS

    with central.client(central.enrol(LYON, "T05")) as client:
        served, _ = pull_all(client, LYON, "promotions")
    from_feed = tuple(
        promotion_from_fields(item["id"], item["name"], item["kind"], item["value"],
                              item["starts_at"], item["ends_at"],
                              {key: item[key] for key in RULE_FIELDS})
        for item in served
    )  # fmt: skip
    with LocalStore(till_db) as store:
        loaded = load_book(store.conn)
        cursor = store.conn.execute("SELECT 1 FROM feed_cursors WHERE feed = 'promotions'")
        assert cursor.fetchone() is None  # an enrolled demo till pulls the feed from its start
    assert len(from_feed) == 20 and loaded.skipped == ()
    assert loaded.promotions == from_feed
