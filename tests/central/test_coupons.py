"""Coupons over the real server (issue 15): a single-use code is reserved for one sale
(a retry answers the same, another sale is refused), given back, consumed by its sale's
push, free again after the hold; a shared code is checked, never reserved; the window,
the store scope and an unknown code are refused by name; of two tills reserving the same
code at once exactly one wins."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from sync.central import instants
from sync.central.coupons import COUPON_HOLD_HOURS
from tests.central.conftest import LYON, PARIS, push
from tests.support.central_server import CentralServer
from tests.support.coupons import coupon_promotion, issue
from tests.support.sale_ops import SaleChain, sale_record

ROUNDS = 20  # the race: two tills reserve the same fresh code, this many times


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


class Till:
    """One enrolled terminal of a store: its raw client and its sealed chain."""

    def __init__(self, central: CentralServer, store_id: str, terminal_id: str) -> None:
        self.store_id, self.terminal_id = store_id, terminal_id
        self.client = central.client(central.enrol(store_id, terminal_id))
        self.chain = SaleChain(terminal_id=terminal_id)

    def reserve(self, code: str, sale_id: str) -> httpx.Response:
        path = f"/v1/stores/{self.store_id}/coupons/reservations"
        return self.client.post(path, json={"code": code, "sale_id": sale_id})

    def release(self, sale_id: str, code: str) -> dict[str, Any]:
        path = f"/v1/stores/{self.store_id}/coupons/reservations/{sale_id}/{code}"
        response = self.client.delete(path)
        assert response.status_code == 200, response.text
        return dict(response.json())

    def push_sale(self, sale_id: str) -> None:
        record = sale_record(sale_id, self.terminal_id, 1, [(10, "SKU0000010", 1, 500)])
        [result] = push(self.client, self.store_id, self.terminal_id, [self.chain.seal(record)])
        assert result["status"] == "accepted", result


@pytest.fixture(scope="module")
def lyon(central: CentralServer) -> Till:
    return Till(central, LYON, "T01")


@pytest.fixture(scope="module")
def lyon2(central: CentralServer) -> Till:
    return Till(central, LYON, "T02")


def single_use_code(central: CentralServer, **fields: Any) -> tuple[int, str]:
    promotion_id = coupon_promotion(central, single_use_codes=True, **fields)
    [code] = issue(central, promotion_id, count=1)
    return promotion_id, code


def refusal(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


def sale() -> str:
    return str(uuid.uuid4())


# -- single-use codes ------------------------------------------------------------------------


def test_a_single_use_code_is_reserved_for_one_sale_and_a_retry_answers_the_same(
    central: CentralServer, lyon: Till, lyon2: Till
) -> None:
    promotion_id, code = single_use_code(central)
    first, other = sale(), sale()
    reserved = lyon.reserve(code, first)
    assert reserved.status_code == 200, reserved.text
    body = reserved.json()
    assert (body["code"], body["promotion_id"], body["token"]) == (
        code,
        promotion_id,
        f"#{promotion_id}",
    )
    assert (body["single_use"], body["reserved_for"]) == (True, first)
    typed = f"{code[:5].lower()}-{code[5:]} "  # case, dashes and spaces do not matter
    assert lyon.reserve(typed, first).json() == body  # a retry after a timeout
    assert refusal(lyon2.reserve(code, other)) == (409, "coupon_used")
    assert refusal(lyon.reserve(code, other)) == (409, "coupon_used")
    [second_code] = issue(central, promotion_id, count=1)  # the same promotion again
    assert refusal(lyon.reserve(second_code, first)) == (409, "coupon_already_applied")
    assert lyon.reserve(second_code, other).status_code == 200  # the customer kept it


def test_a_released_code_is_free_for_another_sale_and_releasing_again_is_harmless(
    central: CentralServer, lyon: Till, lyon2: Till
) -> None:
    _promotion_id, code = single_use_code(central)
    cancelled, next_sale = sale(), sale()
    assert lyon.reserve(code, cancelled).status_code == 200
    assert lyon.release(cancelled, code)["status"] == "released"
    assert lyon.release(cancelled, code)["status"] == "not_reserved"  # a retry
    assert lyon2.reserve(code, next_sale).status_code == 200
    assert lyon.release(cancelled, code)["status"] == "not_reserved"  # not its sale's now
    assert refusal(lyon.reserve(code, cancelled)) == (409, "coupon_used")
    assert lyon.release("never-reserved", "ABCD1234")["status"] == "not_reserved"


def test_the_sales_push_consumes_its_code_for_good(
    central: CentralServer, lyon: Till, lyon2: Till
) -> None:
    _promotion_id, code = single_use_code(central)
    paid = sale()
    answer = lyon.reserve(code, paid).json()
    lyon.push_sale(paid)
    assert lyon.release(paid, code)["status"] == "consumed"  # a late release frees nothing
    assert refusal(lyon2.reserve(code, sale())) == (409, "coupon_used")
    assert lyon.reserve(code, paid).json() == answer  # the same sale: still the same answer


def test_a_reservation_no_push_consumed_is_free_again_after_the_hold(
    central: CentralServer, lyon: Till, lyon2: Till
) -> None:
    """An abandoned till must not burn a customer's code."""
    _promotion_id, code = single_use_code(central)
    abandoned, later_sale = sale(), sale()
    assert lyon.reserve(code, abandoned).status_code == 200
    assert refusal(lyon2.reserve(code, later_sale)) == (409, "coupon_used")
    aged = instants.later(instants.house(datetime.now(UTC)), hours=-(COUPON_HOLD_HOURS + 1))
    with sqlite3.connect(central.db_path) as conn:
        conn.execute("UPDATE coupon_codes SET reserved_at = ? WHERE code = ?", (aged, code))
    assert lyon2.reserve(code, later_sale).json()["reserved_for"] == later_sale
    lyon.push_sale(abandoned)  # the abandoned sale comes in after all: the code is not its
    assert lyon2.release(later_sale, code)["status"] == "released"


def test_the_hold_is_the_servers_setting(tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("held") / "central.db"
    with CentralServer(path, products=20, extra_args=("--coupon-hold-hours", "48")) as server:
        till = Till(server, LYON, "T09")
        _promotion_id, code = single_use_code(server)
        before = datetime.now(UTC)
        expires_at = instants.parse(till.reserve(code, sale()).json()["expires_at"])
        hold = (expires_at - before).total_seconds() / 3600
        assert 47.99 < hold < 48.1, hold  # (the server keeps milliseconds)
        till.client.close()


# -- refusals by name ------------------------------------------------------------------------


def test_the_promotions_window_store_and_state_are_checked(
    central: CentralServer, lyon: Till
) -> None:
    cases = {
        "coupon_expired": {"ends_at": "2021-01-01T00:00:00.000Z"},
        "coupon_not_started": {"starts_at": "2039-01-01T00:00:00.000Z"},
        "coupon_other_store": {"stores": [PARIS]},
    }
    _promotion_id, code = single_use_code(central, channels=["web"])  # the web shop's only
    assert refusal(lyon.reserve(code, sale())) == (409, "coupon_other_store")
    assert refusal(lyon.reserve(" - ", sale())) == (404, "coupon_unknown")
    for code_expected, fields in cases.items():
        _promotion_id, code = single_use_code(central, **fields)
        assert refusal(lyon.reserve(code, sale())) == (409, code_expected), fields
    _promotion_id, code = single_use_code(central, active=False)
    assert refusal(lyon.reserve(code, sale())) == (409, "coupon_expired")
    _promotion_id, code = single_use_code(central, stores=[LYON])
    assert lyon.reserve(code, sale()).status_code == 200
    assert refusal(lyon.reserve("NOSUCHCODE", sale())) == (404, "coupon_unknown")


def test_a_shared_code_is_checked_and_never_reserved(
    central: CentralServer, lyon: Till, lyon2: Till
) -> None:
    promotion_id = coupon_promotion(central, coupon_code="BIENVENUE-26")
    for till in (lyon, lyon2, lyon):
        answer = till.reserve("bienvenue 26", sale())
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert (body["promotion_id"], body["single_use"], body["reserved_for"]) == (
            promotion_id, False, None,
        )  # fmt: skip
        assert body["token"] == "BIENVENUE-26"  # as the engine compares the promotion's code
    coupon_promotion(central, coupon_code="PARIS-ONLY", stores=[PARIS])
    assert refusal(lyon.reserve("PARIS-ONLY", sale())) == (409, "coupon_other_store")


def test_the_operator_issues_codes_to_single_use_promotions_only(
    central: CentralServer,
) -> None:
    promotion_id = coupon_promotion(central, single_use_codes=True)
    codes = issue(central, promotion_id, count=5)
    assert len(set(codes)) == 5 and all(len(code) == 10 and code.isalnum() for code in codes)
    assert issue(central, promotion_id, codes=["noel-2026 a"]) == ["NOEL2026A"]
    assert issue(central, promotion_id, codes=["NOEL2026A"]) == ["NOEL2026A"]  # again: harmless
    other = coupon_promotion(central, single_use_codes=True)
    path = f"/v1/admin/promotions/{other}/coupons"
    assert central.admin("POST", path, json={"codes": ["NOEL2026A"]}).status_code == 409
    shared = coupon_promotion(central, coupon_code="PARTAGE")
    path = f"/v1/admin/promotions/{shared}/coupons"
    assert central.admin("POST", path, json={"count": 1}).status_code == 409
    assert (
        central.admin("POST", "/v1/admin/promotions/999999/coupons", json={"count": 1}).status_code
        == 404
    )
    assert central.admin("POST", path, json={"count": 1, "codes": ["ABCD"]}).status_code == 400
    with central.client("not-the-admin") as stranger:
        assert stranger.post(path, json={"count": 1}).status_code == 401


# -- the race ---------------------------------------------------------------------------------


def _race(tills: tuple[Till, Till], code: str) -> list[httpx.Response]:
    """Both tills reserve ``code`` for a sale of their own, released by one barrier."""
    barrier = threading.Barrier(len(tills))
    answers: list[httpx.Response] = []

    def take(till: Till) -> None:
        barrier.wait(timeout=10)
        answers.append(till.reserve(code, sale()))

    threads = [threading.Thread(target=take, args=(till,)) for till in tills]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return answers


def test_two_tills_reserving_one_code_at_once_exactly_one_wins(
    central: CentralServer, lyon: Till, lyon2: Till
) -> None:
    promotion_id = coupon_promotion(central, single_use_codes=True)
    for code in issue(central, promotion_id, count=ROUNDS):
        answers = _race((lyon, lyon2), code)
        assert sorted(a.status_code for a in answers) == [200, 409], [a.text for a in answers]
        assert [refusal(a) for a in answers if a.status_code == 409] == [(409, "coupon_used")]
