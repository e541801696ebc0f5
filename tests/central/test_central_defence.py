"""Central checks what a till says: a sale naming another terminal, an implausible or
unexplained stock movement, and enrolment codes tried in a row (throttled per store,
recorded in the central database, so a restart does not reset it)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sync.central.auth import KEEP_ATTEMPTS, KEEP_ATTEMPTS_DAYS
from tests.central.conftest import LYON, PARIS, push, stock_level
from tests.support.central_server import CentralServer
from tests.support.sale_ops import SaleChain

TERMINAL = "D1"


@pytest.fixture
def till(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, TERMINAL)) as client:
        yield client


def test_a_sale_naming_another_terminal_is_rejected_and_not_stored(
    central: CentralServer, till: httpx.Client
) -> None:
    before = central.stats()["sales"]
    op = SaleChain("OTHER").sale()
    [result] = push(till, LYON, TERMINAL, [op])
    assert (result["status"], result["code"]) == ("rejected", "wrong_terminal")
    assert "OTHER" in result["reason"]
    assert central.stats()["sales"] == before
    [own] = push(till, LYON, TERMINAL, [SaleChain(TERMINAL).sale()])
    assert own["status"] == "accepted"


MOVEMENT = {"product_id": 9, "sku": "SKU0000009", "delta": 5, "reason": "receipt", "ref": None}


def test_implausible_or_unexplained_movements_are_rejected(till: httpx.Client) -> None:
    before = stock_level(till, LYON, 9)["on_hand"]
    ops = [
        {"op_id": "big", "seq": 1, "kind": "stock_movement",
         "payload": MOVEMENT | {"delta": 1_000_000}},
        {"op_id": "why", "seq": 2, "kind": "stock_movement",
         "payload": MOVEMENT | {"reason": "because"}},
        {"op_id": "huge", "seq": 3, "kind": "stock_movement",
         "payload": MOVEMENT | {"delta": -20_000_000}},
        {"op_id": "fine", "seq": 4, "kind": "stock_movement", "payload": MOVEMENT},
    ]  # fmt: skip
    results = push(till, LYON, TERMINAL, ops)
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "implausible_quantity"),
        ("rejected", "invalid_payload"),
        ("rejected", "invalid_payload"),
        ("accepted", None),
    ]
    assert "reason" in results[1]["reason"]
    assert stock_level(till, LYON, 9)["on_hand"] == before + 5


def enrol(server: CentralServer, code: str, terminal: str = "X1") -> httpx.Response:
    with server.client() as client:
        body = {"store_id": PARIS, "terminal_id": terminal, "enrolment_code": code}
        return client.post("/v1/enrolments", json=body)


def test_wrong_enrolment_codes_are_throttled_logged_and_survive_a_restart(
    tmp_path: Path,
) -> None:
    with CentralServer(tmp_path / "central.db", products=50) as server:
        answers = [enrol(server, f"guess-{n}").status_code for n in range(20)]
        assert answers == [401] * 5 + [429] * 15
        refused = enrol(server, f"demo-{PARIS}")  # the right code, while throttled
        assert refused.status_code == 429
        assert refused.json()["error"]["code"] == "too_many_attempts"
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        assert enrol_other_store(server).status_code == 201  # per store

        server.restart()
        assert enrol(server, f"demo-{PARIS}").status_code == 429
        audit = server.admin("GET", "/v1/admin/enrolment-attempts").json()["attempts"]
        paris = [a["outcome"] for a in audit if a["store_id"] == PARIS]
        assert paris.count("wrong_code") == 5 and paris.count("throttled") == 17
        log = server.log_path.read_text(encoding="utf-8")
        assert "enrolment wrong_code" in log and "enrolment throttled" in log


def test_the_enrolment_audit_keeps_the_latest_attempts_not_a_whole_flood(tmp_path: Path) -> None:
    """A flood of guesses (one store id each, so none is throttled) is bounded on disk."""
    path = tmp_path / "central.db"
    with CentralServer(path, products=50) as server:
        assert enrol(server, "guess-0").status_code == 401  # the table exists
        old, recent = time.time() - (KEEP_ATTEMPTS_DAYS + 1) * 86400, time.time() - 3600
        rows = [("S-old", "X", "2020", old, "wrong_code")] * 10
        rows += [(f"S-{n}", "X", "2026", recent, "wrong_code") for n in range(KEEP_ATTEMPTS)]
        with sqlite3.connect(path) as conn:
            conn.executemany(
                "INSERT INTO enrolment_attempts (store_id, terminal_id, at, at_s, outcome) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )
        assert enrol_other_store(server).status_code == 201
        with sqlite3.connect(path) as conn:
            count, oldest = conn.execute(
                "SELECT count(*), min(at_s) FROM enrolment_attempts"
            ).fetchone()
            newest = conn.execute(
                "SELECT store_id, outcome FROM enrolment_attempts ORDER BY id DESC LIMIT 1"
            ).fetchone()
        assert count == KEEP_ATTEMPTS and oldest == recent
        assert newest == (LYON, "accepted")


def enrol_other_store(server: CentralServer) -> httpx.Response:
    with server.client() as client:
        body = {"store_id": LYON, "terminal_id": "X2", "enrolment_code": f"demo-{LYON}"}
        return client.post("/v1/enrolments", json=body)
