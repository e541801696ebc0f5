"""A till's stock count at the reference server: applied against central's own level at
the counted instant, kept line by line (schema 6), sent again counted once; bad counts
refused whole with a reason; an approver who is not one of the store's managers refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.central.conftest import PARIS, push, stock_level
from tests.support.central_server import CentralServer

TERMINAL = "C01"
LINE = {"product_id": 15, "sku": "SKU0000015", "counted": 4, "expected": 6,
        "counted_at": "2026-12-06T10:05:00.000Z", "staff_id": "camille"}  # fmt: skip


@pytest.fixture(scope="module")
def till(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(PARIS, TERMINAL)) as client:
        yield client


def _count(op_id: str, seq: int, lines: list[dict], approved_by: str = "ines") -> dict:
    payload = {"count_id": op_id, "scope": "shelf:Allée 3", "approved_by": approved_by,
               "approved_at": "2026-12-06T10:30:00.000Z", "lines": lines}  # fmt: skip
    return {"op_id": op_id, "seq": seq, "kind": "stock_count", "payload": payload}


def _move(op_id: str, seq: int, delta: int, at: str) -> dict:
    payload = {"product_id": 15, "sku": "SKU0000015", "delta": delta, "reason": "damage",
               "ref": None, "staff_id": "ines", "at": at}  # fmt: skip
    return {"op_id": op_id, "seq": seq, "kind": "stock_movement", "payload": payload}


def _instant(seconds: int) -> str:
    moment = datetime.now(UTC) + timedelta(seconds=seconds)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def test_a_count_is_judged_at_its_instant_and_applied_once(central: CentralServer, till):
    central.count_stock(PARIS, "SKU0000015", 10)  # an operator's count, now
    line = LINE | {"counted_at": _instant(20)}
    results = push(till, PARIS, TERMINAL, [
        _move("cnt-before", 1, -1, _instant(10)),  # before the article was counted
        _move("cnt-after", 2, -2, _instant(30)),  # after it
        _count("count-1", 3, [line]),
        _count("count-1", 3, [line]),  # sent again in the same batch
    ])  # fmt: skip
    assert [r["status"] for r in results] == ["accepted", "accepted", "accepted", "duplicate"]
    # Level when counted: 10 - 1 = 9; 4 counted: -5; then the -2 after: 4 - 2 = 2.
    assert stock_level(till, PARIS, 15)["on_hand"] == 2
    again = push(till, PARIS, TERMINAL, [_count("count-1", 3, [line])])
    assert again[0]["status"] == "duplicate" and stock_level(till, PARIS, 15)["on_hand"] == 2
    with sqlite3.connect(central.db_path) as conn:
        kept = conn.execute(
            "SELECT counted, till_expected, central_expected, delta, staff_id, approved_by "
            "FROM stock_count_lines WHERE op_id = 'count-1'"
        ).fetchall()
    conn.close()
    assert kept == [(4, 6, 9, -5, "camille", "ines")]


def test_bad_counts_are_refused_whole(central: CentralServer, till) -> None:
    before = stock_level(till, PARIS, 15)["on_hand"]
    other = LINE | {"product_id": 16, "sku": "SKU0000016"}
    results = push(till, PARIS, TERMINAL, [
        _count("bad-twice", 10, [LINE, LINE]),
        _count("bad-absurd", 11, [other, LINE | {"counted": 10_001}]),
        _count("bad-negative", 12, [LINE | {"counted": -1}]),
        _count("bad-product", 13, [LINE | {"sku": "SKU0000099"}]),
        _count("bad-empty", 14, []),
    ])  # fmt: skip
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "invalid_payload"), ("rejected", "implausible_quantity"),
        ("rejected", "invalid_payload"), ("rejected", "unknown_product"),
        ("rejected", "invalid_payload"),
    ]  # fmt: skip
    assert stock_level(till, PARIS, 15)["on_hand"] == before


def test_a_count_approved_by_a_cashier_is_refused(central: CentralServer, till) -> None:
    body = {"display_name": "Camille", "role": "cashier", "pin": "1234"}
    assert central.admin("PUT", f"/v1/admin/stores/{PARIS}/staff/camille", json=body).is_success
    [result] = push(till, PARIS, TERMINAL, [_count("by-cashier", 20, [LINE], "camille")])
    assert (result["status"], result["code"]) == ("rejected", "approver_lacks_right")
