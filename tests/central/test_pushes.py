"""Pushes: answered per operation, idempotent by op_id, garbage refused without effect."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator

import httpx
import pytest

from sync.contract import PushResponse
from tests.central.conftest import LYON, ops_path, push, stock_level
from tests.support.central_server import CentralServer
from tests.support.sale_ops import SaleChain

TERMINAL = "P1"
PATH = ops_path(LYON, TERMINAL)


@pytest.fixture(scope="module")
def till(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, TERMINAL)) as client:
        yield client


@pytest.fixture(scope="module")
def chain() -> SaleChain:
    """The module's terminal journal: tests append to it in order."""
    return SaleChain(TERMINAL)


def test_sales_are_accepted_then_duplicates(till: httpx.Client, chain: SaleChain) -> None:
    ops = [chain.sale() for _ in range(3)]
    response = till.post(PATH, json={"operations": ops})
    assert response.status_code == 200
    results = PushResponse.model_validate_json(response.content).results
    assert [(r.op_id, r.status, r.warnings) for r in results] == [
        (op["op_id"], "accepted", []) for op in ops
    ]
    again = push(till, LYON, TERMINAL, ops)
    assert [r["status"] for r in again] == ["duplicate"] * 3


def test_the_same_op_id_twice_in_one_batch_is_applied_once(
    central: CentralServer, till: httpx.Client, chain: SaleChain
) -> None:
    op = chain.sale([(7, "SKU0000007", 2, 100)])
    before = stock_level(till, LYON, 7)["on_hand"]
    results = push(till, LYON, TERMINAL, [op, op])
    assert [r["status"] for r in results] == ["accepted", "duplicate"]
    assert stock_level(till, LYON, 7)["on_hand"] == before - 2


def test_a_reused_op_id_with_another_payload_is_rejected(
    till: httpx.Client, chain: SaleChain
) -> None:
    op = chain.sale()
    push(till, LYON, TERMINAL, [op])
    changed = copy.deepcopy(op)
    changed["payload"]["sale"]["cashier"] = "Julien"
    [result] = push(till, LYON, TERMINAL, [changed])
    assert (result["status"], result["code"]) == ("rejected", "op_id_reused")


def test_one_garbage_operation_does_not_stop_the_others(
    central: CentralServer, till: httpx.Client, chain: SaleChain
) -> None:
    good = [chain.sale([(11, "SKU0000011", 1, 100)]), chain.sale([(11, "SKU0000011", 1, 100)])]
    garbage = copy.deepcopy(good[0]) | {"op_id": "garbage-1", "seq": 999}
    garbage["payload"]["sale"]["total_cents"] = 3.49
    unknown = {"op_id": "odd-1", "seq": 1000, "kind": "refund", "payload": {}}
    mismatch = chain.sale()
    mismatch["op_id"] = "not-the-sale-id"
    before = stock_level(till, LYON, 11)["on_hand"]
    results = push(till, LYON, TERMINAL, [good[0], garbage, unknown, mismatch, good[1]])
    assert [(r["status"], r["code"]) for r in results] == [
        ("accepted", None),
        ("rejected", "invalid_payload"),
        ("rejected", "unknown_kind"),
        ("rejected", "invalid_payload"),
        ("accepted", None),
    ]
    assert "total_cents" in results[1]["reason"]
    assert stock_level(till, LYON, 11)["on_hand"] == before - 2


def test_a_sale_lowers_the_stores_stock_feed(till: httpx.Client, chain: SaleChain) -> None:
    before = stock_level(till, LYON, 5)
    push(till, LYON, TERMINAL, [chain.sale([(5, "SKU0000005", 3, 250), (5, "SKU0000005", 1, 250)])])
    after = stock_level(till, LYON, 5)
    assert after["on_hand"] == before["on_hand"] - 4
    assert after["version"] > before["version"]


def test_stock_movements_are_deltas(till: httpx.Client) -> None:
    before = stock_level(till, LYON, 9)["on_hand"]
    movement = {
        "product_id": 9,
        "sku": "SKU0000009",
        "delta": 12,
        "reason": "receipt",
        "ref": "BL-1",
    }
    results = push(
        till,
        LYON,
        TERMINAL,
        [
            {"op_id": "mv-1", "seq": 2000, "kind": "stock_movement", "payload": movement},
            {"op_id": "mv-2", "seq": 2001, "kind": "stock_movement",
             "payload": movement | {"delta": -2, "reason": "damage", "ref": None}},
            {"op_id": "mv-3", "seq": 2002, "kind": "stock_movement",
             "payload": movement | {"product_id": 9_999_999}},
            {"op_id": "mv-4", "seq": 2003, "kind": "stock_movement",
             "payload": movement | {"sku": "SKU0000010"}},
        ],
    )  # fmt: skip
    assert [(r["status"], r["code"]) for r in results] == [
        ("accepted", None),
        ("accepted", None),
        ("rejected", "unknown_product"),
        ("rejected", "unknown_product"),
    ]
    assert stock_level(till, LYON, 9)["on_hand"] == before + 10


# -- hostile bodies: 400/413 with a reason, nothing applied -------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   ",
        b"not json",
        b'{"operations": [',
        b"[]",
        b"null",
        b'{"operations": []}',
        b'{"operations": [{"op_id": "x", "seq": 1.0, "kind": "sale", "payload": {}}]}',
        b'{"operations": [{"op_id": "x", "seq": true, "kind": "sale", "payload": {}}]}',
        b'{"operations": [{"op_id": "x", "seq": "1", "kind": "sale", "payload": {}}]}',
        b'{"operations": [{"op_id": "x", "seq": 1, "kind": "sale", "payload": []}]}',
        b'{"operations": [{"op_id": "a/b", "seq": 1, "kind": "sale", "payload": {}}]}',
        b'{"operations": [{"op_id": "x", "seq": 1, "kind": "sale", "payload": {}, "x": 1}]}',
        b'{"operations": [], "extra": true}',
        b"\xff\xfe\x00",
        b'{"operations": [{"op_id": "x", "seq": NaN, "kind": "sale", "payload": {}}]}',
        b"[" * 100_000,
    ],
)
def test_malformed_bodies_are_400_and_change_nothing(
    central: CentralServer, till: httpx.Client, body: bytes
) -> None:
    before = central.stats()
    response = till.post(PATH, content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "bad_request" and error["message"]
    assert central.stats() == before


def test_too_many_operations_is_400(till: httpx.Client) -> None:
    op = SaleChain("other").sale()
    response = till.post(PATH, json={"operations": [op] * 501})
    assert response.status_code == 400
    assert "500" in response.json()["error"]["message"]


def test_a_huge_body_is_413(central: CentralServer, till: httpx.Client) -> None:
    before = central.stats()
    padding = "x" * (9 * 1024 * 1024)
    body = json.dumps({"operations": [], "padding": padding}).encode()
    response = till.post(PATH, content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert central.stats() == before


def test_stats_count_operations(
    central: CentralServer, till: httpx.Client, chain: SaleChain
) -> None:
    before = central.stats()
    op = chain.sale()
    push(till, LYON, TERMINAL, [op, op, {"op_id": "z", "seq": 1, "kind": "nope", "payload": {}}])
    after = central.stats()
    assert after["operations_accepted"] - before["operations_accepted"] == 1
    assert after["operations_duplicate"] - before["operations_duplicate"] == 1
    assert after["operations_rejected"] - before["operations_rejected"] == 1
    assert after["sales"] - before["sales"] == 1
