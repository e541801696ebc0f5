"""Returns over the real server: finding the original sale in any store or on the web,
claims that count each article once, return tickets pushed online or offline, and the
short pickup refund."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from sync.central import instants
from sync.central.return_claims import CLAIM_HOLD_HOURS
from sync.contract.codes import new_credit_note_code
from sync.contract.returns import OriginSaleRecord, ReturnClaimResult
from tests.central.conftest import LYON, PARIS, push, stock_level
from tests.support.central_server import CentralServer, pickup_move
from tests.support.return_ops import returned, ticket
from tests.support.sale_ops import SaleChain

ROUNDS = 25  # the race: two tills claim the last unit of a line, this many times


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    path: Path = tmp_path_factory.mktemp("central") / "central.db"
    with CentralServer(path, products=300) as server:
        yield server


class Till:
    """One enrolled terminal: its client and its sealed chain."""

    def __init__(self, central: CentralServer, store_id: str, terminal_id: str) -> None:
        self.store_id, self.terminal_id = store_id, terminal_id
        self.client = central.client(central.enrol(store_id, terminal_id))
        self.chain = SaleChain(terminal_id=terminal_id)

    def sell(self, lines: list[tuple[int, str, int, int]]) -> dict[str, Any]:
        """Push a sale; its record."""
        op = self.chain.sale(lines)
        [result] = push(self.client, self.store_id, self.terminal_id, [op])
        assert result["status"] == "accepted", result
        return dict(op["payload"]["sale"])

    def push_record(self, record: dict[str, Any]) -> dict[str, Any]:
        [result] = push(self.client, self.store_id, self.terminal_id, [self.chain.seal(record)])
        return result

    def claim(self, return_id: str, lines: list[tuple[str, int, int]]) -> httpx.Response:
        body = {
            "return_id": return_id,
            "terminal_id": self.terminal_id,
            "lines": [
                {"origin_sale_id": s, "origin_line_no": n, "quantity": q} for s, n, q in lines
            ],
        }
        return self.client.post(f"/v1/stores/{self.store_id}/returns/claims", json=body)

    def origin(self, code: str) -> httpx.Response:
        return self.client.get(f"/v1/stores/{self.store_id}/origins/{code}")


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


def _returned_quantities(response: httpx.Response) -> dict[int, int]:
    assert response.status_code == 200, response.text
    origin = OriginSaleRecord.model_validate_json(response.content)
    return {line.line_no: line.returned_quantity for line in origin.lines}


def test_another_stores_sale_is_found_by_id_and_a_ticket_by_its_number(
    lyon: Till, paris: Till
) -> None:
    sale = paris.sell([(120, "SKU0000120", 2, 450), (121, "SKU0000121", 1, 990)])
    found = OriginSaleRecord.model_validate_json(lyon.origin(sale["id"]).content)
    assert (found.store_id, found.channel, found.terminal_id) == (PARIS, "store", "T01")
    assert [(x.line_no, x.quantity, x.returned_quantity) for x in found.lines] == [
        (1, 2, 0),
        (2, 1, 0),
    ]
    assert [(t.kind, t.amount_cents, t.refunded_cents) for t in found.tenders] == [
        ("card", 1890, 0)
    ]
    mine = lyon.sell([(122, "SKU0000122", 1, 100)])
    by_number = lyon.client.get(f"/v1/stores/{LYON}/terminals/T01/tickets/{mine['ticket_no']}")
    assert by_number.json()["sale_id"] == mine["id"]
    # Paris' ticket by number is not Lyon's: numbers are per store.
    other = lyon.client.get(f"/v1/stores/{LYON}/terminals/T01/tickets/{sale['ticket_no'] + 50}")
    assert (other.status_code, other.json()["error"]["code"]) == (404, "not_found")
    unknown = lyon.origin("no-such-sale")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "not_found")


def test_a_claim_then_its_ticket_counts_once_and_restocks_the_store_that_took_it_back(
    central: CentralServer, lyon: Till, paris: Till
) -> None:
    central.count_stock(LYON, "SKU0000130", 10)
    central.count_stock(LYON, "SKU0000131", 10)
    sale = paris.sell([(130, "SKU0000130", 3, 500), (131, "SKU0000131", 1, 800)])
    return_id = str(uuid.uuid4())
    wanted = [(sale["id"], 1, 2), (sale["id"], 2, 1)]
    first = lyon.claim(return_id, wanted)
    assert first.status_code == 200, first.text
    claimed = ReturnClaimResult.model_validate_json(first.content)
    assert [x.remaining_after for x in claimed.lines] == [1, 0]
    assert lyon.claim(return_id, wanted).json() == first.json()  # a retry: the same answer
    reused = lyon.claim(return_id, [(sale["id"], 1, 1)])
    assert (reused.status_code, reused.json()["error"]["code"]) == (409, "op_id_reused")
    too_many = lyon.claim(str(uuid.uuid4()), [(sale["id"], 1, 2)])
    assert too_many.status_code == 409
    assert too_many.json()["error"]["code"] == "not_returnable"
    assert too_many.json()["error"]["remaining"] == [
        {"origin_sale_id": sale["id"], "origin_line_no": 1, "remaining": 1}
    ]
    assert _returned_quantities(lyon.origin(sale["id"])) == {1: 2, 2: 1}

    record = ticket(
        return_id,
        "T01",
        [
            returned(1, (sale["id"], 1), (130, "SKU0000130"), 2, 500),
            returned(2, (sale["id"], 2), (131, "SKU0000131"), 1, 800, restock=False),
        ],
        [("card", -1800, "")],
    )
    result = lyon.push_record(record)
    assert (result["status"], result["warnings"]) == ("accepted", [])
    assert _returned_quantities(lyon.origin(sale["id"])) == {1: 2, 2: 1}  # once, not twice
    released = lyon.client.delete(f"/v1/stores/{LYON}/returns/claims/{return_id}")
    assert (released.status_code, released.json()["error"]["code"]) == (409, "claim_consumed")
    # The restocked line goes back on Lyon's shelf (Paris sold it); the damaged one not.
    assert stock_level(lyon.client, LYON, 130)["on_hand"] == 12
    assert stock_level(lyon.client, LYON, 131)["on_hand"] == 10
    found = OriginSaleRecord.model_validate_json(lyon.origin(sale["id"]).content)
    assert [(t.amount_cents, t.refunded_cents) for t in found.tenders] == [(2300, 1800)]


def test_a_released_claim_gives_its_quantities_back(lyon: Till, lyon2: Till) -> None:
    sale = lyon.sell([(141, "SKU0000141", 1, 700)])
    return_id = str(uuid.uuid4())
    assert lyon.claim(return_id, [(sale["id"], 1, 1)]).status_code == 200
    assert lyon2.claim(str(uuid.uuid4()), [(sale["id"], 1, 1)]).status_code == 409
    path = f"/v1/stores/{LYON}/returns/claims/{return_id}"
    assert lyon.client.delete(path).json() == {"return_id": return_id, "status": "released"}
    assert lyon.client.delete(path).status_code == 200  # a retry is harmless
    assert lyon2.claim(str(uuid.uuid4()), [(sale["id"], 1, 1)]).status_code == 200
    missing = lyon.client.delete(f"/v1/stores/{LYON}/returns/claims/never-claimed")
    assert missing.status_code == 404


def test_a_claim_held_too_long_without_its_ticket_is_released_and_checked_again(
    central: CentralServer, lyon: Till, lyon2: Till
) -> None:
    """A till that claimed and then crashed (or lost the network before releasing an
    abandoned return) must not lock the article out of every return for ever."""
    sale = lyon.sell([(142, "SKU0000142", 1, 900)])
    stuck = str(uuid.uuid4())
    assert lyon.claim(stuck, [(sale["id"], 1, 1)]).status_code == 200
    assert lyon2.claim(str(uuid.uuid4()), [(sale["id"], 1, 1)]).status_code == 409
    aged = instants.later(instants.house(datetime.now(UTC)), hours=-(CLAIM_HOLD_HOURS + 1))
    with sqlite3.connect(central.db_path) as conn:
        conn.execute("UPDATE return_claims SET created_at = ? WHERE return_id = ?", (aged, stuck))
    assert lyon2.claim(str(uuid.uuid4()), [(sale["id"], 1, 1)]).status_code == 200
    again = lyon.claim(stuck, [(sale["id"], 1, 1)])  # the stuck till, back: checked afresh
    assert (again.status_code, again.json()["error"]["code"]) == (409, "not_returnable")
    assert _returned_quantities(lyon.origin(sale["id"])) == {1: 1}


def test_an_offline_over_return_is_accepted_with_a_conflict(
    central: CentralServer, lyon: Till, lyon2: Till
) -> None:
    sale = lyon.sell([(150, "SKU0000150", 1, 1200)])
    assert lyon2.claim(str(uuid.uuid4()), [(sale["id"], 1, 1)]).status_code == 200
    offline = str(uuid.uuid4())
    record = ticket(
        offline, "T01", [returned(1, (sale["id"], 1), (150, "SKU0000150"), 1, 1200)],
        [("cash", -1200, "")],
    )  # fmt: skip
    result = lyon.push_record(record)
    assert (result["status"], result["warnings"]) == ("accepted", ["return_conflict"])
    again = push(lyon.client, LYON, "T01", [lyon.chain.sealed[-1]])[0]
    assert (again["status"], again["warnings"]) == ("duplicate", ["return_conflict"])
    conflicts = central.admin("GET", "/v1/admin/return-conflicts").json()["conflicts"]
    mine = [c for c in conflicts if c["return_id"] == offline]
    assert [(c["origin_sale_id"], c["quantity"], c["remaining_before"]) for c in mine] == [
        (sale["id"], 1, 0)
    ]


def _claim_when_started(
    till: Till, sale_id: str, start: threading.Barrier, statuses: list[tuple[int, str]]
) -> None:
    start.wait(timeout=10)
    response = till.claim(str(uuid.uuid4()), [(sale_id, 1, 1)])
    code = "" if response.status_code == 200 else response.json()["error"]["code"]
    statuses.append((response.status_code, code))


def test_two_tills_racing_for_the_last_unit_exactly_one_wins(lyon: Till, lyon2: Till) -> None:
    """Both tills' claims leave together (a barrier) on their own connections, many rounds:
    whatever the interleaving, one claim is recorded and the other refused."""
    for _round in range(ROUNDS):
        sale = lyon.sell([(161, "SKU0000161", 1, 300)])
        start = threading.Barrier(2)
        statuses: list[tuple[int, str]] = []
        threads = [
            threading.Thread(target=_claim_when_started, args=(till, sale["id"], start, statuses))
            for till in (lyon, lyon2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert sorted(statuses) == [(200, ""), (409, "not_returnable")]
        assert _returned_quantities(lyon.origin(sale["id"])) == {1: 1}


def test_a_web_order_is_found_once_handed_over_and_a_short_one_refunded(
    central: CentralServer, lyon: Till
) -> None:
    central.count_stock(LYON, "SKU0000170", 10)
    central.count_stock(LYON, "SKU0000172", 10)
    order = central.place_pickup_order("web-ret-1", {"SKU0000170": 3, "SKU0000172": 2})
    prices = {line["sku"]: line["unit_price_cents"] for line in order["lines"]}
    early = lyon.origin("web-ret-1")
    assert (early.status_code, early.json()["error"]["code"]) == (409, "not_handed_over")
    moves = [("preparing", None), ("ready", {"SKU0000170": 2}),
             ("partially_collected", {"SKU0000170": 2, "SKU0000172": 1})]  # fmt: skip
    for seq, (state, lines) in enumerate(moves, start=1):
        op = pickup_move(f"web-ret-1-{seq}", seq, central.pickup_order("web-ret-1"), state,
                         lines=lines)  # fmt: skip
        assert push(lyon.client, LYON, "T01", [op])[0]["status"] == "accepted"
    done = central.pickup_order("web-ret-1")
    missing = prices["SKU0000170"] + prices["SKU0000172"]  # one of each never handed over
    assert [(r["amount_cents"], r["reason"]) for r in done["refunds"]] == [
        (missing, "short_pickup")
    ]
    found = OriginSaleRecord.model_validate_json(lyon.origin(done["pickup_code"]).content)
    assert (found.sale_id, found.channel, found.terminal_id) == ("web-ret-1", "web", "")
    assert [(x.sku, x.quantity) for x in found.lines] == [("SKU0000170", 2), ("SKU0000172", 1)]
    assert [(t.amount_cents, t.refunded_cents) for t in found.tenders] == [
        (order["total_cents"], missing)
    ]
    by_id = lyon.origin("web-ret-1").json()
    assert by_id == found.model_dump()
    # Returned in store: the claim, then the ticket refunding the web payment; the unit
    # goes back on this store's shelf.
    on_hand = stock_level(lyon.client, LYON, 170)["on_hand"]
    return_id = str(uuid.uuid4())
    assert lyon.claim(return_id, [("web-ret-1", 1, 1)]).status_code == 200
    unit = prices["SKU0000170"]
    line = returned(1, ("web-ret-1", 1), (170, "SKU0000170"), 1, unit, channel="web")
    record = ticket(return_id, "T01", [line], [("card", -unit, "web:web-ret-1")])
    assert lyon.push_record(record)["warnings"] == []
    assert stock_level(lyon.client, LYON, 170)["on_hand"] == on_hand + 1
    again = OriginSaleRecord.model_validate_json(lyon.origin("web-ret-1").content)
    assert [x.returned_quantity for x in again.lines] == [1, 0]
    assert again.tenders[0].refunded_cents == missing + unit
    untouched = central.place_pickup_order("web-ret-2", {"SKU0000170": 1})
    assert "refunds" not in untouched  # an older desk still reads every order with none


def _note(client: httpx.Client, path: str) -> dict[str, Any]:
    response = client.get(path)
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_a_credit_note_issued_by_a_return_is_spent_on_the_web_then_at_another_till(
    central: CentralServer, lyon: Till, paris: Till
) -> None:
    sale = lyon.sell([(180, "SKU0000180", 2, 1000)])
    code = new_credit_note_code()
    record = ticket(
        str(uuid.uuid4()), "T01", [returned(1, (sale["id"], 1), (180, "SKU0000180"), 2, 1000)],
        [("credit_note", -2000, code)],
    )  # fmt: skip
    assert lyon.push_record(record)["warnings"] == []
    assert lyon.push_record(record | {"id": str(uuid.uuid4())})["status"] == "accepted"
    note = _note(paris.client, f"/v1/stores/{PARIS}/credit-notes/{code}")
    assert (note["issued_cents"], note["balance_cents"], note["status"]) == (2000, 2000, "active")
    assert note["issued_by"] == record["id"]  # the second ticket naming it issued nothing
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")  # a wrong check symbol
    unknown = paris.client.get(f"/v1/stores/{PARIS}/credit-notes/{typo}")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "not_found")
    year_later = instants.later(record["completed_at"], days=365)
    assert note["expires_at"] == year_later  # a year after the return

    web = central.client(central.web_token)
    debit = {"op_id": "web-order-77", "amount_cents": 500, "channel": "web"}
    for _attempt in range(2):  # the web shop's retry changes nothing
        answer = web.post(f"/v1/web/credit-notes/{code}/debits", json=debit)
        assert (answer.status_code, answer.json()["balance_cents"]) == (200, 1500)
    other = web.post(f"/v1/web/credit-notes/{code}/debits", json=debit | {"amount_cents": 5})
    assert other.json()["error"]["code"] == "op_id_reused"
    assert lyon.client.post(f"/v1/web/credit-notes/{code}/debits", json=debit).status_code == 401

    # Paris spends 400 online before committing its sale, then pushes the sale: once.
    spend = paris.chain.sale([(181, "SKU0000181", 1, 400)])
    spend_record = spend["payload"]["sale"]
    spend_record["tenders"] = [
        {"seq": 1, "kind": "credit_note", "amount_cents": 400, "reference": code}
    ]
    paris.chain = SaleChain(terminal_id="T01", seq=paris.chain.seq - 1,
                            head=spend["payload"]["journal"]["prev_hash"],
                            grand_total=paris.chain.grand_total - 400,
                            outbox_seq=paris.chain.outbox_seq - 1)  # fmt: skip
    store_debit = {"op_id": f"{spend_record['id']}:t1", "amount_cents": 400, "channel": "store"}
    path = f"/v1/stores/{PARIS}/credit-notes/{code}/debits"
    for _attempt in range(2):
        assert paris.client.post(path, json=store_debit).json()["balance_cents"] == 1100
    assert paris.push_record(spend_record)["warnings"] == []
    assert _note(paris.client, f"/v1/stores/{PARIS}/credit-notes/{code}")["balance_cents"] == 1100

    # Overspending online is refused and changes nothing; a reversal gives a debit back.
    over = paris.client.post(
        path, json={"op_id": "p-2:t1", "amount_cents": 1101, "channel": "store"}
    )
    assert (over.status_code, over.json()["error"]["code"]) == (409, "credit_note_spent")
    reversal = f"/v1/web/credit-notes/{code}/debits/web-order-77"
    assert web.delete(reversal).json()["balance_cents"] == 1600
    assert web.delete(reversal).json()["balance_cents"] == 1600  # once
    again = web.post(f"/v1/web/credit-notes/{code}/debits", json=debit | {"amount_cents": 400})
    assert again.json()["balance_cents"] == 1200  # spent again under its reversed op id
    assert web.delete(reversal).json()["balance_cents"] == 1600

    # Spent offline beyond its balance: the sale is a fact, the note goes to zero, flagged.
    offline = ticket(str(uuid.uuid4()), "T01", [], [("credit_note", 2000, code)])
    offline["v"] = 1
    offline["lines"] = [
        {"line_no": 1, "product_id": 182, "sku": "SKU0000182", "name": "Produit", "barcode": None,
         "sold_by": "unit", "quantity": 1, "unit_price_cents": 2000, "vat_bp": 550,
         "gross_cents": 2000, "line_discount_cents": 0, "ticket_discount_cents": 0,
         "total_cents": 2000}
    ]  # fmt: skip
    offline |= {"total_cents": 2000, "vat": [
        {"vat_bp": 550, "base_cents": 1896, "vat_cents": 104, "total_cents": 2000}]}  # fmt: skip
    result = lyon.push_record(offline)
    assert (result["status"], result["warnings"]) == ("accepted", ["credit_note_overspent"])
    spent = _note(web, f"/v1/web/credit-notes/{code}")
    assert (spent["balance_cents"], spent["status"]) == (0, "spent")
    web.close()
