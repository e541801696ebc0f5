"""The reference server keeps each terminal's till days: stored once, served to the operator.

The operations are a real till's outbox rows (``TillSessions`` on a store file), pushed as
the engine pushes them.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pos.domain.cash import count_cash
from pos.domain.rights import Actor, Role
from pos.domain.till_day import ClosingCount
from pos.services.till_session import TillSessions
from pos.store import outbox
from pos.store.local_store import LocalStore
from tests.central.conftest import LYON, push
from tests.support.central_server import CentralServer

TERMINAL = "Z1"
NADIA = Actor("s-nad", "Nadia", Role.MANAGER)
SESSIONS = f"/v1/admin/terminals/{LYON}/{TERMINAL}/sessions"


@pytest.fixture(scope="module")
def till(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, TERMINAL)) as client:
        yield client


def a_day(path: Path) -> list[dict]:
    """A till's day — open on 150 €, take 40 € to the bank, close 2 € short — as the
    operations its outbox holds."""
    with LocalStore(path) as store:
        sessions = TillSessions(store, terminal_id=TERMINAL)
        sessions.open(NADIA, {5000: 2, 1000: 5})
        sessions.cash_out(NADIA, 4000, "bank_deposit", "remise")
        sessions.close(NADIA, ClosingCount(count_cash({5000: 2, 200: 4})))
        return [
            {"op_id": item.op_id, "seq": item.seq, "kind": item.kind, "payload": item.payload}
            for item in outbox.pending(store.conn)
            if item.kind != "chain_entry"  # the JET's entries: the central witness's
        ]


def test_sessions_movements_and_z_are_stored_once_and_served(
    central: CentralServer, till: httpx.Client, tmp_path: Path
) -> None:
    ops = a_day(tmp_path / "store.db")
    assert [op["kind"] for op in ops] == [
        "till_session_opened", "cash_movement", "till_session_closed",
    ]  # fmt: skip
    assert [r["status"] for r in push(till, LYON, TERMINAL, ops)] == ["accepted"] * 3
    assert [r["status"] for r in push(till, LYON, TERMINAL, ops)] == ["duplicate"] * 3

    response = central.admin("GET", SESSIONS)
    assert response.status_code == 200, response.text
    view = response.json()
    assert view["terminal_id"] == TERMINAL and len(view["sessions"]) == 1
    session = view["sessions"][0]
    z = session["z_report"]
    assert session["status"] == "closed" and session["opened"]["float_cents"] == 15000
    assert [m["amount_cents"] for m in session["movements"]] == [4000]
    assert z == ops[2]["payload"]  # the whole Z as the till recorded it
    cash = next(row for row in z["counted"] if row["tender"] == "cash")
    assert (cash["expected_cents"], cash["counted_cents"]) == (11000, 10800)

    # A second Z for the same session (another op_id) cannot close it again.
    again = copy.deepcopy(ops[2])
    again["op_id"], again["payload"]["difference_cents"] = "z-other", 0
    [result] = push(till, LYON, TERMINAL, [again])
    assert (result["status"], result["code"]) == ("rejected", "conflict")
    assert central.admin("GET", SESSIONS).json()["sessions"][0]["z_report"] == z


def test_a_record_naming_another_terminal_or_malformed_is_refused(
    central: CentralServer, till: httpx.Client, tmp_path: Path
) -> None:
    opening = a_day(tmp_path / "store.db")[0]
    stolen = copy.deepcopy(opening)
    stolen["op_id"] = stolen["payload"]["session_id"] = "someone-elses"
    stolen["payload"]["terminal_id"] = "T99"
    absurd = copy.deepcopy(opening)
    absurd["op_id"] = absurd["payload"]["session_id"] = "absurd-float"
    absurd["payload"]["float_counts"] = [{"denomination_cents": 300, "pieces": 1}]
    results = push(till, LYON, TERMINAL, [stolen, absurd])
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "wrong_terminal"),
        ("rejected", "invalid_payload"),
    ]
    served = central.admin("GET", SESSIONS).json()["sessions"]
    assert {s["session_id"] for s in served}.isdisjoint({"someone-elses", "absurd-float"})


def test_the_sessions_endpoint_is_the_operators_only(
    central: CentralServer, till: httpx.Client
) -> None:
    assert till.get(SESSIONS).status_code == 401
    assert central.admin("GET", f"/v1/admin/terminals/{LYON}/NOPE/sessions").status_code == 404
