"""Idempotency is durable: after a crash (SIGKILL) and a restart, a re-push is a duplicate."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import pytest

from sync.central.db import SCHEMA_VERSION
from tests.central.conftest import LYON, pull_all, push, stock_level
from tests.support.central_server import CentralServer, CentralServerError
from tests.support.sale_ops import SaleChain


def test_duplicates_survive_a_crash_and_restart(tmp_path: Path) -> None:
    with CentralServer(tmp_path / "central.db", products=50) as central:
        token = central.enrol(LYON, "R1")
        chain = SaleChain("R1")
        ops = [chain.sale([(3, "SKU0000003", 1, 100)]) for _ in range(5)]
        with central.client(token) as client:
            assert {r["status"] for r in push(client, LYON, "R1", ops)} == {"accepted"}
            level = stock_level(client, LYON, 3)["on_hand"]
        url = central.url

        central.restart()  # SIGKILL, then the same database and port

        assert central.url == url
        with central.client(token) as client:  # the token survived too
            assert {r["status"] for r in push(client, LYON, "R1", ops)} == {"duplicate"}
            reused = copy.deepcopy(ops[0])
            reused["payload"]["sale"]["cashier"] = "Inès"
            [result] = push(client, LYON, "R1", [reused])
            assert result["code"] == "op_id_reused"
            assert stock_level(client, LYON, 3)["on_hand"] == level
            more = push(client, LYON, "R1", [chain.sale()])
        assert more[0]["warnings"] == []  # the witnessed chain survived: no break
        assert central.stats()["sales"] == 6
        assert central.stats()["products"] == 50  # the restart did not seed again
        assert central.chain(LYON, "R1")["head_seq"] == 6


def test_a_database_from_a_newer_server_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "central.db"
    with CentralServer(path, products=5):
        pass
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(CentralServerError, match="schema 99"):
        CentralServer(path, products=5).start()


def test_a_version_1_database_is_upgraded_in_place(tmp_path: Path) -> None:
    """Schema 1 had an empty placeholder ``pickups`` table; schema 2 makes it the orders."""
    path = tmp_path / "central.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE pickups (id TEXT PRIMARY KEY, store_id TEXT NOT NULL, "
        "status TEXT NOT NULL, change_seq INTEGER NOT NULL) WITHOUT ROWID;"
        "CREATE INDEX pickups_change ON pickups(store_id, change_seq);"
        "PRAGMA user_version = 1;"
    )
    conn.close()
    with CentralServer(path, products=20) as central:
        order = central.place_pickup_order("web-after-upgrade", {"SKU0000003": 1})
        assert order["state"] == "received"
    conn = sqlite3.connect(path)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(pickups)")}
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    assert ("item" in columns, "status" in columns, version) == (True, False, SCHEMA_VERSION)


def test_a_version_2_database_keeps_its_promotions_as_version_1_rules(tmp_path: Path) -> None:
    """Schema 3 adds ``rule`` (contract v2's fields) to promotions: a promotion written
    before it is served and priced as it was, on its SKUs."""
    path = tmp_path / "central.db"
    with CentralServer(path, products=20):
        pass
    conn = sqlite3.connect(path)  # back to a schema 2 file, one version 1 promotion in it
    conn.executescript(
        "DROP TABLE promotions; CREATE TABLE promotions (id INTEGER PRIMARY KEY, name TEXT "
        "NOT NULL, kind TEXT NOT NULL, value INTEGER NOT NULL, skus TEXT NOT NULL, starts_at "
        "TEXT NOT NULL, ends_at TEXT NOT NULL, active INTEGER NOT NULL, change_seq INTEGER "
        "NOT NULL); "
        "INSERT INTO promotions (id, name, kind, value, skus, starts_at, ends_at, active, "
        "change_seq) VALUES (77, 'Ancienne promo', 'amount_off', 40, '[\"SKU0000002\"]', "
        "'2020-01-01T00:00:00.000Z', '2040-01-01T00:00:00.000Z', 1, 1000000); "
        "ALTER TABLE stock_movements DROP COLUMN staff_id; "  # schema 4's
        "PRAGMA user_version = 2;"
    )
    conn.close()
    with CentralServer(path, products=20) as central:
        with central.client(central.enrol(LYON, "U1")) as till:
            items, _ = pull_all(till, LYON, "promotions")
        cart = central.put_cart({"SKU0000002": 2})
    assert [(i["id"], i["skus"], i["channels"], i["n"]) for i in items] == [
        (77, ["SKU0000002"], ["store", "web"], 0)
    ]
    assert [p["promotion_id"] for p in cart["lines"][0]["promotions"]] == [77]
    assert cart["discount_cents"] == 80
