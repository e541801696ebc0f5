"""Idempotency is durable: after a crash (SIGKILL) and a restart, a re-push is a duplicate."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import pytest

from tests.central.conftest import LYON, push, stock_level
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
    assert ("item" in columns, "status" in columns, version) == (True, False, 2)
