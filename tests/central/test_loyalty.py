"""Loyalty over the real server (issue 15): a sale earns once however often it is pushed,
a return takes its points back (down to zero, never below), redemptions are checked and
written at once (of two tills spending the last points, one wins), given back once, and
every change reaches the tills through the ``customers`` feed with a new version."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from pos.domain.loyalty import EarningLine, LoyaltyRule, points_earned
from sync.client import HttpCentral
from sync.contract.loyalty import LoyaltyRedemption
from sync.ports import CentralRejected
from tests.central.conftest import LYON, PARIS, pull_all, push
from tests.support.central_server import CentralServer, pickup_move
from tests.support.return_ops import returned, ticket
from tests.support.sale_ops import SaleChain, sale_record

ROUNDS = 10  # the race: two tills spend the last points of one customer, this many times


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


class Till:
    """One enrolled terminal: its raw client and its sealed chain."""

    def __init__(self, central: CentralServer, store_id: str, terminal_id: str) -> None:
        self.store_id, self.terminal_id = store_id, terminal_id
        self.token = central.enrol(store_id, terminal_id)
        self.client = central.client(self.token)
        self.chain = SaleChain(terminal_id=terminal_id)

    def sale_op(self, customer_id: str, lines: list[tuple[int, str, int, int]]) -> dict[str, Any]:
        record = sale_record(str(uuid.uuid4()), self.terminal_id, 1, lines)
        return self.chain.seal(record | {"v": 4, "customer_id": customer_id})

    def push(self, op: dict[str, Any]) -> dict[str, Any]:
        [result] = push(self.client, self.store_id, self.terminal_id, [op])
        assert result["status"] in ("accepted", "duplicate"), result
        return result

    def redeem(self, customer_id: str, op_id: str, points: int) -> httpx.Response:
        path = f"/v1/stores/{self.store_id}/customers/{customer_id}/loyalty/redemptions"
        return self.client.post(path, json={"op_id": op_id, "points": points})

    def account(self, customer_id: str) -> dict[str, Any]:
        response = self.client.get(f"/v1/stores/{self.store_id}/customers/{customer_id}/loyalty")
        assert response.status_code == 200, response.text
        return dict(response.json())


@pytest.fixture(scope="module")
def lyon(central: CentralServer) -> Iterator[Till]:
    till = Till(central, LYON, "T01")
    yield till
    till.client.close()


@pytest.fixture(scope="module")
def lyon2(central: CentralServer) -> Iterator[Till]:
    till = Till(central, LYON, "T02")
    yield till
    till.client.close()


@pytest.fixture(scope="module")
def paris(central: CentralServer) -> Iterator[Till]:
    till = Till(central, PARIS, "T01")
    yield till
    till.client.close()


def _customer(client: httpx.Client, store_id: str, customer_id: str) -> dict[str, Any]:
    items, _cursor = pull_all(client, store_id, "customers")
    return [item for item in items if item["id"] == customer_id][-1]


def test_a_sale_earns_once_across_retried_pushes(lyon: Till) -> None:
    before = lyon.account("CLI-0004")["balance"]  # seeded at 0
    op = lyon.sale_op("CLI-0004", [(10, "SKU0000010", 3, 411), (11, "SKU0000011", 1, 99)])
    assert lyon.push(op)["status"] == "accepted"  # 13,32 €: 13 points
    for _retry in range(3):  # a lost answer, a restart: the same batch again
        assert lyon.push(op)["status"] == "duplicate"
    account = lyon.account("CLI-0004")
    assert account["balance"] == before + 13
    earns = [e for e in account["entries"] if e["kind"] == "earn"]
    assert [(e["op_id"], e["points"]) for e in earns] == [(op["op_id"], 13)]


def test_the_customers_feed_carries_the_new_balance_with_a_new_version(
    lyon: Till, paris: Till
) -> None:
    seen = _customer(paris.client, PARIS, "CLI-0007")
    _items, cursor = pull_all(paris.client, PARIS, "customers")
    lyon.push(lyon.sale_op("CLI-0007", [(12, "SKU0000012", 2, 1000)]))  # 20 points
    changed, _next = pull_all(paris.client, PARIS, "customers", cursor=cursor)
    assert [(c["id"], c["loyalty_points"]) for c in changed] == [
        ("CLI-0007", seen["loyalty_points"] + 20)
    ]
    assert changed[0]["version"] > seen["version"]


def test_a_return_takes_back_what_its_lines_earned_and_stops_at_zero(
    lyon: Till, paris: Till
) -> None:
    assert lyon.account("CLI-0002")["balance"] == 80  # seeded
    sale = lyon.sale_op("CLI-0002", [(20, "SKU0000020", 3, 1000), (21, "SKU0000021", 1, 250)])
    lyon.push(sale)  # 32,50 €: 32 points
    assert lyon.account("CLI-0002")["balance"] == 112
    sale_id = sale["op_id"]
    back = ticket(str(uuid.uuid4()), "T01",
                  [returned(1, (sale_id, 1), (20, "SKU0000020"), 1, 1000)],
                  [("cash", -1000, "")])  # fmt: skip
    first = paris.push(paris.chain.seal(back))  # another store takes it back
    assert (first["status"], first["warnings"]) == ("accepted", [])
    assert paris.push(paris.chain.sealed[-1])["status"] == "duplicate"
    account = lyon.account("CLI-0002")
    assert account["balance"] == 102  # 32 − 22 (22,50 € left earns 22): 10 taken back
    assert [(e["op_id"], e["kind"], e["points"]) for e in account["entries"][:1]] == [
        (back["id"], "reverse", -10)
    ]
    spent = lyon.redeem("CLI-0002", f"{uuid.uuid4()}:t1", 102)
    assert spent.status_code == 200, spent.text
    again = ticket(str(uuid.uuid4()), "T01",
                   [returned(1, (sale_id, 1), (20, "SKU0000020"), 2, 1000),
                    returned(2, (sale_id, 2), (21, "SKU0000021"), 1, 250)],
                   [("cash", -2250, "")])  # fmt: skip
    result = paris.push(paris.chain.seal(again))
    # 22 points were still to take back, but they were spent: the balance stops at zero.
    assert (result["status"], result["warnings"]) == ("accepted", ["loyalty_shortfall"])
    assert lyon.account("CLI-0002")["balance"] == 0


def test_a_redemption_above_the_balance_is_refused_and_changes_nothing(
    lyon: Till, paris: Till
) -> None:
    seen = _customer(paris.client, PARIS, "CLI-0005")
    assert seen["loyalty_points"] == 2310
    above = lyon.redeem("CLI-0005", "over-1", 2311)
    assert (above.status_code, above.json()["error"]["code"]) == (409, "loyalty_balance")
    small = lyon.redeem("CLI-0005", "small-1", 99)  # the rule's minimum is 100
    assert (small.status_code, small.json()["error"]["code"]) == (409, "loyalty_below_minimum")
    unknown = lyon.redeem("CLI-9999", "who-1", 100)
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "not_found")
    assert _customer(paris.client, PARIS, "CLI-0005") == seen  # same balance, same version
    assert lyon.redeem("CLI-0005", "over-1", 2310).status_code == 200  # the id was not used
    reused = lyon.redeem("CLI-0005", "over-1", 100)
    assert (reused.status_code, reused.json()["error"]["code"]) == (409, "op_id_reused")


def _redeem_when_started(
    till: Till, op_id: str, points: int, start: threading.Barrier, statuses: list[int]
) -> None:
    start.wait(timeout=10)
    statuses.append(till.redeem("CLI-0003", op_id, points).status_code)


def test_two_tills_redeeming_the_last_points_at_once_exactly_one_wins(
    lyon: Till, lyon2: Till, paris: Till
) -> None:
    lyon.redeem("CLI-0003", "race-empty", 455)  # seeded 455: now 0
    for round_no in range(ROUNDS):
        lyon.push(lyon.sale_op("CLI-0003", [(30, "SKU0000030", 1, 10000)]))  # 100 points
        start, statuses = threading.Barrier(2), []
        threads = [
            threading.Thread(
                target=_redeem_when_started,
                args=(till, f"race-{round_no}-{n}", 100, start, statuses),
            )
            for n, till in enumerate((lyon, paris))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=20)
        assert sorted(statuses) == [200, 409], (round_no, statuses)
        assert lyon2.account("CLI-0003")["balance"] == 0


def test_a_reversal_gives_back_once_and_the_op_id_then_redeems_afresh(
    central: CentralServer, lyon2: Till
) -> None:
    with HttpCentral(central.url, LYON, "T02", lyon2.token) as till:
        start = till.loyalty_account("CLI-0006").balance
        asked = LoyaltyRedemption(op_id="sale-6:t2", points=200, sale_id="sale-6")
        spent = till.redeem_points("CLI-0006", asked)
        assert (spent.status, spent.balance, spent.value_cents) == ("applied", start - 200, 200)
        assert till.redeem_points("CLI-0006", asked).balance == start - 200  # a retry
        for _twice in range(2):
            back = till.reverse_redemption("CLI-0006", "sale-6:t2")
            assert (back.status, back.balance) == ("reversed", start)
        again = till.redeem_points("CLI-0006", asked)  # the tender put back: a new spending
        assert (again.status, again.balance) == ("applied", start - 200)
        with pytest.raises(CentralRejected) as refused:
            till.redeem_points("CLI-0006", LoyaltyRedemption(op_id="big-6", points=10**9))
        assert refused.value.code == "loyalty_balance"
        kinds = [(e.kind, e.points) for e in till.loyalty_account("CLI-0006").entries[:3]]
        assert kinds == [("redeem", -200), ("reverse", 200), ("redeem", -200)]


def test_the_rule_is_central_and_a_sale_earns_what_the_domain_function_says(
    central: CentralServer, lyon: Till
) -> None:
    catalog, _cursor = pull_all(lyon.client, LYON, "catalog")
    product = next(p for p in catalog if p["department"] and p["id"] > 40)
    rule = {
        "points_per_euro": 2,
        "departments": [{"department": product["department"], "percent": 150}],
        "redeem_points": 100,
        "redeem_cents": 100,
        "min_redeem_points": 100,
    }
    put = central.admin("PUT", "/v1/admin/loyalty/rule", json=rule)
    assert put.status_code == 200, put.text
    try:
        with HttpCentral(central.url, LYON, "T01", lyon.token) as till:
            served = till.loyalty_rule()
        assert served.version == put.json()["version"] > 1
        assert served.departments[0].percent == 150
        before = lyon.account("CLI-0008")["balance"]
        lines = [(product["id"], product["sku"], 3, 333), (5, "SKU0000005", 1, 120)]
        lyon.push(lyon.sale_op("CLI-0008", lines))
        other = next(p for p in catalog if p["id"] == 5)["department"]
        expected = points_earned(
            [EarningLine(999, product["department"]), EarningLine(120, other)],
            LoyaltyRule(points_per_euro=2, department_percent={product["department"]: 150}),
        )
        assert lyon.account("CLI-0008")["balance"] == before + expected > before
    finally:
        default = rule | {"points_per_euro": 1, "departments": []}
        assert central.admin("PUT", "/v1/admin/loyalty/rule", json=default).status_code == 200


def test_a_web_order_paid_online_earns_at_its_handover_and_its_return_takes_back(
    central: CentralServer, lyon: Till
) -> None:
    central.count_stock(LYON, "SKU0000050", 10)
    body = {"order_id": "web-loyal-1", "store_id": LYON, "customer": {"name": "Ana"},
            "lines": [{"sku": "SKU0000050", "quantity": 3}], "paid": True,
            "customer_id": "CLI-0009"}  # fmt: skip
    placed = central.web("POST", "/v1/web/pickup-orders", body)
    assert placed.status_code == 201, placed.text
    assert "customer_id" not in placed.json()  # kept beside the order, not served in it
    unit = placed.json()["lines"][0]["unit_price_cents"]
    start = central.web("GET", "/v1/web/customers/CLI-0009/loyalty").json()["balance"]
    moves = [("preparing", None), ("ready", None), ("partially_collected", {"SKU0000050": 2})]
    for seq, (state, lines) in enumerate(moves, start=1):
        op = pickup_move(f"web-loyal-1-{seq}", seq, central.pickup_order("web-loyal-1"), state,
                         lines=lines)  # fmt: skip
        assert push(lyon.client, LYON, "T01", [op])[0]["status"] == "accepted"
        assert push(lyon.client, LYON, "T01", [op])[0]["status"] == "duplicate"
    earned = 2 * unit // 100  # what was handed over, at the price paid online
    assert earned > 0
    assert lyon.account("CLI-0009")["balance"] == start + earned
    back = ticket(str(uuid.uuid4()), "T01",
                  [returned(1, ("web-loyal-1", 1), (50, "SKU0000050"), 2, unit, channel="web")],
                  [("card", -2 * unit, "web:web-loyal-1")])  # fmt: skip
    assert lyon.push(lyon.chain.seal(back))["warnings"] == []
    assert lyon.account("CLI-0009")["balance"] == start
    stranger = body | {"order_id": "web-loyal-2", "customer_id": "CLI-9999"}
    unknown = central.web("POST", "/v1/web/pickup-orders", stranger)
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "not_found")
