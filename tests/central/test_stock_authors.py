"""A till's stock adjustments at the reference server: the new reasons, the author and the
till's time kept with the movement (schema 4), bad authors refused, old files upgraded."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sync.central.db import SCHEMA_VERSION
from tests.central.conftest import LYON, push, stock_level
from tests.support.central_server import CentralServer

TERMINAL = "S01"
MOVE = {"product_id": 14, "sku": "SKU0000014", "delta": -2, "reason": "damage", "ref": None}


@pytest.fixture(scope="module")
def till(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, TERMINAL)) as client:
        yield client


def _op(op_id: str, seq: int, **changes: object) -> dict:
    return {"op_id": op_id, "seq": seq, "kind": "stock_movement", "payload": MOVE | changes}


def test_adjustments_keep_their_author_and_time(central: CentralServer, till) -> None:
    before = stock_level(till, LYON, 14)["on_hand"]
    results = push(till, LYON, TERMINAL, [
        _op("adj-1", 1, staff_id="ines", at="2026-12-06T09:00:00.000Z"),
        _op("adj-2", 2, reason="found", delta=3, staff_id="ines", at="2026-12-06T09:05:00.000Z"),
        _op("adj-3", 3, reason="sample", delta=-1),  # an older till: neither author nor time
        _op("adj-4", 4, reason="own_use", delta=-1, staff_id="inès"),  # not a staff id
        _op("adj-5", 5, reason="gift", delta=-1),
        _op("adj-1", 1, staff_id="ines", at="2026-12-06T09:00:00.000Z"),  # sent again
    ])  # fmt: skip
    assert [(r["status"], r["code"]) for r in results] == [
        ("accepted", None), ("accepted", None), ("accepted", None),
        ("rejected", "invalid_payload"), ("rejected", "invalid_payload"), ("duplicate", None),
    ]  # fmt: skip
    assert "staff_id" in results[3]["reason"] and "reason" in results[4]["reason"]
    assert stock_level(till, LYON, 14)["on_hand"] == before - 2 + 3 - 1  # each once
    with sqlite3.connect(central.db_path) as conn:
        moves = conn.execute(
            "SELECT op_id, delta, reason, staff_id, at FROM stock_movements "
            "WHERE op_id LIKE 'adj-%' ORDER BY id"
        ).fetchall()
    conn.close()
    assert moves[:2] == [
        ("adj-1", -2, "damage", "ines", "2026-12-06T09:00:00.000Z"),
        ("adj-2", 3, "found", "ines", "2026-12-06T09:05:00.000Z"),
    ]
    assert moves[2][:4] == ("adj-3", -1, "sample", None) and moves[2][4]  # the batch's time
    assert len(moves) == 3


def test_a_schema_3_file_keeps_its_movements_without_author(tmp_path: Path) -> None:
    path = tmp_path / "central.db"
    with CentralServer(path, products=20):
        pass
    conn = sqlite3.connect(path)  # back to schema 3: movements had no author
    conn.executescript(
        "INSERT INTO stock_movements (store_id, product_id, delta, reason, ref, op_id, at) "
        "VALUES ('lyon-part-dieu', 3, -1, 'sale', NULL, 'old-1', '2026-01-01T00:00:00.000Z');"
        "ALTER TABLE stock_movements DROP COLUMN staff_id; PRAGMA user_version = 3;"
    )
    conn.close()
    with CentralServer(path, products=20):
        pass
    conn = sqlite3.connect(path)
    row = conn.execute("SELECT reason, staff_id FROM stock_movements WHERE op_id = 'old-1'")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    assert (row.fetchone(), version) == (("sale", None), SCHEMA_VERSION)
    conn.close()
